"""The outcome measures a service uses: Careplan's own life-area scale, and any loaded from a file.

Loaded measures are kept in the settings (one value, the shape of the file), so every workstation
asks the same questions. Loading a file replaces the measures loaded before; scores already given
keep their measure's and item's codes, so they stay readable.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from careplan.domain.actor import Actor
from careplan.domain.measures import Measure, life_area_measure
from careplan.domain.permissions import Action
from careplan.domain.records import LifeArea, Setting
from careplan.services.measure_file import (
    MeasureFileProblems,
    measure_data,
    measures_from_data,
    read_measures,
)
from careplan.services.unit_of_work import read_only, unit_of_work
from careplan.storage.database import Database

MEASURES_SETTING = "outcome_measures"


def measures_in(session: Session) -> tuple[Measure, ...]:
    """Every measure: the life-area scale first (its items the life areas, retired ones too, so
    old scores stay readable), then the loaded ones."""
    areas = session.execute(select(LifeArea.code, LifeArea.name).order_by(LifeArea.position, LifeArea.id))
    built_in = life_area_measure((code, name) for code, name in areas)
    setting = session.get(Setting, MEASURES_SETTING)
    if setting is None:
        return (built_in,)
    try:
        loaded = measures_from_data(setting.value)
    except MeasureFileProblems:
        # Only a setting changed outside Careplan can fail the check it passed when loaded.
        loaded = ()
    return (built_in, *loaded)


def outcome_measures(db: Database, actor: Actor) -> tuple[Measure, ...]:
    """The measures, for any member of staff (they hold no personal details)."""
    with read_only(db, actor, Action.SIGN_IN) as work:
        return measures_in(work.session)


def load_measures(db: Database, actor: Actor, data: bytes) -> tuple[Measure, ...]:
    """Check a measures file (see :mod:`careplan.services.measure_file`) and keep its measures in
    place of those loaded before (managers and administrators). Nothing is kept if any problem
    is found: :class:`MeasureFileProblems` names each one."""
    with unit_of_work(db, actor, Action.LOAD_MEASURES) as work:
        measures = read_measures(data)
        value = measure_data(measures)
        setting = work.session.get(Setting, MEASURES_SETTING)
        if setting is None:
            work.session.add(Setting(key=MEASURES_SETTING, value=value))
        else:
            setting.value = value
        work.audit("update", "setting", None, (MEASURES_SETTING,))
        return measures
