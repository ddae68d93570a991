"""Opt-in tuning of the C allocator for large engine runs (glibc only).

The engine's big steps allocate and free many arrays of millions of elements.
glibc serves each with a fresh ``mmap`` and returns it with ``munmap``, so
every temporary array is page-faulted in again: on a 5 M-row dataset about a
third of the run time is the kernel zeroing pages.  ``tune_malloc()`` makes
glibc keep freed memory in the heap for reuse instead.  The price: the
process keeps its peak memory (RSS does not shrink after a run).

It changes the whole process, so the core never calls it by itself: the
application or the batch command line may call it once at start-up.  It does
nothing (and returns False) where glibc is not the C library (Windows, macOS,
musl).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import sys

_M_TRIM_THRESHOLD = -1
_M_TOP_PAD = -2
_M_MMAP_THRESHOLD = -3


def tune_malloc(top_pad_mb: int = 512) -> bool:
    """Keep large freed blocks for reuse (glibc ``mallopt``).  True when applied."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    big = 2**31 - 1
    ok = mallopt(_M_MMAP_THRESHOLD, big) == 1
    ok &= mallopt(_M_TRIM_THRESHOLD, big) == 1
    ok &= mallopt(_M_TOP_PAD, int(top_pad_mb) << 20) == 1
    return bool(ok)
