"""Dee, Marek and Jordan from PERSONAS.md: always the first three people, with their stories.

Each story is told step by step, dated back from today, through the same builders as everyone
else's; the steps of each goal are listed with it, as (what, whose words, who does it, who else,
by when).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from careplan.demo.catalogue import Catalogue
from careplan.demo.content.catalogue import (
    FAMILY_TIES,
    HOLLYBANK,
    NORTHGATE,
    RIVERSIDE,
    SECOND_STEP,
    START_RIGHT,
)
from careplan.demo.content.personas import (
    DEE_ABOUT_ME,
    DEE_BUDGET_ANSWERS,
    JORDAN_ABOUT_ME,
    JORDAN_BUDGET_ANSWERS,
    MAREK_ABOUT_ME,
    MAREK_BUDGET_ANSWERS,
)
from careplan.demo.content.staying_safe import DEE as DEE_SAFETY
from careplan.demo.content.staying_safe import JORDAN as JORDAN_SAFETY
from careplan.demo.content.staying_safe import MAREK as MAREK_SAFETY
from careplan.demo.days import weekday, years_before
from careplan.demo.people import People
from careplan.demo.plans import Plans
from careplan.demo.requests import RequestStories
from careplan.demo.reviews import Reviews
from careplan.demo.revisions import Revisions
from careplan.demo.signing import Signing
from careplan.demo.stand_ins import Goal, Person, Staff, Step, Substance, Version
from careplan.demo.staying_safe import StayingSafePlans
from careplan.demo.team import Team
from careplan.demo.texts import Texts
from careplan.demo.workbench import Workbench
from careplan.domain.enums import (
    AuthorKind,
    GoalStatus,
    ProposalStatus,
    ReviewKind,
    ReviewOutcome,
    ServiceUnit,
    SignatureMethod,
    StepOwner,
)
from careplan.domain.money import line_total_pence

# Dee, Marek and Jordan are always the first three people made.
PERSONA_COUNT = 3
PERSON, STAFF = AuthorKind.PERSON, AuthorKind.STAFF  # whose words
THEM, WORKER, SERVICE, SOMEONE = StepOwner.PERSON, StepOwner.WORKER, StepOwner.SERVICE, StepOwner.SOMEONE_ELSE

StepPlan = tuple[str, AuthorKind, StepOwner, str | None, date | None]
AboutMe = tuple[tuple[str, str, AuthorKind, str], ...]


class Personas:
    """The three people of PERSONAS.md, their stories told step by step, dated back from today."""

    def __init__(
        self,
        bench: Workbench,
        team: Team,
        catalogue: Catalogue,
        texts: Texts,
        people: People,
        plans: Plans,
        revisions: Revisions,
        signing: Signing,
        reviews: Reviews,
        safety: StayingSafePlans,
    ) -> None:
        self.clock = bench.clock
        self.trail = bench.trail
        self.today = bench.today
        self.yesterday = bench.yesterday
        self.team = team
        self.service_named = catalogue.service_named
        self.texts = texts
        self.people = people
        self.plans = plans
        self.revisions = revisions
        self.signing = signing
        self.reviews = reviews
        self.safety = safety
        self.requests = RequestStories(bench, plans, texts, catalogue.provider_ids)

    def make(self, index: int) -> None:
        """The ``index``-th persona (0: Dee, 1: Marek, 2: Jordan)."""
        (self.dee, self.marek, self.jordan)[index]()

    def _about_me(self, person: Person, answers: AboutMe, day: date) -> None:
        by = {"sam": self.team.sam, "chris": self.team.chris}
        self.people.about_me(person, [(t, words, voice, by[who]) for t, words, voice, who in answers], day)

    def _goal(
        self,
        version: Version,
        area: str,
        wording: str,
        why: str,
        day: date,
        by: Staff,
        steps: Sequence[StepPlan],
        *,
        target: date | None = None,
    ) -> tuple[Goal, list[Step]]:
        """A goal in the person's own words, and its steps (recorded by ``by``)."""
        goal = self.plans.goal(version, area, wording, PERSON, why, day, by, target=target)
        made = [
            self.plans.step(version, goal, what, voice, owner, detail, day, by, due)
            for what, voice, owner, detail, due in steps
        ]
        return goal, made

    def dee(self) -> None:
        sam, priya = self.team.sam, self.team.priya
        plans, services = self.plans, self.service_named
        approved = self.yesterday
        agreed = weekday(approved - timedelta(days=1))
        day = agreed
        person = self.people.person(
            preferred="Dee",
            full="Deirdre Walsh",
            born=years_before(self.today, 34) - timedelta(days=97),
            pronouns="she/her",
            contact=("in person", "At the drop-in on Tuesdays and Thursdays"),
            worker=sam,
            registered=day,
            by=sam,
        )
        self._about_me(person, DEE_ABOUT_ME, day)
        self.people.substances(
            person,
            [
                Substance("Heroin", "smoked", "most days", "£20 to £30 a day"),
                Substance("Crack cocaine", "smoked", "sometimes, when things get bad", None),
                Substance("Methadone (prescribed)", "oral, supervised", "daily", "60 ml"),
            ],
            day,
            sam,
        )
        self.people.consent(
            person, "Share my plan with my children's social worker", "Children's services", day, sam
        )
        self.people.consent(person, "Talk to the hostel staff about my housing", "Riverside Hostel", day, sam)
        plan, version = plans.start(person, sam, day, sam)
        kids, _ = self._goal(
            version,
            "family",
            "I want my kids to see me well.",
            "They've seen me ill too many times. I want them to have a mum they can count on.",
            day,
            sam,
            [
                ("Ring the social worker every Monday.", PERSON, THEM, None, None),
                (
                    "Ask children's services about contact visits.",
                    STAFF,
                    WORKER,
                    None,
                    day + timedelta(14),
                ),
                ("Family contact support course, six weeks.", STAFF, SERVICE, FAMILY_TIES, None),
            ],
            target=day + timedelta(days=180),
        )
        flat, _ = self._goal(
            version,
            "housing",
            "I want a flat of my own.",
            "In the hostel I can't lock my door. The kids can't visit me there.",
            day,
            sam,
            [
                (
                    "Fill in the housing register form together.",
                    STAFF,
                    WORKER,
                    None,
                    day + timedelta(21),
                ),
                (
                    "Write a support letter for the housing application.",
                    PERSON,
                    SOMEONE,
                    "hostel staff",
                    None,
                ),
            ],
        )
        gear, (_, _, group) = self._goal(
            version,
            "drugs",
            "I want to stop using on top of my script.",
            "Every time I use I lose a week.",
            day,
            sam,
            [
                ("Keep picking up my methadone every day.", PERSON, THEM, None, None),
                ("Meet a peer mentor once a week.", STAFF, SERVICE, SECOND_STEP, None),
                ("Try the Tuesday recovery group.", STAFF, THEM, None, None),
            ],
        )
        plans.assess(version, DEE_BUDGET_ANSWERS, day, sam)
        plans.agree_budget(version, version.indicative_pence or 145_000, day, sam)
        plans.allocate(version, [gear], 20, day, sam, service=services["Peer mentoring"])
        plans.allocate(version, [kids], 1, day, sam, service=services["Family contact support course"])
        plans.allocate(version, [kids, flat], 26, day, sam, service=services["Weekly bus pass"])
        plans.disagree(
            version,
            "I don't agree. I'm not sitting in a group talking about my kids. One to one is fine.",
            PERSON,
            day,
            sam,
            step=group,
        )
        self.safety.write(version, DEE_SAFETY, day, sam)
        self.signing.sign_both(version, agreed, sam, SignatureMethod.DRAWN)
        for kind, due in self.signing.approve(version, approved, priya):
            self.reviews.schedule(version, kind, due, priya)
        plan.updated_at = version.approved_at or plan.updated_at
        plan.revision = 3

    def marek(self) -> None:
        sam, priya = self.team.sam, self.team.priya
        plans, services, reviews = self.plans, self.service_named, self.reviews
        created = weekday(self.today - timedelta(days=80))
        registered = weekday(created - timedelta(days=14))
        person = self.people.person(
            preferred="Marek",
            full="Marek Kowalczyk",
            born=years_before(self.today, 47) - timedelta(days=211),
            pronouns=None,
            contact=("phone", "07700 900462"),
            worker=sam,
            registered=registered,
            by=sam,
        )
        self._about_me(person, MAREK_ABOUT_ME, registered)
        drinking = Substance("Alcohol", "drinks", "every day", "a litre of vodka or 8 cans of strong beer")
        self.people.substances(person, [drinking], registered, sam)
        self.people.consent(
            person, "Share my care plan with my GP", "Dr Okonkwo, Parkside Surgery", registered, sam
        )
        plan, version = plans.start(person, sam, created, sam)
        detox, (_, _, _, group) = self._goal(
            version,
            "alcohol",
            "I want to do a detox and stop drinking.",
            "I tried to stop alone. My hands shake and I cannot work. I need to do it properly.",
            created,
            sam,
            [
                (
                    "Refer Marek to Hollybank for a detox place.",
                    STAFF,
                    WORKER,
                    None,
                    created + timedelta(7),
                ),
                ("Two weeks residential detox.", STAFF, SERVICE, HOLLYBANK, None),
                ("Go to the GP for the blood test before detox.", PERSON, THEM, None, None),
                ("Group counselling after detox, eight weeks.", STAFF, SERVICE, NORTHGATE, None),
            ],
            target=created + timedelta(days=60),
        )
        licence, _ = self._goal(
            version,
            "time",
            "I want my driving licence so I can get steady work.",
            "On the sites they pay more if you can drive the van. I want a proper job with papers.",
            created,
            sam,
            [
                ("Pass the theory test.", PERSON, THEM, None, None),
                ("Driving theory course and test.", STAFF, SERVICE, START_RIGHT, None),
                (
                    "Twenty driving lessons after the detox.",
                    PERSON,
                    SOMEONE,
                    "driving instructor",
                    None,
                ),
            ],
            target=created + timedelta(days=300),
        )
        plans.assess(version, MAREK_BUDGET_ANSWERS, created, sam)
        plans.agree_budget(version, 195_000, created, priya)  # above the indicative amount: the manager's
        plans.allocate(version, [detox], 2, created, sam, service=services["Residential alcohol detox"])
        plans.allocate(
            version, [licence], 1, created, sam, service=services["Driving theory course and test"]
        )
        lessons = plans.propose(
            person,
            plan,
            (
                "Driving lessons",
                "A local driving school",
                "driving",
                ServiceUnit.HOUR,
                3200,
                "With a licence I can drive the van for a building firm. This is my way back to proper work.",
                None,
            ),
            created,
            sam,
        )
        decided = max(created, weekday(created + timedelta(days=1)))
        plans.decide(
            lessons,
            True,
            decided,
            priya,
            price=3000,
            note="Approved at £30 an hour: the school offers a discount for a block of lessons.",
        )
        plans.allocate(version, [licence], 20, decided, sam, proposal=lessons)
        plans.disagree(
            version,
            "I don't agree I need group counselling. I don't want to talk about my life "
            "to strangers. Write down that I said no.",
            PERSON,
            decided,
            sam,
            step=group,
        )
        self.safety.write(version, MAREK_SAFETY, created, sam)
        agreed = weekday(created + timedelta(days=8))
        self.signing.sign_both(version, agreed, sam, SignatureMethod.DRAWN)
        approved = weekday(agreed + timedelta(days=1))
        due_reviews = self.signing.approve(version, max(agreed, approved), priya)
        activated = max(agreed, weekday(approved + timedelta(days=2)))
        self.signing.activate(version, [version], activated, sam)
        reviews.progress(detox, GoalStatus.UNDER_WAY)
        reviews.progress(licence, GoalStatus.UNDER_WAY)
        for kind, due in due_reviews:
            review = reviews.schedule(version, kind, due, priya)
            if kind is ReviewKind.EARLY and due < self.yesterday:
                held = max(due, min(self.yesterday, weekday(due + timedelta(days=2))))
                reviews.progress(detox, GoalStatus.ACHIEVED)
                reviews.record(
                    review,
                    version,
                    held,
                    sam,
                    {"alcohol": 5, "physical_health": 5, "money": 4, "time": 6},
                    {"alcohol": 4, "physical_health": 5, "money": 4, "time": 6},
                    [
                        ("working", PERSON, "Two weeks without a drink now. I passed the theory test."),
                        ("not_working", PERSON, "Group counselling. I said no and I still say no."),
                        ("changed", PERSON, "Detox was hard. I sleep better now."),
                        ("working", STAFF, "Completed the detox. Theory test passed first time."),
                        ("changed", STAFF, "Lessons start next week. Still not keen on group work."),
                    ],
                    [
                        (detox.key, "done", "Done. Hardest thing I did."),
                        (licence.key, "going_well", "Theory test passed."),
                    ],
                )
                reviews.end(review, version, held, sam, ReviewOutcome.CARRY_ON.value)
                reviews.confirm(review, version, held, sam)
        plan.updated_at = version.activated_at or plan.updated_at
        plan.revision = 4

    def jordan(self) -> None:
        sam, priya, chris = self.team.sam, self.team.priya, self.team.chris
        plans, services, reviews, signing = self.plans, self.service_named, self.reviews, self.signing
        created = weekday(self.today - timedelta(days=140))
        registered = weekday(created - timedelta(days=10))
        person = self.people.person(
            preferred="Jordan",
            full="Jordan Reid",
            born=years_before(self.today, 22) - timedelta(days=40),
            pronouns="they/them",
            contact=("email", "jordan.reid22@example.org"),
            worker=sam,
            registered=registered,
            by=sam,
        )
        self._about_me(person, JORDAN_ABOUT_ME, registered)
        self.people.substances(
            person,
            [
                Substance("Cannabis", "smoked", "every day", "an eighth every three days"),
                Substance("Ketamine", "snorted", "weekends", "half a gram"),
            ],
            registered,
            sam,
        )
        self.people.consent(
            person, "Share my care plan with my GP", "Dr Begum, Hollins Health Centre", registered, sam
        )
        plan, v1 = plans.start(person, sam, created, sam)
        fit, _ = self._goal(
            v1,
            "physical_health",
            "I want to get fit and get out of the house more.",
            "When I'm stuck in my room I smoke more.",
            created,
            sam,
            [
                ("Go to the gym twice a week.", PERSON, THEM, None, None),
                ("Gym pass.", STAFF, SERVICE, RIVERSIDE, None),
            ],
        )
        college, _ = self._goal(
            v1,
            "time",
            "I want to do a college course.",
            "I want to work with computers properly, not just games.",
            created,
            sam,
            [
                (
                    "Look at the Eastfield College website and pick a course.",
                    PERSON,
                    THEM,
                    None,
                    created + timedelta(days=14),
                ),
                ("Help with the application and the fee form.", STAFF, WORKER, None, None),
            ],
            target=created + timedelta(days=200),
        )
        peer = plans.goal(
            v1,
            "mental_health",
            "I want to talk to someone who's been there, not another assessment.",
            PERSON,
            "Workers ask the same questions every time. I want someone who gets it.",
            created,
            chris,
        )
        plans.step(v1, peer, "Meet a peer mentor every week.", STAFF, SERVICE, SECOND_STEP, created, sam)
        plans.step(
            v1,
            peer,
            "Introduce Jordan to the Thursday peer group.",
            STAFF,
            WORKER,
            "Chris Doyle (peer mentor)",
            created,
            chris,
        )
        weed, _ = self._goal(
            v1,
            "drugs",
            "I want to stop smoking weed in the daytime.",
            "I want to remember what I did all day.",
            created,
            sam,
            [("No smoking before 6pm on college days.", PERSON, THEM, None, None)],
        )
        plans.assess(v1, JORDAN_BUDGET_ANSWERS, created, sam)
        plans.agree_budget(v1, v1.indicative_pence or 70_000, created, sam)
        plans.allocate(v1, [fit], 12, created, sam, service=services["Gym pass"])
        peer_alloc = plans.allocate(v1, [peer], 10, created, sam, service=services["Peer mentoring"])
        plans.allocate(v1, [college], 1, created, sam, service=services["Introduction to IT"])
        agreed1 = weekday(created + timedelta(days=6))
        self.safety.write(v1, JORDAN_SAFETY, created, sam)
        signing.sign_both(v1, agreed1, sam, SignatureMethod.TYPED)
        approved1 = max(agreed1, weekday(agreed1 + timedelta(days=1)))
        reviews1 = signing.approve(v1, approved1, priya)
        activated1 = max(approved1, weekday(approved1 + timedelta(days=1)))
        signing.activate(v1, [v1], activated1, sam)
        for goal in (fit, college, peer):
            reviews.progress(goal, GoalStatus.UNDER_WAY)
        early_kind, early_due = reviews1[0]
        early = reviews.schedule(v1, early_kind, early_due, priya)
        early_done = max(activated1, weekday(early_due))
        reviews.record(
            early,
            v1,
            early_done,
            sam,
            {"drugs": 3, "mental_health": 3, "physical_health": 4, "time": 3},
            {"drugs": 3, "mental_health": 4, "physical_health": 4, "time": 3},
            [
                ("working", PERSON, "Gym is OK."),
                ("not_working", PERSON, "Still smoking most of the day."),
                ("working", STAFF, "Jordan has been to the gym most weeks and has met Chris twice."),
            ],
            [(fit.key, "going_well", None), (peer.key, "getting_there", "Chris is OK.")],
        )
        reviews.end(early, v1, early_done, sam, ReviewOutcome.CARRY_ON.value)
        reviews.confirm(early, v1, early_done, sam)
        three_kind, three_due = reviews1[1]
        three = reviews.schedule(v1, three_kind, three_due, priya)
        three_done = max(early_done, weekday(three_due))
        reviews.record(
            three,
            v1,
            three_done,
            sam,
            {"drugs": 5, "mental_health": 5, "physical_health": 6, "time": 7},
            {"drugs": 3, "mental_health": 5, "physical_health": 6, "time": 6},
            [
                ("working", PERSON, "Gym is going OK. Chris is sound. I got a place on the IT course."),
                ("not_working", PERSON, "Still smoking but not before college."),
                ("changed", PERSON, "I'm bored of the gym. I want to try climbing."),
                ("working", STAFF, "Applied for the IT course and got a place. Gym twice a week most weeks."),
                ("changed", STAFF, "Wants to try a climbing wall instead of the gym next."),
            ],
            [(college.key, "done", "Got my place."), (fit.key, "going_well", None)],
        )
        reviews.progress(college, GoalStatus.ACHIEVED)
        reviews.progress(weed, GoalStatus.UNDER_WAY)
        v2 = self.revisions.copy(v1, three_done, sam)
        reviews.end(
            three,
            v1,
            three_done,
            sam,
            ReviewOutcome.CHANGE_PLAN.value,
            "Finish the course; more peer support.",
            v2,
        )
        reviews.confirm(three, v1, three_done, sam)
        v2_college = next(g for g in v2.goals if g.key == college.key)
        v2_college.wording = self.texts.text(
            "I want to finish my IT course.", PERSON, person, sam, three_done
        )
        v2_college.why = self.texts.text(
            "I've started now. I want the certificate.", PERSON, person, sam, three_done
        )
        reviews.progress(v2_college, GoalStatus.UNDER_WAY)
        self.trail.event(
            self.clock.moment(three_done), sam, "update", "goal", v2_college.id, ("wording", "why")
        )
        plans.step(v2, v2_college, "Go to every Tuesday class.", PERSON, THEM, None, three_done, sam)
        assert peer_alloc is not None
        v2_peer = next(a for a in v2.allocations if a.key == peer_alloc.key)
        v2_peer.quantity = Decimal("20.00")
        v2_peer.total_pence = line_total_pence(v2_peer.quantity, v2_peer.unit_price_pence)
        self.trail.event(
            self.clock.moment(three_done), sam, "update", "allocation", v2_peer.id, ("quantity", "goals")
        )
        agreed2 = max(three_done, weekday(three_done + timedelta(days=2)))
        signing.sign_both(v2, agreed2, sam, SignatureMethod.TYPED)
        approved2 = max(agreed2, weekday(agreed2 + timedelta(days=1)))
        reviews2 = signing.approve(v2, approved2, priya)
        activated2 = max(approved2, weekday(approved2 + timedelta(days=1)))
        signing.activate(v2, [v1, v2], activated2, sam)
        for kind, due in reviews2:
            reviews.schedule(v2, kind, due, priya)
        climbing = plans.propose(
            person,
            plan,
            (
                "Climbing wall membership",
                "The Boulder Shed",
                "sport and fitness",
                ServiceUnit.ITEM,
                3800,
                "I'm bored of the gym. Climbing is something I'd actually stick at, "
                "and the people there are sound.",
                None,
            ),
            max(activated2, weekday(self.yesterday - timedelta(days=5))),
            sam,
        )
        assert climbing.status == ProposalStatus.PENDING.value
        self.requests.tell(person, plan, activated2, self.yesterday, sam, priya)
        plan.updated_at = v2.activated_at or plan.updated_at
        plan.revision = 8
