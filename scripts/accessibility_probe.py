"""Walk CritMin's window over the accessibility bus (AT-SPI), as a screen reader or test robot does.

Needs Debian's python3-pyatspi and at-spi2-core; run with the system python3, the app started with
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 inside the same D-Bus session, e.g.::

    xvfb-run -a dbus-run-session -- sh -c '/usr/libexec/at-spi-bus-launcher --launch-immediately &
        sleep 2; QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 .venv/bin/critmin gui & sleep 10;
        /usr/bin/python3 scripts/accessibility_probe.py'

Prints the named controls by role and every control without a name; exits 1 if there is one.
"""
from __future__ import annotations

import time

import pyatspi  # the system's AT-SPI bindings, not a dependency of CritMin

CONTROLS = ("push button", "toggle button", "check box", "combo box", "spin button", "text", "table", "list",
            "page tab", "menu item")


def find_app(name: str = "CritMin", wait_s: float = 60):
    end = time.monotonic() + wait_s
    while time.monotonic() < end:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == name:
                return app
        time.sleep(1)
    return None


def main() -> int:
    app = find_app()
    if app is None:
        print("CritMin is not on the accessibility bus")
        return 2
    named: dict[str, set[str]] = {}
    unnamed: list[str] = []

    def walk(node, path, depth=0):
        try:
            role, name = node.getRoleName(), node.name
        except Exception:   # a node that went away while we walked
            return
        here = path + [f"{role}:{name[:24]}"]
        if role in CONTROLS:
            if name:
                named.setdefault(role, set()).add(name)
            else:
                unnamed.append(" > ".join(here[-4:]))
        if depth < 25 and role != "table cell":
            for i in range(min(node.childCount, 80)):
                walk(node.getChildAtIndex(i), here, depth + 1)

    walk(app, [])
    for role in CONTROLS:
        names = sorted(named.get(role, ()))
        print(f"{role} ({len(names)}): {', '.join(names)}")
    for line in unnamed:
        print("WITHOUT A NAME:", line)
    return 1 if unnamed else 0


if __name__ == "__main__":
    raise SystemExit(main())
