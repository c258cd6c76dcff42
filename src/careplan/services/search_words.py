"""The words a person is found by: folded once when their names change, looked up by index range.

Search as you type matches each typed word against the start of any word of a person's
preferred name, full name or reference. Rather than asking the database to read every person
(``LIKE`` cannot use an index for "a word inside the name"), each of those words is kept in
``person_words``, folded, and a typed word is found by the range of folded words that start
with it.

Folding: lower case (``str.casefold``, so "STRASSE" finds "Straße") and accents taken off
(compatibility decomposition, combining marks dropped: "zoe" finds "Zoë", "ZOË" too). Words are
what ``str.split`` makes of the text, so an apostrophe or a hyphen stays inside its word, as
before: "o'b" finds "O'Brien"; "brien" does not.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from careplan.domain.records import PersonNameKey, PersonWord
from careplan.domain.text import not_text


def _bare(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold(text: str) -> str:
    """``text`` in the form words are kept and compared in: case folded, accents off.

    Character by character, so a typed start of a word folds to the start of the folded word.
    """
    return _bare(_bare(text).casefold())


def words_of(*texts: str | None) -> set[str]:
    """The folded words of a person's names and reference (empty ones dropped)."""
    found: set[str] = set()
    for text in texts:
        for word in (text or "").split():
            folded = fold(word)
            if folded:
                found.add(folded)
    return found


def typed_words(text: str) -> list[str]:
    """The folded words of what was typed; a word that folds to nothing (a lone accent) is left out.

    A search is not kept, so what could not be (bytes that are not text, control characters:
    see :mod:`careplan.domain.text`) is not refused as it would be in a record: it separates
    words, as a space does, since no name or reference holds it."""
    seen = "".join(" " if not_text(c) or unicodedata.category(c) == "Cc" else c for c in text)
    return [folded for word in seen.split() if (folded := fold(word))]


_SURROGATES = range(0xD800, 0xE000)


def after_prefix(prefix: str) -> str | None:
    """The smallest text greater than every text starting with ``prefix`` (codepoint order), or
    None if there is none: a word starts with ``prefix`` exactly when
    ``prefix <= word < after_prefix(prefix)``."""
    kept = prefix.rstrip("\U0010ffff")
    if not kept:
        return None
    code = ord(kept[-1]) + 1
    if code in _SURROGATES:  # not characters: the next one is U+E000
        code = _SURROGATES.stop
    return kept[:-1] + chr(code)


def name_key(preferred_name: str) -> str:
    """Where a person comes in the list by name: their preferred name, folded."""
    return fold(preferred_name)


def rows_for(person_id: int, preferred_name: str, full_name: str, reference: str) -> list[dict[str, object]]:
    """The ``person_words`` rows for one person (for inserting in bulk)."""
    return [
        {"word": word, "person_id": person_id}
        for word in sorted(words_of(preferred_name, full_name, reference))
    ]


def name_key_row(person_id: int, preferred_name: str) -> dict[str, object]:
    """The ``person_name_keys`` row for one person: where they come in the list by name."""
    return {"person_id": person_id, "name_key": name_key(preferred_name)}


def index_person(
    session: Session, person_id: int, preferred_name: str, full_name: str, reference: str, *, new: bool
) -> None:
    """Keep the words and the name order in step with a person's names: called in the same
    transaction as the change (registering, renaming), so the list never finds them by an old name.
    (A bulk writer inserts the same rows: :func:`rows_for`, :func:`name_key_row`.)"""
    if not new:
        session.execute(delete(PersonWord).where(PersonWord.person_id == person_id))
        session.execute(delete(PersonNameKey).where(PersonNameKey.person_id == person_id))
    words = rows_for(person_id, preferred_name, full_name, reference)
    if words:
        session.execute(insert(PersonWord), words)
    session.execute(insert(PersonNameKey), [name_key_row(person_id, preferred_name)])
