"""Settings a service can change: the list of life areas, the service's name."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from careplan.domain.actor import Actor
from careplan.domain.errors import InvalidInput
from careplan.domain.permissions import Action
from careplan.domain.records import LifeArea, Setting
from careplan.domain.text import check_text, one_line
from careplan.services.agreement import SERVICE_NAME_SETTING, stored_service_name
from careplan.services.unit_of_work import unit_of_work
from careplan.storage.database import Database


def _area_name(name: str) -> str:
    cleaned = one_line(name, "the life area's name", "name")
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
    check_text(code, "the life area", "code")
    with unit_of_work(db, actor, Action.CONFIGURE) as work:
        area = work.session.scalar(select(LifeArea).where(LifeArea.code == code))
        if area is None:
            raise InvalidInput(f"There is no life area “{code}”.", "code")
        area.name = cleaned
        work.audit("update", "life_area", area, ("name",))


def retire_life_area(db: Database, actor: Actor, code: str) -> None:
    """No new goals in this area; goals already written keep it."""
    check_text(code, "the life area", "code")
    with unit_of_work(db, actor, Action.CONFIGURE) as work:
        area = work.session.scalar(select(LifeArea).where(LifeArea.code == code))
        if area is None:
            raise InvalidInput(f"There is no life area “{code}”.", "code")
        area.active = False
        work.audit("retire", "life_area", area, ("active",))


# --- the service's name (printed on agreements) ---------------------------------------------

MAX_SERVICE_NAME = 120


def service_name(db: Database) -> str:
    """The name printed on agreements (``Careplan drug and alcohol service`` until one is set)."""
    with db.session() as session:
        setting = session.get(Setting, SERVICE_NAME_SETTING)
        return stored_service_name(setting.value if setting is not None else None)


def check_service_name(name: str) -> str:
    """The name as it will be kept (spaces tidied), or :class:`InvalidInput` saying what is wrong."""
    cleaned = one_line(name, "the service's name", "name")
    if not cleaned:
        raise InvalidInput("Please type the name of the service. It is printed on every agreement.", "name")
    if len(cleaned) > MAX_SERVICE_NAME:
        raise InvalidInput(
            f"That name is too long ({MAX_SERVICE_NAME} characters at most). Please shorten it.", "name"
        )
    return cleaned


def set_service_name(db: Database, actor: Actor, name: str) -> str:
    """Set the name of the service printed on agreements (administrators). Returns it as kept."""
    cleaned = check_service_name(name)
    with unit_of_work(db, actor, Action.CONFIGURE) as work:
        setting = work.session.get(Setting, SERVICE_NAME_SETTING)
        if setting is None:
            work.session.add(Setting(key=SERVICE_NAME_SETTING, value={"name": cleaned}))
        else:
            setting.value = {"name": cleaned}
        work.audit("update", "setting", None, ("service_name",))
    return cleaned
