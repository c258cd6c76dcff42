"""The one base for dialogs with fields: OK runs the use case with what was typed; a refusal is
shown beside the field at fault (or under the form) with the cursor put there, and nothing typed
is cleared; Cancel, Esc and the close button ask before typed words are thrown away (the guard,
gui/dialogs/guard.py), for a dialog that says which of its fields hold words worth keeping.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from careplan.domain.errors import CareplanError, InvalidInput
from careplan.gui.dialogs.guard import TypedWords

# Where a field's problem goes: beside it (the field and its own label), or under the form (the
# field alone, which gets the cursor).
Field = QWidget | tuple[QWidget, QLabel]
Fields = Mapping[str, Field]


class FieldProblems:
    """Shows a refusal next to the field it is about (or under the form), and focuses that field.

    ``fields`` maps the field names the use cases give (``InvalidInput.field``) to widgets; it
    may be a callable for a form whose fields depend on what is chosen. ``select_text``: select
    what was typed in a one-line field at fault, to type it again.
    """

    def __init__(
        self,
        general: QLabel,
        fields: Fields | Callable[[], Fields] | None = None,
        *,
        select_text: bool = False,
    ) -> None:
        self._general = general
        self._fields = fields if fields is not None else {}
        self._select_text = select_text
        self.clear()

    def fields(self) -> Fields:
        return self._fields() if callable(self._fields) else self._fields

    def clear(self) -> None:
        self._general.clear()
        self._general.hide()
        for field in self.fields().values():
            if isinstance(field, tuple):
                field[1].clear()
                field[1].hide()

    def show(self, problem: CareplanError | str, field: str | None = None) -> None:
        """Say what is wrong; ``field`` (else the refusal's own) names where to put it right."""
        self.clear()
        message = problem if isinstance(problem, str) else problem.message
        if field is None and isinstance(problem, InvalidInput):
            field = problem.field
        place = self.fields().get(field or "")
        label = place[1] if isinstance(place, tuple) else self._general
        widget = place[0] if isinstance(place, tuple) else place
        label.setText(message)
        label.setAccessibleName(message)
        label.show()
        if widget is not None:
            widget.setFocus()
            if self._select_text and isinstance(widget, QLineEdit):
                widget.selectAll()

    def text(self, field: str | None = None) -> str:
        """What is said now under the form, or beside one field."""
        place = self.fields().get(field or "") if field is not None else None
        return place[1].text() if isinstance(place, tuple) else self._general.text()


class FormDialog(QDialog):
    """A dialog with fields. Its subclass builds its form, then calls :meth:`set_up_form`, and
    says what saving means in :meth:`save_typed` (which raises CareplanError to refuse)."""

    problems: FieldProblems
    typed: TypedWords | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_value: object = None

    def set_up_form(
        self,
        buttons: QDialogButtonBox | tuple[QAbstractButton, QAbstractButton],
        problems: FieldProblems,
        *,
        typed: Callable[[], tuple[str, ...]] | None = None,
    ) -> None:
        """OK saves, Cancel closes (a button box, or the form's own two buttons); ``typed`` reads
        the words the guard keeps (read now, as the dialog opens)."""
        self.problems = problems
        if isinstance(buttons, QDialogButtonBox):
            buttons.accepted.connect(self.save)
            buttons.rejected.connect(self.reject)
        else:
            ok, cancel = buttons
            ok.clicked.connect(self.save)
            cancel.clicked.connect(self.reject)
        if typed is not None:
            self.typed = TypedWords(typed)

    def save_typed(self) -> object:
        """Run the use case with what was typed (may raise CareplanError); returns its result."""
        raise NotImplementedError

    def save(self) -> None:
        """OK: save what was typed and close; on a refusal say why, and stay open as typed."""
        self.problems.clear()
        try:
            self.result_value = self.save_typed()
        except CareplanError as exc:
            self.refused(exc)
            return
        self.accept()

    def refused(self, exc: CareplanError) -> None:
        self.problems.show(exc)

    def has_unsaved_words(self) -> bool:
        return self.typed is not None and self.typed.changed

    def done(self, result: int) -> None:
        if self.typed is not None and not self.typed.may_close(self, result):
            return  # the words are kept: the dialog stays open
        self.closing()
        super().done(result)

    def closing(self) -> None:
        """Just before the dialog closes (after the guard, if any, let it)."""
