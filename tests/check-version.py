#!/usr/bin/env python3
"""steady --version prints the version and exits without opening a window
or touching any data."""

import os
import subprocess
import sys
import tempfile

exe, version = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as home:
    env = dict(os.environ, XDG_DATA_HOME=home, LANGUAGE="en", DISPLAY="")
    env.pop("WAYLAND_DISPLAY", None)
    out = subprocess.run([exe, "--version"], env=env, capture_output=True, text=True, timeout=30)
    if out.returncode != 0:
        sys.exit(f"exit status {out.returncode}: {out.stderr}")
    if out.stdout.strip() != f"Steady {version}":
        sys.exit(f"unexpected output: {out.stdout!r}")
    if os.listdir(home):
        sys.exit(f"--version wrote data: {os.listdir(home)}")
print("ok:", out.stdout.strip())
