"""Who may do what: the one permission table every use case consults.

Two questions, both answered here:

1. **May this role do this kind of thing at all?** (:data:`PERMISSIONS`, :func:`require`.)
2. **Whose care records may they do it to?** (:func:`record_scope`.)

Care records follow least privilege (issue 14, item 9):

- **Managers** may open and change every person's record.
- **Key workers and peer mentors** may open only the people on their **caseload**: a key worker,
  the people they are the key worker of; a peer mentor, the people they are assigned to (a key
  worker or manager assigns them). Anyone else's record they may open only by **covering for a
  colleague**: they give a reason (required) and how long (until the end of the day, or a number
  of hours, at most :data:`MAX_COVER_HOURS`); the cover is recorded in the audit trail and shows
  in the person's "Who has seen this", and it ends by itself.
- **Who works with a person** (:data:`TEAM_ACTIONS`: assigning a peer mentor, ending a peer
  mentor's work with them, handing them on to another key worker) decides who may open the
  record from then on. A manager may change it for anyone; a key worker only for the people whose
  key worker they are (not for someone they cover for: a cover is for a while, and this lasts);
  peer mentors and administrators never (:func:`may_change_team`).
- **Administrators** run the system and have no access to anybody's care record.

Everybody who may see the people list sees every name and reference in it (to find someone, or
to know whom they are covering for); the list is not an opening of anyone's record, and it shows
the plan status and next review only of people the member of staff may open.
"""

from __future__ import annotations

from enum import StrEnum

from careplan.domain.enums import Role
from careplan.domain.errors import PermissionDenied


class Action(StrEnum):
    VIEW_PEOPLE = "view_people"
    REGISTER_PERSON = "register_person"
    EDIT_PERSON = "edit_person"
    EDIT_ABOUT_ME = "edit_about_me"
    RECORD_CONSENT = "record_consent"
    START_PLAN = "start_plan"
    EDIT_PLAN = "edit_plan"
    RECORD_PROGRESS = "record_progress"
    RECORD_DISAGREEMENT = "record_disagreement"
    PROPOSE_SERVICE = "propose_service"
    ASSESS_BUDGET = "assess_budget"
    SET_AGREED_BUDGET = "set_agreed_budget"
    SET_BUDGET_ABOVE_INDICATIVE = "set_budget_above_indicative"
    ALLOCATE_BUDGET = "allocate_budget"
    OVERRIDE_BUDGET = "override_budget"
    SIGN_AS_KEY_WORKER = "sign_as_key_worker"
    WITNESS_PERSON_SIGNATURE = "witness_person_signature"
    APPROVE_PLAN = "approve_plan"
    ACTIVATE_PLAN = "activate_plan"
    CLOSE_PLAN = "close_plan"
    REVISE_PLAN = "revise_plan"
    SCHEDULE_REVIEW = "schedule_review"
    RECORD_REVIEW = "record_review"
    # Reviews (services/reviews_*): the person asks for one; a key worker brings one forward, ends
    # one (carry on, change the plan), or closes the plan at a review. Peer mentors hold reviews
    # with the person and write in them (RECORD_REVIEW), but do not end them or close plans.
    ASK_FOR_REVIEW = "ask_for_review"
    BRING_REVIEW_FORWARD = "bring_review_forward"
    END_REVIEW = "end_review"
    CLOSE_PLAN_AT_REVIEW = "close_plan_at_review"
    LOAD_MEASURES = "load_measures"
    MANAGE_CATALOGUE = "manage_catalogue"
    DECIDE_PROPOSAL = "decide_proposal"
    MANAGE_STAFF = "manage_staff"
    CONFIGURE = "configure"
    VIEW_AUDIT = "view_audit"
    VIEW_REPORTS = "view_reports"
    PRINT_AGREEMENT = "print_agreement"
    MANAGE_SIGNING_CERTIFICATE = "manage_signing_certificate"
    BACKUP_DATABASE = "backup_database"
    RESTORE_DATABASE = "restore_database"
    # Key workers and peer mentors: open someone outside their caseload, for a while, with a reason.
    COVER_FOR_COLLEAGUE = "cover_for_colleague"
    # Who works with a person (TEAM_ACTIONS): only for the people whose key worker one is, or a manager.
    ASSIGN_PEER_MENTOR = "assign_peer_mentor"
    END_PEER_MENTOR = "end_peer_mentor"
    CHANGE_KEY_WORKER = "change_key_worker"
    # Spending from an approved plan's budget (services/spending*): the person's key worker and
    # managers record it and put it right; only a manager agrees to spend beyond what is set
    # aside (or on a service not in the approved plan), or records how the budget is held.
    RECORD_SPENDING = "record_spending"
    AGREE_OVERSPEND = "agree_overspend"
    SET_BUDGET_HOLDING = "set_budget_holding"
    # Every member of staff: confirm who they are (unlocking their window), change their password.
    SIGN_IN = "sign_in"
    # Every member of staff: signing in starts the service's daily backup (they choose nothing).
    AUTOMATIC_BACKUP = "automatic_backup"

    @property
    def label(self) -> str:
        """What the action is, as the end of "A key worker cannot ..."."""
        return _LABELS.get(self, self.value.replace("_", " "))


