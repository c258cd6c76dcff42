"""The builder: the parts of the demo put together, and the order they are made in.

Each part builds one thing and is given the parts it uses (nothing inherits from anything):

- the :class:`~careplan.demo.workbench.Workbench` every part shares: the dice, the clock, the
  audit trail and the batch of rows waiting to be written;
- the staff team (:mod:`.team`), the catalogue (:mod:`.catalogue`) and the demo signing
  certificate (:mod:`.certificate`), made first;
- texts, people, plans, revisions, signing, staying-safe plans and reviews (:mod:`.texts`,
  :mod:`.people`, :mod:`.plans`, :mod:`.revisions`, :mod:`.signing`, :mod:`.staying_safe`,
  :mod:`.reviews`): records made as the use cases make them; a version's year of reviews, held
  in both voices, from :mod:`.held_reviews`;
- the personas' stories (:mod:`.personas`), and everyone else's (:mod:`.generic_people`, with
  their plans from :mod:`.choices`, :mod:`.timelines` and :mod:`.generic_plans`).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy.orm import Session

from careplan.demo.batch import TABLES_WITH_IDS, Batch
from careplan.demo.caseloads import assign_caseloads
from careplan.demo.catalogue import build_catalogue
from careplan.demo.certificate import make_signing_certificate
from careplan.demo.choices import PlanChoices
from careplan.demo.clock import Clock
from careplan.demo.days import weekday, years_before
from careplan.demo.dice import Dice
from careplan.demo.generic_people import GenericPeople
from careplan.demo.generic_plans import GenericPlans
from careplan.demo.held_reviews import HeldReviews
from careplan.demo.identities import Identities
from careplan.demo.people import People
from careplan.demo.personas import PERSONA_COUNT, Personas
from careplan.demo.plans import Plans
from careplan.demo.reference import load_reference
from careplan.demo.reviews import Reviews
from careplan.demo.revisions import Revisions
from careplan.demo.signing import Signing
from careplan.demo.spending import DemoSpending
from careplan.demo.staying_safe import StayingSafePlans
from careplan.demo.summary import DemoSummary, ProgressCallback
from careplan.demo.team import build_team
from careplan.demo.texts import Texts
from careplan.demo.timelines import Timelines
from careplan.demo.trail import Trail
from careplan.demo.workbench import Workbench
from careplan.storage.bulk_rows import BulkRows

YEARS = 5
"""How long the demo service has used Careplan."""


class Builder:
    """Makes the whole demo in memory, a chunk of people at a time, and writes it.

    ``years``: how long the service has used Careplan; ``most_versions``: how many times any
    plan may have been revised (None: as its story says). The benchmark's county dataset is the
    same builder with ten years and many revisions.
    """

    def __init__(
        self,
        session: Session,
        rng: random.Random,
        today: date,
        people: int,
        *,
        years: int = YEARS,
        most_versions: int | None = None,
    ) -> None:
        self.session = session
        self.total = people
        self.most_versions = most_versions
        self.dice = Dice(rng)
        self.today = today
        self.setup_day = weekday(years_before(today, years))
        self.signing_fingerprint: str | None = None

    def run(self, progress: ProgressCallback | None) -> DemoSummary:
        session, dice = self.session, self.dice
        reference = load_reference(session, TABLES_WITH_IDS)
        bulk = BulkRows(session)
        batch = Batch(bulk, reference.next_id, self.today)
        bench = Workbench(
            dice,
            Clock(dice),
            Trail(),
            batch,
            reference,
            self.today,
            weekday(self.today - timedelta(days=1)),
            self.setup_day,
        )
        identities = Identities(dice, reference.taken_usernames)
        team = build_team(bench, identities, self.total)
        catalogue = build_catalogue(bench, team.priya)
        self.signing_fingerprint = make_signing_certificate(session, bench, team.priya)
        batch.flush()
        texts = Texts(bench)
        people = People(bench, identities, texts)
        plans = Plans(bench, texts)
        revisions = Revisions(bench)
        signing = Signing(bench)
        reviews = Reviews(bench, texts)
        safety = StayingSafePlans(bench, texts)
        personas = Personas(bench, team, catalogue, texts, people, plans, revisions, signing, reviews, safety)
        choices = PlanChoices(dice, plans, team, catalogue)
        held = HeldReviews(bench, reviews)
        generic_plans = GenericPlans(
            bench, team, texts, plans, revisions, signing, reviews, choices, held, safety
        )
        timelines = Timelines(dice, self.most_versions)
        generic = GenericPeople(bench, team, identities, people, timelines, generic_plans)
        workers = assign_caseloads(dice, team, self.total, PERSONA_COUNT)
        spending = DemoSpending(bench, catalogue, team.priya)
        chunk = 100 if self.total <= 2000 else 250
        for index in range(self.total):
            bench.clock.start_person()
            bench.trail.start_person()
            if index < PERSONA_COUNT:
                personas.make(index)
            else:
                generic.person(index - PERSONA_COUNT, workers[index])
            if (index + 1) % chunk == 0 or index + 1 == self.total:
                spending.chunk(batch.versions)  # the chunk's plans are as they end: spend from them
                batch.flush()
                if progress is not None:
                    progress(index + 1, self.total)
        batch.flush()
        events = bench.trail.write(bulk, reference.head_seq, reference.head_hash)
        bulk.advance_sequences(TABLES_WITH_IDS)
        count = batch.count
        return DemoSummary(
            staff=count.get("staff", 0),
            providers=count.get("providers", 0),
            services=count.get("services", 0),
            people=count.get("people", 0),
            plans=count.get("plans", 0),
            versions_by_status=dict(batch.status_count),
            proposals_by_status=dict(batch.proposal_count),
            allocations=count.get("allocations", 0),
            reviews=count.get("reviews", 0),
            reviews_completed=count.get("reviews_completed", 0),
            reviews_overdue=count.get("reviews_overdue", 0),
            consents=count.get("consents", 0),
            audit_events=events,
        )
