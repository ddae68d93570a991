"""Tuning of the C allocator for large engine runs (glibc only).

The engine's big steps allocate and free many arrays of millions of elements.
By default glibc serves each with a fresh ``mmap`` and returns it with
``munmap``, so every temporary array is page-faulted in again: on the 5 M-row
benchmark about 100 000 page faults and 0.7–1.8 s of kernel time per run
(``bench/bench_engine.py --default-malloc``).  :func:`tune_malloc` makes glibc
keep freed memory in the heap for reuse instead (kernel time ≈ 0.05–0.2 s).
The price is that the process keeps its peak memory after a run, so callers
hand it back with :func:`release_memory` once a run is over.

It changes the whole process, so the engine never calls it by itself: whoever
runs the engine wraps the run in :func:`engine_memory` (``critmin compute``
and the GUI's analysis run on its worker do).  Both functions do nothing (and return
False) where glibc is not the C library (Windows, macOS, musl).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import sys
from contextlib import contextmanager

_M_TRIM_THRESHOLD = -1
_M_TOP_PAD = -2
_M_MMAP_THRESHOLD = -3


def _glibc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt, libc.malloc_trim                      # noqa: B018 — glibc has both
    except (OSError, AttributeError):
        return None
    return libc


def tune_malloc(top_pad_mb: int = 512) -> bool:
    """Keep large freed blocks for reuse (glibc ``mallopt``).  True when applied."""
    libc = _glibc()
    if libc is None:
        return False
    big = 2**31 - 1
    ok = libc.mallopt(_M_MMAP_THRESHOLD, big) == 1
    ok &= libc.mallopt(_M_TRIM_THRESHOLD, big) == 1
    ok &= libc.mallopt(_M_TOP_PAD, int(top_pad_mb) << 20) == 1
    return bool(ok)


def release_memory() -> bool:
    """Give the free heap memory back to the system (glibc ``malloc_trim(0)``); call after a run.

    True when some memory was released."""
    libc = _glibc()
    if libc is None:
        return False
    return libc.malloc_trim(0) == 1


@contextmanager
def engine_memory():
    """``with engine_memory(): run(...)``: freed arrays are reused during the run (:func:`tune_malloc`)
    and the free heap is handed back afterwards (:func:`release_memory`), also on an error."""
    tune_malloc()
    try:
        yield
    finally:
        release_memory()
