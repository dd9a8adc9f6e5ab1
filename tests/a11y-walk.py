#!/usr/bin/python3
# a11y-walk.py: every control a person can reach has a name.
#
# Starts Steady (with the accessibility bridge on), opens each page, each
# welcome page, Preferences, Help Now and the main dialogs, and walks the
# accessibility tree through AT-SPI, as a screen reader sees it. Fails on
# any focusable control whose name is empty or only a widget's type name.
#
# Usage: a11y-walk.py BUILDDIR   (under a session bus and a display)
#
# Copyright 2026 The Steady authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
    from gi.repository import Gio, GLib
except ImportError as e:
    print(f"SKIP: {e} (install python3-pyatspi)")
    sys.exit(77)

BUILD = sys.argv[1]
APP_ID = "io.github.steadyapp.Steady.Devel"
OBJECT_PATH = "/" + APP_ID.replace(".", "/")

# Roles that only group other things: a name is not expected.
CONTAINERS = {
    pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW, pyatspi.ROLE_DIALOG,
    pyatspi.ROLE_PANEL, pyatspi.ROLE_FILLER, pyatspi.ROLE_SCROLL_PANE,
    pyatspi.ROLE_VIEWPORT, pyatspi.ROLE_PAGE_TAB_LIST, pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_SEPARATOR, pyatspi.ROLE_ALERT,
}
TYPE_NAME = re.compile(r"^(Gtk|Adw|Steady)[A-Z][A-Za-z]*$")


