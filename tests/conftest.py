"""Shared fixtures: where the real public data live, and a fresh registry."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
# ../shared/data beside the repository (read-only; never copied into the repo).
SHARED_DATA = Path(os.environ.get("CRITMIN_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data folder {SHARED_DATA} not present")
    return SHARED_DATA


@pytest.fixture(scope="session")
def registry():
    from desktop.core.registry import default_registry

    return default_registry()
