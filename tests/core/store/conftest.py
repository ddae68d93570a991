"""A demo project built once per session (the bundled workbook imported as the window does), copied per test."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.core.ingest.load import load_file
from desktop.core.store import Project

DEMO = Path(__file__).resolve().parents[3] / "desktop" / "resources" / "demo" / "critmin_demo.xlsx"


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.critmin"
    preview = load_file(DEMO)
    assert preview.ok
    with Project.open(path, create=True) as project:
        project.write_import(preview.tables, preview.source())
    return path


@pytest.fixture
def demo_copy(demo_file, tmp_path) -> Path:
    path = tmp_path / "demo.critmin"
    shutil.copyfile(demo_file, path)
    return path
