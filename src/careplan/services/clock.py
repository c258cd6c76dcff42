"""What time the use cases think it is: the real time, or a time a test chooses.

Covering for a colleague ends at a time; tests move the clock past it instead of sleeping.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime

from careplan.domain.records import utcnow

_source: Callable[[], datetime] = utcnow


def now() -> datetime:
    """Now, in UTC, as every unit of work sees it."""
    return _source()


@contextlib.contextmanager
def clock_set_to(source: Callable[[], datetime]) -> Iterator[None]:
    """Use ``source`` for the time while the block runs (tests)."""
    global _source
    saved = _source
    _source = source
    try:
        yield
    finally:
        _source = saved