_LABELS: dict[Action, str] = {
    Action.BACKUP_DATABASE: "back up the database",
    Action.RESTORE_DATABASE: "restore the database from a backup",
    Action.AUTOMATIC_BACKUP: "start the daily automatic backup",
    Action.COVER_FOR_COLLEAGUE: "cover for a colleague",
    Action.ASSIGN_PEER_MENTOR: "assign a peer mentor to a person",
    Action.END_PEER_MENTOR: "end a peer mentor's work with a person",
    Action.CHANGE_KEY_WORKER: "change a person's key worker",
    Action.RECORD_REVIEW: "hold a review or write in it",
    Action.ASK_FOR_REVIEW: "record that a person asked for a review",
    Action.BRING_REVIEW_FORWARD: "bring a review forward",
    Action.END_REVIEW: "end a review",
    Action.CLOSE_PLAN_AT_REVIEW: "close a plan at a review",
    Action.LOAD_MEASURES: "load outcome measures",
    Action.RECORD_SPENDING: "record spending from a personal budget",
    Action.AGREE_OVERSPEND: "agree to spend more than is set aside",
    Action.SET_BUDGET_HOLDING: "record how a personal budget is held",
    Action.VIEW_REPORTS: "open the manager's desk",
}

_PEER_MENTOR = frozenset(
    {
        Action.SIGN_IN,
        Action.AUTOMATIC_BACKUP,
        Action.VIEW_PEOPLE,
        Action.EDIT_ABOUT_ME,
        Action.EDIT_PLAN,
        Action.RECORD_DISAGREEMENT,
        Action.PROPOSE_SERVICE,
        Action.COVER_FOR_COLLEAGUE,
        Action.RECORD_REVIEW,
        Action.ASK_FOR_REVIEW,
    }
)

_KEY_WORKER = _PEER_MENTOR | {
    Action.REGISTER_PERSON,
    Action.EDIT_PERSON,
    Action.RECORD_CONSENT,
    Action.START_PLAN,
    Action.RECORD_PROGRESS,
    Action.ASSESS_BUDGET,
    Action.SET_AGREED_BUDGET,
    Action.ALLOCATE_BUDGET,
    Action.SIGN_AS_KEY_WORKER,
    Action.WITNESS_PERSON_SIGNATURE,
    Action.ACTIVATE_PLAN,
    Action.REVISE_PLAN,
    Action.SCHEDULE_REVIEW,
    Action.BRING_REVIEW_FORWARD,
    Action.END_REVIEW,
    Action.CLOSE_PLAN_AT_REVIEW,
    Action.ASSIGN_PEER_MENTOR,
    Action.END_PEER_MENTOR,
    Action.CHANGE_KEY_WORKER,
    Action.RECORD_SPENDING,
}

