"""The fixed vocabularies of the record."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    KEY_WORKER = "key_worker"
    PEER_MENTOR = "peer_mentor"
    MANAGER = "manager"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")

    @property
    def with_article(self) -> str:
        """The label as it goes in a sentence: "an administrator", "a manager"."""
        return f"{'an' if self.label[:1] in 'aeiou' else 'a'} {self.label}"


class AuthorKind(StrEnum):
    """Whose words a piece of text is: the person the plan is about, or a member of staff."""

    PERSON = "person"
    STAFF = "staff"


class PlanStatus(StrEnum):
    DRAFT = "draft"
    AGREED = "agreed"
    APPROVED = "approved"
    ACTIVE = "active"
    SUPERSEDED = "superseded"
    CLOSED = "closed"

    @property
    def frozen(self) -> bool:
        """An agreed version and everything after it can no longer be edited."""
        return self is not PlanStatus.DRAFT


class GoalStatus(StrEnum):
    NOT_STARTED = "not_started"
    UNDER_WAY = "under_way"
    ACHIEVED = "achieved"
    STOPPED = "stopped"


class StepOwner(StrEnum):
    """Who takes a step towards a goal."""

    PERSON = "person"
    WORKER = "worker"
    SERVICE = "service"
    SOMEONE_ELSE = "someone_else"


class ServiceUnit(StrEnum):
    SESSION = "session"
    HOUR = "hour"
    WEEK = "week"
    ITEM = "item"
    COURSE = "course"


class ProposalStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"
    # A manager asked to be told more: back with the person and key worker until they answer.
    ASKED = "asked"


class ReviewKind(StrEnum):
    EARLY = "early"
    REGULAR = "regular"
    FULL = "full"


class ReviewTopic(StrEnum):
    """What a note in a review is about. Each topic may have a note in each voice."""

    WORKING = "working"
    NOT_WORKING = "not_working"
    CHANGED = "changed"
    ANYTHING_ELSE = "anything_else"  # also where notes written before migration 0009 went


class GoalGoing(StrEnum):
    """How a goal of the reviewed plan is going, said at a review."""

    DONE = "done"
    GOING_WELL = "going_well"
    GETTING_THERE = "getting_there"
    HARD_GOING = "hard_going"
    NOT_STARTED = "not_started"


class ReviewOutcome(StrEnum):
    """How a review ends: the plan carries on, changes (a new version) or closes."""

    CARRY_ON = "carry_on"
    CHANGE_PLAN = "change_plan"
    CLOSE_PLAN = "close_plan"


class SignerKind(StrEnum):
    PERSON = "person"
    KEY_WORKER = "key_worker"


class SignatureMethod(StrEnum):
    DRAWN = "drawn"
    TYPED = "typed"


class OverdoseRisk(StrEnum):
    """How at risk of overdose the person feels, in words they choose from (see
    :mod:`careplan.domain.wording.staying_safe`)."""

    LOW = "low"
    SOME = "some"
    HIGH = "high"
    NOT_SURE = "not_sure"


class Naloxone(StrEnum):
    """Whether the person has naloxone (the overdose antidote) with them."""

    HELD = "held"
    NOT_HELD = "not_held"


class SafetyPart(StrEnum):
    """The parts of a staying-safe plan written as free text."""

    WARNING_SIGNS = "warning_signs"
    WHAT_HELPS = "what_helps"
    IF_UNREACHABLE = "if_unreachable"
