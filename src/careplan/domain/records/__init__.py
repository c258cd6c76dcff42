"""The care-plan record as SQLAlchemy 2 typed models, one module for each part of the record.

Conventions:
- money is integer pence (``*_pence`` columns); quantities are ``Numeric(12, 2)``;
- every piece of free text is an :class:`AuthoredText` row, so authorship belongs to the text;
  texts are never edited in place: a change writes a new text, so earlier plan versions keep theirs;
- items that live on from one plan version to the next (goals, steps, allocations) carry a ``key``
  that stays the same across versions, so two versions can be compared item by item;
- timestamps are UTC.

Every model is imported here, so that ``Base.metadata`` (what Alembic and the tests compare with
the migrations) holds every table once this package is imported, and the record's names are
imported from here: ``from careplan.domain.records import Person, PlanVersion``.
"""

from __future__ import annotations

from careplan.domain.records.audit import AuditEvent, AuditHead
from careplan.domain.records.base import NAMING_CONVENTION, Base, FoldedText, UtcDateTime, new_key, utcnow
from careplan.domain.records.budget import Allocation, Proposal, Provider, Service, allocation_goals
from careplan.domain.records.people import (
    AboutMeEntry,
    Consent,
    PeerMentorAssignment,
    Person,
    PersonNameKey,
    PersonWord,
    RecordCover,
    SubstanceUse,
)
from careplan.domain.records.plans import (
    Disagreement,
    Goal,
    LifeArea,
    Plan,
    PlanVersion,
    Signature,
    Step,
)
from careplan.domain.records.reviews import Review, ReviewConfirmation, ReviewGoal, ReviewNote, ReviewScore
from careplan.domain.records.settings import Setting
from careplan.domain.records.spending import MAX_RECEIPT_BYTES, PlanBudget, Spending
from careplan.domain.records.staff import SignInFailure, StaffMember
from careplan.domain.records.staying_safe import SafetyContact, StayingSafe
from careplan.domain.records.texts import AuthoredText

__all__ = [
    "MAX_RECEIPT_BYTES",
    "NAMING_CONVENTION",
    "AboutMeEntry",
    "Allocation",
    "AuditEvent",
    "AuditHead",
    "AuthoredText",
    "Base",
    "Consent",
    "Disagreement",
    "FoldedText",
    "Goal",
    "LifeArea",
    "PeerMentorAssignment",
    "Person",
    "PersonNameKey",
    "PersonWord",
    "Plan",
    "PlanBudget",
    "PlanVersion",
    "Proposal",
    "Provider",
    "RecordCover",
    "Review",
    "ReviewConfirmation",
    "ReviewGoal",
    "ReviewNote",
    "ReviewScore",
    "SafetyContact",
    "Service",
    "Setting",
    "SignInFailure",
    "Signature",
    "Spending",
    "StaffMember",
    "StayingSafe",
    "Step",
    "SubstanceUse",
    "UtcDateTime",
    "allocation_goals",
    "new_key",
    "utcnow",
]