_MANAGER = (_KEY_WORKER - {Action.COVER_FOR_COLLEAGUE}) | {
    Action.SET_BUDGET_ABOVE_INDICATIVE,
    Action.OVERRIDE_BUDGET,
    Action.AGREE_OVERSPEND,
    Action.SET_BUDGET_HOLDING,
    Action.APPROVE_PLAN,
    Action.CLOSE_PLAN,
    Action.LOAD_MEASURES,
    Action.MANAGE_CATALOGUE,
    Action.DECIDE_PROPOSAL,
    Action.VIEW_AUDIT,
    Action.VIEW_REPORTS,
    Action.PRINT_AGREEMENT,
    Action.MANAGE_SIGNING_CERTIFICATE,
    Action.BACKUP_DATABASE,
}

# Administrators run the system (staff accounts, settings, catalogue) but do not read or write
# anybody's care record.
_ADMINISTRATOR = frozenset(
    {
        Action.SIGN_IN,
        Action.AUTOMATIC_BACKUP,
        Action.MANAGE_STAFF,
        Action.CONFIGURE,
        Action.LOAD_MEASURES,
        Action.MANAGE_CATALOGUE,
        Action.VIEW_AUDIT,
        Action.MANAGE_SIGNING_CERTIFICATE,
        Action.BACKUP_DATABASE,
        Action.RESTORE_DATABASE,
    }
)

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.PEER_MENTOR: frozenset(_PEER_MENTOR),
    Role.KEY_WORKER: frozenset(_KEY_WORKER),
    Role.MANAGER: frozenset(_MANAGER),
    Role.ADMINISTRATOR: _ADMINISTRATOR,
}


class RecordScope(StrEnum):
    """Whose care records a role may open and change (see the module's docstring)."""

    EVERYONE = "everyone"
    CASELOAD = "caseload"  # their caseload, and whoever they are covering for
    NOBODY = "nobody"


RECORD_SCOPES: dict[Role, RecordScope] = {
    Role.MANAGER: RecordScope.EVERYONE,
    Role.KEY_WORKER: RecordScope.CASELOAD,
    Role.PEER_MENTOR: RecordScope.CASELOAD,
    Role.ADMINISTRATOR: RecordScope.NOBODY,
}

# Covering for a colleague lasts until the end of the day, or this many hours at most (3 days).
MAX_COVER_HOURS = 72


def record_scope(role: Role) -> RecordScope:
    return RECORD_SCOPES[role]


OUTSIDE_CASELOAD = (
    "This person is not on your caseload. To open their record, cover for a colleague: say why, "
    "and for how long."
)

# Changing who works with a person: who may open their record from then on.
TEAM_ACTIONS = frozenset({Action.ASSIGN_PEER_MENTOR, Action.END_PEER_MENTOR, Action.CHANGE_KEY_WORKER})

NOT_THEIR_KEY_WORKER = (
    "Only this person's key worker or a manager can change who works with them "
    "(covering for a colleague does not allow it)."
)


def may_change_team(role: Role, action: Action, *, their_key_worker: bool) -> bool:
    """Whether a member of staff may do one of the :data:`TEAM_ACTIONS` for a person: their role
    must allow it, and unless they may open everyone's record (a manager) they must be the
    person's key worker (``their_key_worker``)."""
    if action not in TEAM_ACTIONS or not may(role, action):
        return False
    return record_scope(role) is RecordScope.EVERYONE or their_key_worker


def may(role: Role, action: Action) -> bool:
    return action in PERMISSIONS[role]


def require(role: Role, action: Action) -> None:
    if not may(role, action):
        raise PermissionDenied(
            f"{role.with_article.capitalize()} cannot {action.label}. Ask a colleague whose role allows it."
        )
