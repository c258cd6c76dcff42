"""The builder: staff, catalogue, people and their plans, in chunks, then the audit chain.

Its parts are mixins, one a module, each building on the parts it uses:

- ``BuilderBase`` (builder_base): the shared state, the dice, the clock and audit events;
- ``PersonRecords`` (person_records), then ``StaffAndCatalogue`` (staff_and_catalogue), then
  ``PlanRecords`` (plan_records): records made as the use cases would make them;
- ``SigningAndReviews`` (signing_and_reviews) and ``PlanChoices`` (plan_choices), on ``PlanRecords``;
- ``Timelines`` (timelines), on ``BuilderBase``: dates for each plan's life;
- ``GenericPeople`` (generic_people), on choices, signing and timelines; ``Personas`` (personas),
  on signing; ``Flushing`` (flushing), on ``BuilderBase``: rows written by a ``BulkWriter`` (writer);
- ``DemoCertificate`` (certificate), on ``StaffAndCatalogue``: the demo signing certificate.

No two parts define the same method or attribute, so the order of the bases changes nothing.
"""

from __future__ import annotations

from careplan.services.demo.certificate import DemoCertificate
from careplan.services.demo.flushing import Flushing
from careplan.services.demo.generic_people import GenericPeople
from careplan.services.demo.personas import PERSONA_COUNT, Personas
from careplan.services.demo.stand_ins import Staff
from careplan.services.demo.summary import DemoSummary, ProgressCallback


class Builder(GenericPeople, Personas, Flushing, DemoCertificate):
    """Makes the whole demo in memory, a chunk of people at a time, and writes it."""

    def _assign_caseloads(self) -> list[Staff]:
        """A key worker for each person: caseloads of 40 to 60 when there are enough people."""
        r = self.r
        workers = self.key_workers
        total = self.total
        persona = min(PERSONA_COUNT, total)
        if total >= 40 * len(workers):
            sizes = [min(52, total)] + [self._int(40, 60) for _ in workers[1:]]
            difference = total - sum(sizes)
            for _ in range(abs(difference) * 4 + 100):
                if difference == 0:
                    break
                index = self._int(1, len(workers) - 1) if len(workers) > 1 else 0
                if difference > 0 and sizes[index] < 60:
                    sizes[index] += 1
                    difference -= 1
                elif difference < 0 and sizes[index] > 40:
                    sizes[index] -= 1
                    difference += 1
            if difference:
                sizes[-1] += difference
            pool = [w for w, n in zip(workers, sizes, strict=True) for _ in range(n)]
            for _ in range(persona):
                pool.remove(self.sam)
        else:
            pool = [workers[(i + 1) % len(workers)] for i in range(total - persona)]
        r.shuffle(pool)
        return [self.sam] * persona + pool

    def run(self, progress: ProgressCallback | None) -> DemoSummary:
        self.load()
        self.make_staff()
        self.make_catalogue()
        self.make_signing_certificate()
        self._flush()
        workers = self._assign_caseloads()
        chunk = 100 if self.total <= 2000 else 250
        personas = (self.dee, self.marek, self.jordan)
        for index in range(self.total):
            self._clock = {}
            self._about = None
            if index < PERSONA_COUNT:
                personas[index]()
            else:
                self.generic_person(index - PERSONA_COUNT, workers[index])
            if (index + 1) % chunk == 0 or index + 1 == self.total:
                self._flush()
                if progress is not None:
                    progress(index + 1, self.total)
        self._flush()
        events = self.writer.write_audit(self.events, self.head_seq, self.head_hash)
        self.writer.advance_sequences()
        return DemoSummary(
            staff=self.count.get("staff", 0),
            providers=self.count.get("providers", 0),
            services=self.count.get("services", 0),
            people=self.count.get("people", 0),
            plans=self.count.get("plans", 0),
            versions_by_status=dict(self.status_count),
            proposals_by_status=dict(self.proposal_count),
            allocations=self.count.get("allocations", 0),
            reviews=self.count.get("reviews", 0),
            reviews_completed=self.count.get("reviews_completed", 0),
            reviews_overdue=self.count.get("reviews_overdue", 0),
            consents=self.count.get("consents", 0),
            audit_events=events,
        )
