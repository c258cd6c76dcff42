"""Text that people type, or that comes in from a file: the one check it passes before it is kept.

Every use case that takes text, and every import, passes it through :func:`check_text` (or
:func:`one_line`, which tidies the spaces of a one-line field first), so that what reaches the
database, a PDF, the screen or a terminal is text. It is refused, in one sentence naming the
field, when it holds:

- characters that are not text: lone surrogates, which is how Python keeps bytes that were not
  text where they came from (a file name, an argument or a file in another encoding). No
  database, PDF or terminal can take them;
- control characters (NUL, escape, backspace...). A field of several lines keeps its line breaks
  and tabs; a Windows line break (CR LF) becomes a plain one;
- nothing but invisible characters: zero-width spaces, joiners, direction marks and the like.
  Such text looks empty but is not, so nobody could see or answer it.

Whether a field may be empty, and how long it may be, stays the rule of the field's own use case.
Secrets (passwords, passphrases) are not free text: :func:`check_secret` only refuses what no
hashing or encryption can take.
"""

from __future__ import annotations

import unicodedata

from careplan.domain.errors import InvalidInput

# Unicode's default-ignorable code points (shown as nothing), and the blanks that are not
# whitespace to Python (the Hangul fillers, the blank Braille pattern).
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x2800, 0x2800),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
_KEPT_IN_LINES = frozenset("\n\t")
NOT_TEXT = "{what} has bytes in it that are not text. Please type it again."


def not_text(value: str) -> bool:
    """Whether ``value`` holds characters that are not text (lone surrogates: bytes that were not
    text where they came from)."""
    return any(0xD800 <= ord(c) <= 0xDFFF for c in value)


def invisible(char: str) -> bool:
    """Whether ``char`` shows nothing by itself (a space, a zero-width space, a direction mark...)."""
    if char.isspace() or unicodedata.category(char) in ("Cf", "Zs", "Zl", "Zp"):
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _INVISIBLE_RANGES)


def _control(char: str, lines: bool) -> bool:
    return unicodedata.category(char) == "Cc" and not (lines and char in _KEPT_IN_LINES)


def _sentence(what: str) -> str:
    return what[:1].upper() + what[1:]


def check_text(value: str, what: str, field: str, *, lines: bool = False) -> str:
    """``value`` if it is text a person could have written, else :class:`InvalidInput` for
    ``field`` in a sentence naming ``what`` ("the staff member's name"). With ``lines`` (a field of
    several lines) line breaks and tabs are kept, and CR LF or a lone CR become LF.

    Empty text, or text of spaces only, is returned as it is: whether it may be empty is the
    caller's rule."""
    if not isinstance(value, str):
        raise InvalidInput(f"{_sentence(what)} is not text.", field)
    if lines:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if not_text(value):
        raise InvalidInput(NOT_TEXT.format(what=_sentence(what)), field)
    control = next((c for c in value if _control(c, lines)), None)
    if control is not None and control in "\n\r\t":
        raise InvalidInput(f"{_sentence(what)} goes on one line, without line breaks or tabs.", field)
    if control is not None:
        raise InvalidInput(
            f"{_sentence(what)} has a control character in it (such as NUL or escape), which cannot "
            "be kept. Please type it again without it.",
            field,
        )
    if value.strip() and all(invisible(c) for c in value):
        raise InvalidInput(
            f"{_sentence(what)} has only invisible characters in it (such as zero-width spaces). "
            "Please write it in words.",
            field,
        )
    return value


def one_line(value: str, what: str, field: str) -> str:
    """A one-line field: its runs of spaces, tabs and line breaks made one space, the ends
    trimmed, then :func:`check_text`."""
    if not isinstance(value, str):
        raise InvalidInput(f"{_sentence(what)} is not text.", field)
    return check_text(" ".join(value.split()), what, field)


def check_secret(value: str, what: str, field: str) -> str:
    """A password or passphrase: any characters at all, as long as they are text."""
    if not isinstance(value, str) or not_text(value):
        raise InvalidInput(NOT_TEXT.format(what=_sentence(what)), field)
    return value
