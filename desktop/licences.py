"""What CritMin is built from and under which licences, for Help ▸ About: read from the installed packages'
metadata (``importlib.metadata``), never typed by hand, so the list follows whatever is installed or bundled.

No Qt here: the About dialog passes Qt's version in; the command line and tests can use this as it is.
"""
from __future__ import annotations

import contextlib
import platform
import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

PROGRAM = "critmin"
REPO = Path(__file__).resolve().parents[1]

# Metadata's licence words are free text; a licence text pasted into the field (pandas, scipy) is cut to
# its first line when that line names a licence, else to this many characters.
SHORT = 60


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    summary: str = ""


def licence_of(meta) -> str:
    """License-Expression (PEP 639), else the License classifiers, else the License field shortened; '' if none."""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::") and c.split("::")[-1].strip() != "OSI Approved"]
    if classifiers:
        return " / ".join(dict.fromkeys(classifiers))
    return shorten((meta.get("License") or "").strip())


def shorten(text: str) -> str:
    """A licence field that holds a whole licence text becomes the licence's name (its first line)."""
    if not text or text.upper() == "UNKNOWN":
        return ""
    first = text.splitlines()[0].strip()
    if len(first) <= SHORT and not first.lower().startswith("copyright"):
        return first
    # e.g. "Copyright (c) 2001-2002 Enthought …": name the kind of licence if its words are there
    for words, name in (("redistribution and use", "BSD-style"), ("permission is hereby granted", "MIT-style"),
                        ("apache license", "Apache"), ("gnu lesser general public", "LGPL"),
                        ("gnu general public", "GPL"), ("mozilla public", "MPL")):
        if words in text.lower():
            return name
    return first[:SHORT].rstrip() + "…"


def requirement_name(text: str) -> str | None:
    """The distribution name of a Requires-Dist line, or None when its marker is false here (extras included).

    ``packaging`` evaluates markers exactly when it is installed; without it (it is no runtime dependency)
    a requirement of an extra is dropped and any other marker is taken as true — a package that is not
    installed is skipped later anyway.
    """
    try:
        from packaging.requirements import InvalidRequirement, Requirement
    except ImportError:
        name, _, marker = text.partition(";")
        if "extra" in marker:
            return None
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", name)
        return match.group(1) if match else None
    try:
        req = Requirement(text)
    except InvalidRequirement:
        return None
    if req.marker is not None and not req.marker.evaluate({"extra": ""}):
        return None
    return req.name


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()   # PEP 503: "XlsxWriter" = "xlsxwriter", "et_xmlfile" = "et-xmlfile"


def _checkout_requirements() -> list[str]:
    """pyproject.toml's dependencies when running from a checkout: an editable install's metadata is written
    when it is installed and lags behind later edits of pyproject (a newly added dependency)."""
    pyproject = REPO / "pyproject.toml"
    if getattr(sys, "frozen", False) or not pyproject.is_file():
        return []
    try:
        import tomllib

        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if data.get("project", {}).get("name") != PROGRAM:
        return []
    return list(data["project"].get("dependencies", []))


def dependencies(root: str = PROGRAM) -> list[Component]:
    """Every installed distribution ``root`` depends on, recursively (not ``root`` itself), sorted by name.

    When ``root``'s own metadata is absent (a frozen build that did not carry it), every distribution whose
    metadata is present is listed instead: those are what the bundle holds.
    """
    try:
        wanted = list(metadata.requires(root) or [])
    except metadata.PackageNotFoundError:
        wanted = None
    checkout = _checkout_requirements() if root == PROGRAM else []
    if checkout:
        wanted = (wanted or []) + checkout
    if wanted is None:
        found = {}
        for dist in metadata.distributions():
            name = dist.metadata.get("Name")
            if name and _key(name) != _key(root):
                found.setdefault(_key(name), _component(dist))
        return sorted(found.values(), key=lambda c: c.name.casefold())
    found: dict[str, Component] = {}
    queue = [r for r in (requirement_name(t) for t in wanted) if r]
    while queue:
        name = queue.pop()
        key = _key(name)
        if key in found or key == _key(root):
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue                          # an optional or platform-only requirement not installed here
        found[key] = _component(dist)
        queue.extend(r for r in (requirement_name(t) for t in dist.requires or []) if r)
    return sorted(found.values(), key=lambda c: c.name.casefold())


def _component(dist) -> Component:
    meta = dist.metadata
    return Component(meta.get("Name") or "", meta.get("Version") or "", licence_of(meta),
                     (meta.get("Summary") or "").strip())


def program() -> Component:
    """CritMin itself: its version, and its licence from its metadata, else from the LICENSE file's title."""
    from desktop import __version__

    licence = ""
    with contextlib.suppress(metadata.PackageNotFoundError):
        licence = licence_of(metadata.metadata(PROGRAM))
    if not licence:
        text = licence_text()
        first = text.strip().splitlines()[0] if text.strip() else ""
        licence = re.sub(r"\s+License$", "", first) if first else ""
    return Component("CritMin", __version__, licence)


def licence_text() -> str:
    """The program's LICENSE file (a checkout's root, or the frozen app's folder), '' when it is not there."""
    for folder in (Path(getattr(sys, "_MEIPASS", "")) if getattr(sys, "frozen", False) else None, REPO):
        if folder is None:
            continue
        try:
            return (folder / "LICENSE").read_text(encoding="utf-8")
        except OSError:
            continue
    return ""


def python() -> Component:
    # Python is no distribution, so it has no metadata to read; its licence is the PSF License Agreement.
    return Component("Python", platform.python_version(), "PSF-2.0")


def qt(qt_version: str) -> Component:
    """Qt's libraries ship inside the PySide6 wheels and are licensed with them: the licence is PySide6's."""
    licence = ""
    for name in ("PySide6-Essentials", "PySide6"):
        try:
            licence = licence_of(metadata.metadata(name))
            break
        except metadata.PackageNotFoundError:
            continue
    return Component("Qt", qt_version, licence)


def components(qt_version: str = "") -> list[Component]:
    """Python, Qt (when its version is given) and every bundled distribution, for the About table."""
    head = [python()] + ([qt(qt_version)] if qt_version else [])
    return head + dependencies()
