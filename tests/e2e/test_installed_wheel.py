"""The installed wheel, not the checkout, carries its translations, icons and demo workbook.

A wheel is built from a copy of the package sources (so the build writes nothing into the checkout),
installed with ``pip install --target``, and imported from there by a fresh interpreter started outside
the repository; ``desktop.__file__`` proves which copy was imported.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ICONS = ["new-project", "open-project", "import-data", "export-data", "export-results", "recompute", "undo",
         "redo", "copy", "paste", "find", "cancel", "add-row", "delete-row", "filter", "preferences", "help",
         "about", "close-project", "save-as", "warning", "error", "info", "critmin"]

CHECK_INSTALLED = textwrap.dedent(r'''
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    target, repo = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    import desktop
    assert Path(desktop.__file__).resolve().is_relative_to(target), f"imported {desktop.__file__}"
    venv = Path(sys.prefix).resolve()      # the venv may live inside the checkout (.venv)
    inside = [p for p in sys.path
              if p and Path(p).resolve().is_relative_to(repo) and not Path(p).resolve().is_relative_to(venv)]
    assert not inside, f"the checkout is on sys.path: {inside}"

    from desktop import paths
    assert paths.resources_dir().resolve().is_relative_to(target), paths.resources_dir()
    assert paths.demo_workbook().is_file(), paths.demo_workbook()
    assert paths.demo_workbook().read_bytes()[:2] == b"PK"            # an xlsx is a zip
    qm = paths.translations_dir() / "critmin_zh_CN.qm"
    assert qm.is_file(), qm
    for name in sys.argv[3].split(","):
        assert (paths.icons_dir() / f"{name}.svg").is_file(), name
    for extra in ("critmin.png", "critmin.ico"):
        assert (paths.icons_dir() / extra).is_file(), extra

    # The context of "&File" as the translation source names it (the window class may be renamed).
    ts = ET.parse(qm.with_suffix(".ts"))
    context = next(c.findtext("name") for c in ts.iter("context")
                   if any(m.findtext("source") == "&File" for m in c.iter("message")))

    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtSvg import QSvgRenderer

    app = QCoreApplication([])
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    app.installTranslator(translator)
    assert QCoreApplication.translate(context, "&File") == "文件(&F)"
    app.removeTranslator(translator)

    from desktop.ui.translation import install_translator
    assert install_translator(app, "zh_CN")
    assert QCoreApplication.translate(context, "&File") == "文件(&F)"
    for name in sys.argv[3].split(","):
        assert QSvgRenderer(str(paths.icons_dir() / f"{name}.svg")).isValid(), name
    print("installed wheel ok:", desktop.__file__)
''')

CHECK_ZIPPED = textwrap.dedent(r'''
    import sys
    from pathlib import Path

    import desktop
    assert ".zip" in desktop.__file__, desktop.__file__
    from desktop import paths
    folder = paths.resources_dir()
    assert ".zip" not in str(folder) and folder.is_dir(), folder     # a real folder Qt can read
    assert paths.demo_workbook().is_file() and (paths.translations_dir() / "critmin_zh_CN.qm").is_file()
    assert (paths.icons_dir() / "critmin.svg").read_bytes().startswith(b"<svg")
    print("zipped ok:", folder)
''')


def _run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=240, **kwargs)


def _sources(into: Path) -> Path:
    """What the wheel is built from: pyproject, README and the package, without byte code."""
    into.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, into / name)
    shutil.copytree(REPO / "desktop", into / "desktop",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"))
    return into


def _can_build_without_isolation() -> bool:
    """setuptools < 70.1 needs the ``wheel`` package for bdist_wheel."""
    import setuptools

    version = tuple(int(part) for part in setuptools.__version__.split(".")[:2] if part.isdigit())
    return version >= (70, 1) or importlib.util.find_spec("wheel") is not None


def _build_wheel(tmp: Path) -> Path:
    src, out = _sources(tmp / "src"), tmp / "wheelhouse"
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q", "-w", str(out),
           str(src)]
    if _can_build_without_isolation():
        cmd.insert(4, "--no-build-isolation")
    r = _run(cmd, cwd=tmp)
    if r.returncode != 0:
        text = r.stdout + r.stderr
        offline = ("No matching distribution", "Could not find a version", "NewConnectionError",
                   "Network is unreachable")
        if "--no-build-isolation" not in cmd and any(s in text for s in offline):
            pytest.skip("no wheel package in this environment and no package index to fetch the build backend")
        pytest.fail(f"pip wheel failed:\n{text}")
    wheels = list(out.glob("critmin-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(tmp)
    target = tmp / "site"
    r = _run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--disable-pip-version-check",
              "-q", "--target", str(target), str(wheel)], cwd=tmp)
    assert r.returncode == 0, r.stdout + r.stderr
    return wheel, target


def _env(pythonpath: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    return {**env, "PYTHONPATH": str(pythonpath), "QT_QPA_PLATFORM": "offscreen", "PYTHONNOUSERSITE": "1"}


def test_wheel_contains_the_package_data(installed):
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"desktop/resources/demo/critmin_demo.xlsx", "desktop/resources/translations/critmin_zh_CN.qm",
                "desktop/resources/icons/critmin.ico", "desktop/resources/icons/critmin.png",
                *(f"desktop/resources/icons/{name}.svg" for name in ICONS)}
    assert expected <= names, sorted(expected - names)
    assert not any("__pycache__" in name for name in names)


def test_installed_wheel_finds_translation_demo_and_icons(installed, tmp_path):
    _, target = installed
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    # -s: no user site; -P: neither the working directory nor a script folder on sys.path.
    r = _run([sys.executable, "-s", "-P", "-c", CHECK_INSTALLED, str(target), str(REPO), ",".join(ICONS)],
             cwd=outside, env=_env(target))
    assert r.returncode == 0 and "installed wheel ok" in r.stdout, r.stdout + r.stderr


def test_resources_are_found_when_imported_from_a_zip(installed, tmp_path):
    """A zip import has no folder to hand Qt: resources_dir() copies the tree out once."""
    _, target = installed
    archive = tmp_path / "critmin.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in (target / "desktop").rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zf.write(path, path.relative_to(target).as_posix())
    r = _run([sys.executable, "-s", "-P", "-c", CHECK_ZIPPED], cwd=tmp_path, env=_env(archive))
    assert r.returncode == 0 and "zipped ok" in r.stdout, r.stdout + r.stderr


def test_checkout_paths_and_documents_folder(tmp_path, monkeypatch):
    """From the checkout the same functions find the same files; CRITMIN_HOME redirects the user folders."""
    from desktop import paths

    assert paths.resources_dir() == REPO / "desktop" / "resources"
    assert paths.demo_workbook().is_file() and (paths.translations_dir() / "critmin_zh_CN.qm").is_file()
    assert (paths.icons_dir() / "critmin.svg").is_file() and paths.styles_dir().is_dir()
    monkeypatch.setenv("CRITMIN_HOME", str(tmp_path / "home"))
    assert paths.documents_dir() == tmp_path / "home" / "Documents" and paths.documents_dir().is_dir()
    assert paths.log_file().parent == paths.user_data_dir() == tmp_path / "home"
    if sys.platform.startswith("linux"):
        monkeypatch.delenv("CRITMIN_HOME")
        monkeypatch.setenv("HOME", str(tmp_path / "user"))
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
        (tmp_path / "config").mkdir()
        (tmp_path / "config" / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/Dokumente"\n')
        assert paths.documents_dir() == tmp_path / "user" / "Dokumente"
        (tmp_path / "config" / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/"\n')   # disabled
        assert paths.documents_dir() == tmp_path / "user" / "Documents"
