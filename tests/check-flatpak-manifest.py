#!/usr/bin/env python3
"""Checks the Flatpak manifest: it parses, names the app, and asks for no
network and no file system access (files come through the portal)."""

import json
import sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)

errors = []

def need(cond, msg):
    if not cond:
        errors.append(msg)

need(manifest.get("id") == "io.github.steadyapp.Steady", "id is not io.github.steadyapp.Steady")
need(manifest.get("runtime") == "org.gnome.Platform", "runtime is not org.gnome.Platform")
need(manifest.get("sdk") == "org.gnome.Sdk", "sdk is not org.gnome.Sdk")
need(manifest.get("command") == "steady", "command is not steady")

args = manifest.get("finish-args", [])
allowed = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}
for arg in args:
    need(not arg.startswith("--share=network"), "finish-args share the network: " + arg)
    need(not arg.startswith("--filesystem"), "finish-args grant file system access: " + arg)
    need(arg in allowed or arg.startswith("--talk-name=org.freedesktop.timedate1")
         or arg.startswith("--system-talk-name=org.freedesktop.timedate1"),
         "unexpected finish-arg: " + arg)
for arg in allowed:
    need(arg in args, "missing finish-arg: " + arg)

modules = manifest.get("modules", [])
names = [m.get("name") if isinstance(m, dict) else m for m in modules]
need(names and names[-1] == "steady", "the last module is not steady")
for dep in ("libnotify", "libical"):
    need(dep in names, "no module for " + dep)
for m in modules:
    if isinstance(m, dict):
        for src in m.get("sources", []):
            if src.get("type") == "archive":
                need(len(src.get("sha256", "")) == 64, m["name"] + ": archive without sha256")

if errors:
    for e in errors:
        print("flatpak manifest:", e, file=sys.stderr)
    sys.exit(1)
print("flatpak manifest ok:", len(modules), "modules,", len(args), "finish-args")
