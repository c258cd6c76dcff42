"""A refusal a person can read, which wrote nothing: how the tests check a use case said no."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import TypeVar

import pytest

from careplan.domain.errors import CareplanError
from careplan.storage.database import Database
from tests.stored import rows_as_text

E = TypeVar("E", bound=CareplanError)

PYTHON_WORDS: tuple[str, ...] = (
    "Traceback",
    "Error",
    "Exception",
    "NoneType",
    "object at",
    "sqlalchemy",
    "psycopg",
    "__",
)
"""Words that would mean a Python internal leaked into a message a person reads."""


def assert_plain(message: str, words: Sequence[str] = PYTHON_WORDS) -> None:
    """A message a person can read: three words or more, and none of ``words`` in it."""
    assert len(message.split()) >= 3, message
    for word in words:
        assert word not in message, f"{word!r} in {message!r}"


@contextlib.contextmanager
def refused(
    db: Database, kind: type[E], phrase: str, *, words: Sequence[str] = PYTHON_WORDS
) -> Iterator[pytest.ExceptionInfo[E]]:
    """The block raises ``kind`` with ``phrase`` in a plain message, and writes nothing at all."""
    before = rows_as_text(db)
    with pytest.raises(kind) as info:
        yield info
    assert phrase.lower() in info.value.message.lower(), info.value.message
    assert_plain(info.value.message, words)
    assert rows_as_text(db) == before, "a refused change still wrote to the database"
