"""Progress reports and cancellation between the engine's steps."""
from __future__ import annotations

from collections.abc import Callable

from desktop.core.errors import Cancelled

Progress = Callable[[float, str], None] | None
CancelCheck = Callable[[], bool] | None


def check(cancelled: CancelCheck) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled("The computation was cancelled.")


def report(progress: Progress, fraction: float, text: str) -> None:
    if progress is not None:
        progress(float(min(max(fraction, 0.0), 1.0)), text)
