"""One rotating log file per user; internal errors go there, the user gets one sentence."""
from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from desktop.paths import log_file


def setup_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    try:
        handler = RotatingFileHandler(log_file(), maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return  # a read-only home must not stop the program
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
