"""Settings a service can change: the list of life areas."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from careplan.domain.errors import InvalidInput
from careplan.domain.permissions import Action
from careplan.domain.records import LifeArea
from careplan.services.unit_of_work import Actor, unit_of_work
from careplan.storage.database import Database


def _area_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput("Please give the life area a name.", "name")
    if len(cleaned) > 120:
        raise InvalidInput("That name is too long (120 characters at most).", "name")
    return cleaned


def add_life_area(db: Database, actor: Actor, name: str) -> str:
    cleaned = _area_name(name)
    code = re.sub(r"[^a-z0-9]+", "_", cleaned.lower()).strip("_")[:40] or "area"
    with unit_of_work(db, actor, Action.CONFIGURE) as work:
        if work.session.scalar(select(LifeArea.id).where(LifeArea.code == code)):
            raise InvalidInput("There is already a life area with that name.", "name")
        position = work.session.scalar(select(func.coalesce(func.max(LifeArea.position), -1))) or 0
        area = LifeArea(code=code, name=cleaned, position=position + 1, active=True)
        work.session.add(area)
        work.session.flush()
        work.audit("create", "life_area", area, ("name",))
        return code


def rename_life_area(db: Database, actor: Actor, code: str, name: str) -> None:
    cleaned = _area_name(name)
    with unit_of_work(db, actor, Action.CONFIGURE) as work:
        area = work.session.scalar(select(LifeArea).where(LifeArea.code == code))
        if area is None:
            raise InvalidInput(f"There is no life area “{code}”.", "code")
        area.name = cleaned
        work.audit("update", "life_area", area, ("name",))


def retire_life_area(db: Database, actor: Actor, code: str) -> None:
    """No new goals in this area; goals already written keep it."""
    with unit_of_work(db, actor, Action.CONFIGURE) as work:
        area = work.session.scalar(select(LifeArea).where(LifeArea.code == code))
        if area is None:
            raise InvalidInput(f"There is no life area “{code}”.", "code")
        area.active = False
        work.audit("retire", "life_area", area, ("active",))
