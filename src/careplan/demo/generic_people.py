"""Everyone after the personas: a person with a life story drawn from the tables (details, About
me, what they use, consents), and their plans (:mod:`.generic_plans`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from careplan.demo.content.about_me import ABOUT_ME_ORDER, ABOUT_ME_STAFF_WORDS, ABOUT_ME_WORDS
from careplan.demo.content.consents import CONSENTS
from careplan.demo.content.names import BACKGROUNDS, NICKNAMES
from careplan.demo.content.places import HOSTELS, PHARMACIES, SURGERIES
from careplan.demo.content.substance_use import (
    ON_A_SCRIPT,
    PROFILE_NAMES,
    PROFILE_WEIGHTS,
    PROFILES,
    SAYING,
    SAYING_AFTER,
    TREATMENT_WORDS,
)
from careplan.demo.days import weekday, years_before
from careplan.demo.generic_plans import GenericPlans
from careplan.demo.identities import Identities
from careplan.demo.people import People
from careplan.demo.stand_ins import Person, Staff, Substance
from careplan.demo.team import Team
from careplan.demo.timelines import Spec, Timeline, Timelines
from careplan.demo.workbench import Workbench
from careplan.domain.enums import AuthorKind


class GenericPeople:
    """Everyone but the personas: details, About me, consents, and plans that follow a timeline."""

    def __init__(
        self,
        bench: Workbench,
        team: Team,
        identities: Identities,
        people: People,
        timelines: Timelines,
        plans: GenericPlans,
    ) -> None:
        self.dice = bench.dice
        self.today = bench.today
        self.yesterday = bench.yesterday
        self.setup_day = bench.setup_day
        self.team = team
        self.identities = identities
        self.people = people
        self.timelines = timelines
        self.plans = plans

    def person(self, index: int, worker: Staff) -> None:
        """The ``index``-th generic person (the first few each have a different story), on
        ``worker``'s caseload."""
        dice, timelines, team, yesterday = self.dice, self.timelines, self.team, self.yesterday
        scenario = timelines.scenario(index)
        earliest = self.setup_day + timedelta(days=14)
        lives: list[Timeline] = []
        if scenario == "closed_then_new":
            later = timelines.spec(dice.pick(("draft", "active", "active", "revised", "agreed")))
            second = timelines.fit(later, yesterday - timedelta(days=timelines.slack(later)), earliest)
            first_end = second.start - dice.days(10, 90)
            first = timelines.fit(Spec(1, "active", close=True), first_end, earliest)
            lives = [first, second] if first.last < second.start else [second]
        elif scenario != "none":
            spec = timelines.spec(scenario)
            lives = [timelines.fit(spec, yesterday - timedelta(days=timelines.slack(spec)), earliest)]
        if any(t.last > yesterday for t in lives):  # pragma: no cover - a safety net
            lives = [timelines.fit(Spec(1, "draft"), yesterday, earliest)]
        first_day = lives[0].start if lives else weekday(yesterday - dice.days(0, 500))
        registered = max(self.setup_day, weekday(first_day - dice.days(0, 40)))
        old_worker = (
            team.leaver
            if lives
            and lives[0].closed is not None
            and lives[0].closed < team.leaver_left
            and lives[0].start > team.leaver.created_at.date()
            and dice.chance(0.3)
            else None
        )
        registrar = old_worker or worker
        person, profile = self._details(worker, registered, registrar)
        used: set[str] = set()
        track = self.plans.held.track(profile)
        plan = None
        for timeline in lives:
            plan_worker = old_worker if (old_worker and timeline is lives[0]) else worker
            plan = self.plans.plan_from_timeline(person, plan_worker, timeline, profile, used, track)
        if plan is not None and lives[-1].closed is None and dice.chance(0.04):
            self.plans.pending_proposal(person, plan, lives[-1], worker)

    def _details(self, worker: Staff, registered: date, by: Staff) -> tuple[Person, str]:
        dice = self.dice
        r = dice.r
        names, family, kind = self.identities.name()
        first = names.split(" ")[0]
        preferred = NICKNAMES[first] if first in NICKNAMES and r.random() < 0.6 else first
        age = max(18, min(75, int(r.triangular(18, 76, 36))))
        born = years_before(self.today, age) - timedelta(days=dice.whole(1, 364))
        pronouns: str | None = None
        if r.random() < 0.35 or kind == "n":
            if kind == "n" or r.random() < 0.1:
                pronouns = "they/them"
            else:
                pronouns = "she/her" if kind == "f" else "he/him"
        person = self.people.person(
            preferred=preferred,
            full=f"{names} {family}",
            born=born,
            pronouns=pronouns,
            contact=self.identities.contact(first, family),
            worker=worker,
            registered=registered,
            by=by,
        )
        profile = dice.weighted(PROFILE_NAMES, PROFILE_WEIGHTS)
        entries = []
        for substance, hows, often, amounts, chance in PROFILES[profile][2]:
            if r.random() < chance:
                entries.append(
                    Substance(
                        substance,
                        dice.pick(hows),
                        dice.pick(often),
                        dice.pick(amounts) if r.random() < 0.85 else None,
                    )
                )
        mentor = worker.mentor or self.team.chris
        answers: list[tuple[str, str, AuthorKind, Staff]] = []
        staff_topic = dice.pick(tuple(ABOUT_ME_STAFF_WORDS)) if r.random() < 0.3 else None
        for topic in ABOUT_ME_ORDER:
            recorder = mentor if r.random() < 0.15 else by
            if topic == staff_topic:
                answers.append((topic, dice.pick(ABOUT_ME_STAFF_WORDS[topic]), AuthorKind.STAFF, by))
            elif topic == "substances":
                answers.append((topic, self._saying(entries), AuthorKind.PERSON, recorder))
            elif topic == "treatment":
                if any(e.substance.startswith("Methadone") for e in entries):
                    answers.append((topic, dice.pick(ON_A_SCRIPT), AuthorKind.PERSON, recorder))
                elif r.random() < 0.7:
                    answers.append((topic, dice.pick(TREATMENT_WORDS[profile]), AuthorKind.PERSON, recorder))
            elif r.random() < 0.8:
                answers.append((topic, dice.pick(ABOUT_ME_WORDS[topic]), AuthorKind.PERSON, recorder))
        self.people.about_me(person, answers, registered)
        self.people.substances(person, entries, registered, by)
        yesterday = self.yesterday
        for what, whom in r.sample(CONSENTS, dice.pick((0, 1, 1, 2, 2, 3))):
            given = weekday(registered + dice.days(0, 20))
            if given > yesterday:
                given = registered
            withdrawn = None
            if r.random() < 0.15 and given < yesterday:
                withdrawn = weekday(given + dice.days(1, max(1, (yesterday - given).days)))
                withdrawn = max(given, min(withdrawn, yesterday))
            whom_text = whom.format(
                doctor=f"Dr {dice.pick(dice.pick(BACKGROUNDS)[3])}",
                surgery=dice.pick(SURGERIES),
                hostel=dice.pick(HOSTELS),
                pharmacy=dice.pick(PHARMACIES),
            )
            self.people.consent(person, what, whom_text, given, by, withdrawn)
        return person, profile

    def _saying(self, entries: Sequence[Substance]) -> str:
        """What the person says about what they use, matching the structured list."""
        said = []
        for entry in entries:
            if entry.substance.startswith("Methadone"):
                said.append(
                    f"I'm on {entry.amount} of methadone a day." if entry.amount else "I'm on a script."
                )
                continue
            template = SAYING.get(entry.substance, entry.substance + ", {how_often}.")
            if entry.amount is None:
                template = template.replace("{amount}, ", "")
            said.append(template.format(how=entry.how, how_often=entry.how_often, amount=entry.amount))
        text = " ".join(said)
        if self.dice.chance(0.3):
            text += self.dice.pick(SAYING_AFTER)
        return text[0].upper() + text[1:]