def wait(condition, what, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    raise SystemExit(f"FAIL: timed out waiting for {what}")


def find_app():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "steady":
            return app
    return None


def windows(app):
    return [w for w in app if w is not None]


def window_named(app, name):
    for w in windows(app):
        if w.name == name:
            return w
    return None


def inside(node):
    # What a sighted person sees in it: the first few names below.
    names = []
    def collect(n):
        for c in n:
            if c is None or len(names) >= 3:
                continue
            if c.name and not TYPE_NAME.match(c.name):
                names.append(c.name)
            collect(c)
    collect(node)
    return names


def describe(node):
    path = []
    first = node
    while node is not None and node.getRole() != pyatspi.ROLE_APPLICATION:
        if node.name and not TYPE_NAME.match(node.name) or node is first:
            path.append(f"{node.getRoleName()}:{node.name!r}")
        node = node.parent
    return " < ".join(path[:5]) + f" containing {inside(first)}"


def ancestors(node):
    node = node.parent
    while node is not None and node.getRole() != pyatspi.ROLE_APPLICATION:
        yield node
        node = node.parent


problems = []
checked = 0


def walk(node, where):
    global checked
    try:
        role = node.getRole()
        state = node.getState()
        name = node.name or ""
    except Exception:
        return
    # An empty label is not a control: selectable labels (errors, file
    # names) are focusable but empty while hidden, and GTK 4.8 reports no
    # "showing" state to tell hidden ones apart.
    empty_label = role == pyatspi.ROLE_LABEL and not name.strip() or name == "GtkLabel"
    # The pop-up list of a drop-down is GTK's and libadwaita's own; the
    # drop-down itself and its button are checked.
    in_combo = role == pyatspi.ROLE_LIST_ITEM and node.parent is not None and \
        any(a.getRole() == pyatspi.ROLE_COMBO_BOX for a in ancestors(node))
    if state.contains(pyatspi.STATE_FOCUSABLE) and role not in CONTAINERS and not empty_label and not in_combo:
        checked += 1
        labelled = any(r.getRelationType() == pyatspi.RELATION_LABELLED_BY
                       for r in node.getRelationSet())
        if (not name.strip() or TYPE_NAME.match(name)) and not labelled:
            problems.append(f"{where}: unnamed {describe(node)}")
    for child in node:
        if child is not None:
            walk(child, where)


def same_name(actual, wanted):
    # GTK 4.8 names a button after its label property and its label child
    # ("_Next Next"): match either.
    actual = (actual or "").replace("_", "")
    return actual == wanted or actual.startswith(wanted + " ") or actual.endswith(" " + wanted)


def find(node, role, name=None):
    try:
        if node.getRole() == role and (name is None or same_name(node.name, name)):
            return node
    except Exception:
        return None
    for child in node:
        if child is None:
            continue
        found = find(child, role, name)
        if found is not None:
            return found
    return None


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press", "toggle"):
            action.doAction(i)
            return
    action.doAction(0)


def activate(bus, path, action, parameter=None):
    bus.call_sync(APP_ID, path, "org.gtk.Actions", "Activate",
                  GLib.Variant("(sava{sv})", (action, [parameter] if parameter else [], {})),
                  None, Gio.DBusCallFlags.NONE, 5000, None)
    time.sleep(0.8)


def close_others(app, keep):
    for w in windows(app):
        if w.name != keep and w.name not in ("",):
            try:
                comp = w.queryComponent()
            except Exception:
                pass
    return


def main():
    home = tempfile.mkdtemp(prefix="steady-a11y-")
    env = dict(os.environ)
    for key in ("GTK_A11Y", "NO_AT_BRIDGE"):
        env.pop(key, None)
    for xdg in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[xdg] = os.path.join(home, xdg)
        os.makedirs(env[xdg], exist_ok=True)
    env["GSETTINGS_BACKEND"] = "memory"
    env["GSETTINGS_SCHEMA_DIR"] = os.path.join(BUILD, "data")
    env["GSK_RENDERER"] = "cairo"
    env["GDK_DEBUG"] = "gl-disable"
    proc = subprocess.Popen([os.path.join(BUILD, "src", "steady")], env=env)
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    try:
        app = wait(find_app, "Steady on the accessibility bus")

        # The welcome, page by page, then skipped.
        welcome = wait(lambda: window_named(app, "Welcome"), "the welcome")
        for page in range(8):
            time.sleep(0.4)
            walk(welcome, f"welcome page {page + 1}")
            nxt = find(welcome, pyatspi.ROLE_PUSH_BUTTON, "Next")
            if nxt is None:
                break
            click(nxt)
        start = find(welcome, pyatspi.ROLE_PUSH_BUTTON, "Start")
        if start is not None:
            click(start)
        wait(lambda: window_named(app, "Welcome") is None, "the welcome to close")

        # The four places.
        main_window = wait(lambda: window_named(app, "Steady"), "the main window")
        for place in ("Today", "Calendar", "Journal", "Lessons"):
            tab = find(main_window, pyatspi.ROLE_PAGE_TAB, place)
            if tab is None:
                problems.append(f"no page tab {place}")
                continue
            click(tab)
            time.sleep(0.8)
            walk(main_window, place)

        # The session editor, through the Calendar's New Session button.
        before = {w.name for w in windows(app)}
        click(find(main_window, pyatspi.ROLE_PAGE_TAB, "Calendar"))
        time.sleep(0.5)
        new_session = find(main_window, pyatspi.ROLE_PUSH_BUTTON, "New Session")
        if new_session is None:
            problems.append("no New Session button")
        else:
            click(new_session)
        for w in wait(lambda: [w for w in windows(app) if w.name not in before and w.name != "Steady"],
                      "the session editor", 10):
            walk(w, f"session editor: {w.name}")

        # Dialogs opened through the application's actions.
        for action, title in (("new-checkin", None), ("help-now", None), ("urge-surf", None),
                              ("halt-check", None), ("checkup", None), ("preferences", None)):
            before = {w.name for w in windows(app)}
            activate(bus, OBJECT_PATH, action)
            opened = wait(lambda: [w for w in windows(app) if w.name not in before and w.name != "Steady"],
                          f"a window from app.{action}", 10)
            for w in opened:
                walk(w, f"app.{action}: {w.name}")
                # Preferences: each of its pages.
                for tab_name in ("Program", "Journal", "Reminders", "Help Now", "Data"):
                    tab = find(w, pyatspi.ROLE_PAGE_TAB, tab_name) if action == "preferences" else None
                    if tab is not None:
                        click(tab)
                        time.sleep(0.5)
                        walk(w, f"Preferences {tab_name}")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(home, ignore_errors=True)

    print(f"{checked} focusable controls checked")
    if checked < 50:
        print("FAIL: too few controls seen; the walk did not reach the pages")
        return 1
    for p in sorted(set(problems)):
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
