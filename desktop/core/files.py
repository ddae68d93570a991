"""Writing a file safely: beside its target, then moved into place.

Used by every export and by the project's backup copy; it needs no spreadsheet library, so the store
can use it without loading one.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from desktop.core.errors import WriteError


def write_replacing(path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a temporary file beside ``path``, then move it into place.

    A failed write (folder missing, disk full, the file open in Excel on Windows) raises
    :class:`WriteError` and leaves any earlier file at ``path`` as it was, never half written."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc} (is it open in Excel or another "
                         "program?). Nothing was written.") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path
