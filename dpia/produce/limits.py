"""Limits on one document's time and memory, so that one hostile file cannot stop a batch.

The checks in `validate` refuse every slow input found so far (huge or damaged logos, `<use>`
bombs, alias bombs); these limits are the backstop for what no check foresaw. A document
that takes longer than its time, or would need more memory than the process may have, fails
with a message naming the limit; the batch goes on with the next one.

Measured: the largest sample's five documents peak at 344 MB of address space and take a few
seconds each on a busy 2-core machine.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SECONDS = 120  # for one document; DPIA_DOCUMENT_SECONDS overrides it
MEMORY = 2 * 1024**3  # address space of a rendering process; DPIA_DOCUMENT_MEMORY overrides it


class LimitExceeded(Exception):
    """A document took longer, or needed more memory, than it may."""


def seconds() -> float:
    return float(os.environ.get("DPIA_DOCUMENT_SECONDS", SECONDS))


def limit_memory() -> None:
    """Cap this process's address space (a batch worker's, or `dpia render`'s): an allocation
    past it fails with MemoryError instead of taking the machine's memory."""
    try:
        import resource
    except ImportError:  # not on this platform
        return
    limit = int(os.environ.get("DPIA_DOCUMENT_MEMORY", MEMORY))
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


@contextmanager
def document_limits() -> Iterator[None]:
    """Run one document within its time; turn running out of memory into a message."""
    limit = seconds()
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()

    def expired(signum: int, frame: object) -> None:
        raise LimitExceeded(f"took longer than {limit:g} s, the limit for one document")

    previous = signal.signal(signal.SIGALRM, expired) if usable else None
    if usable:
        signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        yield
    except MemoryError:
        memory = int(os.environ.get("DPIA_DOCUMENT_MEMORY", MEMORY))
        raise LimitExceeded(
            f"needed more than {memory / 1024**3:g} GiB of memory, the limit for one document"
        ) from None
    finally:
        if usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
