"""What every builder of the demo works with: the dice, the clock, the audit trail, the batch of
rows waiting to be written, what the database already held, and the days that matter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careplan.demo.batch import Batch
from careplan.demo.clock import Clock
from careplan.demo.dice import Dice
from careplan.demo.reference import Reference
from careplan.demo.trail import Trail


@dataclass
class Workbench:
    dice: Dice
    clock: Clock
    trail: Trail
    batch: Batch
    reference: Reference
    today: date
    yesterday: date  # the last working day before today: the latest anything happened
    setup_day: date  # when the service started using Careplan
