"""What the new database already holds when the demo starts: the ids taken, the life areas, the
budget questionnaire and the head of the audit chain; and the checks that it really is new."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careplan.demo.content.catalogue import PROVIDERS
from careplan.demo.content.names import FIXED_USERNAMES
from careplan.demo.stand_ins import Area
from careplan.domain.budget import Questionnaire
from careplan.domain.errors import InvalidTransition
from careplan.domain.records import AuditHead, Base, LifeArea, Provider, Setting, StaffMember
from careplan.services.budget import QUESTIONNAIRE_SETTING, default_questionnaire


@dataclass
class Reference:
    next_id: dict[str, int]  # the next free id of each table the demo chooses ids in
    taken_usernames: set[str]
    areas: dict[str, Area]  # every life area, by code
    active_area_codes: list[str]  # those goals may be written in, in order
    questionnaire: Questionnaire
    head_seq: int
    head_hash: str


def load_reference(session: Session, tables_with_ids: tuple[str, ...]) -> Reference:
    next_id: dict[str, int] = {}
    for name in tables_with_ids:
        table = Base.metadata.tables[name]
        current = session.scalar(select(func.max(table.c.id)))
        next_id[name] = int(current or 0) + 1
    taken = set(session.scalars(select(StaffMember.username)))
    clash = [u for u in FIXED_USERNAMES if u in taken]
    if clash:
        raise InvalidTransition(
            f"This database already has a member of staff called “{clash[0]}”. Demo data goes "
            "into a new database: choose a new file with --database."
        )
    providers = set(session.scalars(select(Provider.name)))
    if any(name in providers for name, _ in PROVIDERS):
        raise InvalidTransition(
            "This database already has a catalogue. Demo data goes into a new database: "
            "choose a new file with --database."
        )
    areas: dict[str, Area] = {}
    active_area_codes: list[str] = []
    for area in session.scalars(select(LifeArea).order_by(LifeArea.position, LifeArea.id)):
        areas[area.code] = Area(area.id, area.code, area.name)
        if area.active:
            active_area_codes.append(area.code)
    if not active_area_codes:
        raise InvalidTransition("This database has no life areas, so no goals can be written.")
    setting = session.get(Setting, QUESTIONNAIRE_SETTING)
    questionnaire = default_questionnaire() if setting is None else Questionnaire.from_dict(setting.value)
    head = session.get(AuditHead, 1, populate_existing=True)
    if head is None:
        raise InvalidTransition("This database was not set up by Careplan (the audit trail has no start).")
    return Reference(next_id, taken, areas, active_area_codes, questionnaire, head.last_seq, head.last_hash)
