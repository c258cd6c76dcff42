"""A database failure as a StorageError: the driver's exception, in the words of
:func:`careplan.domain.wording.failures.database_problem`."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy.exc import DBAPIError, OperationalError

from careplan.domain.errors import StorageError
from careplan.domain.wording.failures import database_problem


@contextlib.contextmanager
def translate_storage_errors() -> Iterator[None]:
    try:
        yield
    except (OperationalError, DBAPIError) as exc:
        raise StorageError(database_problem(exc)) from exc
