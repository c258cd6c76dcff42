"""What money can be set aside for, as the service picker lists it: catalogue services and
requests a manager approved, two lines each, filtered by kind of help and by words searched for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from careplan.domain.wording.units import price_words
from careplan.services.workspace import CatalogueEntry, ProposalView

Index = QModelIndex | QPersistentModelIndex

ASKED_FOR = "\x00asked-for"
"""The category list's entry for requests a manager approved (never a real category name)."""


@dataclass(frozen=True)
class Choice:
    """Something money can be set aside for: a catalogue service, or a request a manager approved."""

    service_id: int | None
    proposal_id: int | None
    name: str
    provider: str
    category: str
    description: str
    unit: str
    unit_price_pence: int
    peer_led: bool

    @classmethod
    def from_entry(cls, entry: CatalogueEntry) -> Choice:
        return cls(
            entry.id,
            None,
            entry.name,
            entry.provider,
            entry.category,
            entry.description,
            entry.unit,
            entry.unit_price_pence,
            entry.peer_led,
        )

    @classmethod
    def from_proposal(cls, proposal: ProposalView) -> Choice:
        assert proposal.approved_unit_price_pence is not None
        return cls(
            None,
            proposal.id,
            proposal.what,
            "Asked for specially, and approved by a manager",
            proposal.category,
            f"Why it was asked for: {proposal.why.body}",
            proposal.unit,
            proposal.approved_unit_price_pence,
            False,
        )

    @property
    def asked_for(self) -> bool:
        return self.proposal_id is not None

    def matches(self, words: list[str]) -> bool:
        haystack = " ".join((self.name, self.provider, self.category, self.description)).lower()
        return all(word in haystack for word in words)


class ChoicesModel(QAbstractListModel):
    """The services (and approved requests) on offer, two lines each: name, then price."""

    ChoiceRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, choices: list[Choice], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choices = list(choices)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._choices)

    def choice(self, row: int) -> Choice:
        return self._choices[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._choices):
            return None
        choice = self._choices[index.row()]
        marks = []
        if choice.peer_led:
            marks.append("peer-led")
        if choice.asked_for:
            marks.append("asked for specially")
        extra = f" · {', '.join(marks)}" if marks else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{choice.name}\n{price_words(choice.unit_price_pence, choice.unit)}{extra}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{choice.name}, {price_words(choice.unit_price_pence, choice.unit)}{extra}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return choice.description or choice.name
        if role == self.ChoiceRole:
            return choice
        return None


class ChoicesFilter(QSortFilterProxyModel):
    """Shows one kind of help (or everything) and only what matches every word searched for."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._category: str | None = None
        self._words: list[str] = []

    def set_category(self, category: str | None) -> None:
        self.beginFilterChange()
        self._category = category
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_words(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.lower().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ChoicesModel)
        choice = model.choice(source_row)
        if self._category == ASKED_FOR and not choice.asked_for:
            return False
        if self._category not in (None, ASKED_FOR) and choice.category != self._category:
            return False
        return choice.matches(self._words)
