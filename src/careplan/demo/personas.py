"""Dee, Marek and Jordan from PERSONAS.md: always the first three people, with their stories."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from careplan.domain.enums import (
    AuthorKind,
    GoalStatus,
    ProposalStatus,
    ReviewKind,
    ServiceUnit,
    SignatureMethod,
    StepOwner,
)
from careplan.domain.money import line_total_pence
from careplan.services.demo.content.catalogue import (
    FAMILY_TIES,
    HOLLYBANK,
    NORTHGATE,
    RIVERSIDE,
    SECOND_STEP,
    START_RIGHT,
)
from careplan.services.demo.days import weekday, years_before
from careplan.services.demo.signing_and_reviews import SigningAndReviews
from careplan.services.demo.stand_ins import Substance

# Dee, Marek and Jordan are always the first three people made.
PERSONA_COUNT = 3
VOICE_PERSON, VOICE_STAFF = AuthorKind.PERSON, AuthorKind.STAFF


class Personas(SigningAndReviews):
    """The three people of PERSONAS.md, their stories told step by step, dated back from today."""

    def dee(self) -> None:
        sam, priya = self.sam, self.priya
        approved = self.yesterday
        agreed = weekday(approved - timedelta(days=1))
        day = agreed
        person = self._person(
            preferred="Dee",
            full="Deirdre Walsh",
            born=years_before(self.today, 34) - timedelta(days=97),
            pronouns="she/her",
            contact=("in person", "At the drop-in on Tuesdays and Thursdays"),
            worker=sam,
            registered=day,
            by=sam,
        )
        self._about_me(
            person,
            [
                ("what_matters", "My two kids. Getting well so they can be proud of me.", VOICE_PERSON, sam),
                (
                    "going_well",
                    "I've kept my methadone steady for two years. I don't miss pickups.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "want_to_change",
                    "I don't want to be a case any more. I want to know what is going on with my money.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "hopes",
                    "I want my kids to see me well. I want a flat of my own, with my own front door.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "substances",
                    "Heroin most days, smoked. Crack sometimes, when things get bad.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "treatment",
                    "Methadone 60 ml a day, supervised at the pharmacy on Market Street. Dee prefers "
                    "letters to be read through with her rather than posted.",
                    VOICE_STAFF,
                    sam,
                ),
                ("support", "My sister Karen. The night staff at the hostel are alright.", VOICE_PERSON, sam),
            ],
            day,
        )
        self._substances(
            person,
            [
                Substance("Heroin", "smoked", "most days", "£20 to £30 a day"),
                Substance("Crack cocaine", "smoked", "sometimes, when things get bad", None),
                Substance("Methadone (prescribed)", "oral, supervised", "daily", "60 ml"),
            ],
            day,
            sam,
        )
        self._consent(
            person, "Share my plan with my children's social worker", "Children's services", day, sam
        )
        self._consent(person, "Talk to the hostel staff about my housing", "Riverside Hostel", day, sam)
        plan, version = self._start_plan(person, sam, day, sam)
        kids = self._goal(
            version,
            "family",
            "I want my kids to see me well.",
            VOICE_PERSON,
            "They've seen me ill too many times. I want them to have a mum they can count on.",
            day,
            sam,
            target=day + timedelta(days=180),
        )
        self._step(
            version,
            kids,
            "Ring the social worker every Monday.",
            VOICE_PERSON,
            StepOwner.PERSON,
            None,
            day,
            sam,
        )
        self._step(
            version,
            kids,
            "Ask children's services about contact visits.",
            VOICE_STAFF,
            StepOwner.WORKER,
            None,
            day,
            sam,
            day + timedelta(days=14),
        )
        self._step(
            version,
            kids,
            "Family contact support course, six weeks.",
            VOICE_STAFF,
            StepOwner.SERVICE,
            FAMILY_TIES,
            day,
            sam,
        )
        flat = self._goal(
            version,
            "housing",
            "I want a flat of my own.",
            VOICE_PERSON,
            "In the hostel I can't lock my door. The kids can't visit me there.",
            day,
            sam,
        )
        self._step(
            version,
            flat,
            "Fill in the housing register form together.",
            VOICE_STAFF,
            StepOwner.WORKER,
            None,
            day,
            sam,
            day + timedelta(days=21),
        )
        self._step(
            version,
            flat,
            "Write a support letter for the housing application.",
            VOICE_PERSON,
            StepOwner.SOMEONE_ELSE,
            "hostel staff",
            day,
            sam,
        )
        gear = self._goal(
            version,
            "drugs",
            "I want to stop using on top of my script.",
            VOICE_PERSON,
            "Every time I use I lose a week.",
            day,
            sam,
        )
        self._step(
            version,
            gear,
            "Keep picking up my methadone every day.",
            VOICE_PERSON,
            StepOwner.PERSON,
            None,
            day,
            sam,
        )
        self._step(
            version,
            gear,
            "Meet a peer mentor once a week.",
            VOICE_STAFF,
            StepOwner.SERVICE,
            SECOND_STEP,
            day,
            sam,
        )
        group = self._step(
            version, gear, "Try the Tuesday recovery group.", VOICE_STAFF, StepOwner.PERSON, None, day, sam
        )
        self._assess(
            version,
            {
                "daily_living": "some",
                "substance_use": "most",
                "health": "mixed",
                "housing": "temporary",
                "support": "some",
                "time": "nothing",
                "children": "see",
                "legal": "no",
            },
            day,
            sam,
        )
        self._agree_budget(version, version.indicative_pence or 145_000, day, sam)
        self._allocate(version, [gear], 20, day, sam, service=self.service_named["Peer mentoring"])
        self._allocate(
            version, [kids], 1, day, sam, service=self.service_named["Family contact support course"]
        )
        self._allocate(version, [kids, flat], 26, day, sam, service=self.service_named["Weekly bus pass"])
        self._disagree(
            version,
            "I don't agree. I'm not sitting in a group talking about my kids. One to one is fine.",
            VOICE_PERSON,
            day,
            sam,
            step=group,
        )
        self._sign_both(version, agreed, sam, SignatureMethod.DRAWN)
        for kind, due in self._approve(version, approved, priya):
            self._schedule(version, kind, due, priya)
        plan.updated_at = version.approved_at or plan.updated_at
        plan.revision = 3

    def marek(self) -> None:
        sam, priya = self.sam, self.priya
        created = weekday(self.today - timedelta(days=80))
        registered = weekday(created - timedelta(days=14))
        person = self._person(
            preferred="Marek",
            full="Marek Kowalczyk",
            born=years_before(self.today, 47) - timedelta(days=211),
            pronouns=None,
            contact=("phone", "07700 900462"),
            worker=sam,
            registered=registered,
            by=sam,
        )
        self._about_me(
            person,
            [
                (
                    "what_matters",
                    "Work. To be useful. My daughter in Gdańsk, I call her on Sundays.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "want_to_change",
                    "The drinking. It takes everything, the money, the work, my health.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "hopes",
                    "Stop drinking, then a driving licence. With a licence I get steady work on the sites, "
                    "not cash in hand.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "substances",
                    "Vodka or strong beer, every day. More when there is no work.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "going_well",
                    "Marek is a skilled plasterer and is offered work most weeks. He has kept every "
                    "appointment so far.",
                    VOICE_STAFF,
                    sam,
                ),
                ("support", "My friend Tomasz from work. Nobody else here.", VOICE_PERSON, sam),
            ],
            registered,
        )
        self._substances(
            person,
            [
                Substance("Alcohol", "drinks", "every day", "a litre of vodka or 8 cans of strong beer"),
            ],
            registered,
            sam,
        )
        self._consent(
            person, "Share my care plan with my GP", "Dr Okonkwo, Parkside Surgery", registered, sam
        )
        plan, version = self._start_plan(person, sam, created, sam)
        detox = self._goal(
            version,
            "alcohol",
            "I want to do a detox and stop drinking.",
            VOICE_PERSON,
            "I tried to stop alone. My hands shake and I cannot work. I need to do it properly.",
            created,
            sam,
            target=created + timedelta(days=60),
        )
        self._step(
            version,
            detox,
            "Refer Marek to Hollybank for a detox place.",
            VOICE_STAFF,
            StepOwner.WORKER,
            None,
            created,
            sam,
            created + timedelta(days=7),
        )
        self._step(
            version,
            detox,
            "Two weeks residential detox.",
            VOICE_STAFF,
            StepOwner.SERVICE,
            HOLLYBANK,
            created,
            sam,
        )
        self._step(
            version,
            detox,
            "Go to the GP for the blood test before detox.",
            VOICE_PERSON,
            StepOwner.PERSON,
            None,
            created,
            sam,
        )
        group = self._step(
            version,
            detox,
            "Group counselling after detox, eight weeks.",
            VOICE_STAFF,
            StepOwner.SERVICE,
            NORTHGATE,
            created,
            sam,
        )
        licence = self._goal(
            version,
            "time",
            "I want my driving licence so I can get steady work.",
            VOICE_PERSON,
            "On the sites they pay more if you can drive the van. I want a proper job with papers.",
            created,
            sam,
            target=created + timedelta(days=300),
        )
        self._step(
            version, licence, "Pass the theory test.", VOICE_PERSON, StepOwner.PERSON, None, created, sam
        )
        self._step(
            version,
            licence,
            "Driving theory course and test.",
            VOICE_STAFF,
            StepOwner.SERVICE,
            START_RIGHT,
            created,
            sam,
        )
        self._step(
            version,
            licence,
            "Twenty driving lessons after the detox.",
            VOICE_PERSON,
            StepOwner.SOMEONE_ELSE,
            "driving instructor",
            created,
            sam,
        )
        self._assess(
            version,
            {
                "daily_living": "none",
                "substance_use": "all",
                "health": "mixed",
                "housing": "at_risk",
                "support": "none",
                "time": "some",
                "children": "no",
                "legal": "no",
            },
            created,
            sam,
        )
        self._agree_budget(
            version, 195_000, created, priya
        )  # above the indicative amount: the manager agreed it
        self._allocate(
            version, [detox], 2, created, sam, service=self.service_named["Residential alcohol detox"]
        )
        self._allocate(
            version, [licence], 1, created, sam, service=self.service_named["Driving theory course and test"]
        )
        lessons = self._propose(
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
        decided = weekday(created + timedelta(days=1))
        self._decide(
            lessons,
            True,
            max(created, decided),
            priya,
            price=3000,
            note="Approved at £30 an hour: the school offers a discount for a block of lessons.",
        )
        self._allocate(version, [licence], 20, max(created, decided), sam, proposal=lessons)
        self._disagree(
            version,
            "I don't agree I need group counselling. I don't want to talk about my life "
            "to strangers. Write down that I said no.",
            VOICE_PERSON,
            max(created, decided),
            sam,
            step=group,
        )
        agreed = weekday(created + timedelta(days=8))
        self._sign_both(version, agreed, sam, SignatureMethod.DRAWN)
        approved = weekday(agreed + timedelta(days=1))
        reviews = self._approve(version, max(agreed, approved), priya)
        activated = max(agreed, weekday(approved + timedelta(days=2)))
        self._activate(version, [version], activated, sam)
        self._progress(detox, GoalStatus.UNDER_WAY)
        self._progress(licence, GoalStatus.UNDER_WAY)
        for kind, due in reviews:
            review = self._schedule(version, kind, due, priya)
            if kind is ReviewKind.EARLY and due < self.yesterday:
                self._record_review(
                    review,
                    version,
                    max(due, min(self.yesterday, weekday(due + timedelta(days=2)))),
                    sam,
                    {"alcohol": 5, "physical_health": 5, "money": 4, "time": 6},
                    "Detox was hard. Two weeks without a drink now. I passed the theory test.",
                    "Completed the detox. Theory test passed first time. Lessons start next week.",
                )
                self._progress(detox, GoalStatus.ACHIEVED)
        plan.updated_at = version.activated_at or plan.updated_at
        plan.revision = 4

    def jordan(self) -> None:
        sam, priya, chris = self.sam, self.priya, self.chris
        created = weekday(self.today - timedelta(days=140))
        registered = weekday(created - timedelta(days=10))
        person = self._person(
            preferred="Jordan",
            full="Jordan Reid",
            born=years_before(self.today, 22) - timedelta(days=40),
            pronouns="they/them",
            contact=("email", "jordan.reid22@example.org"),
            worker=sam,
            registered=registered,
            by=sam,
        )
        self._about_me(
            person,
            [
                (
                    "what_matters",
                    "Being left alone to get on with things. My cat. Gaming with my mates online.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "want_to_change",
                    "I smoke weed from when I wake up. I want to not need it to get through the day.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "hopes",
                    "A college course in September. Getting fit. "
                    "Talking to someone who's actually been there, not another assessment.",
                    VOICE_PERSON,
                    chris,
                ),
                ("substances", "Weed every day. Ket at weekends with friends.", VOICE_PERSON, sam),
                ("going_well", "Going to the gym twice a week since I got the pass.", VOICE_PERSON, chris),
                ("support", "My nan. Chris at the drop-in.", VOICE_PERSON, chris),
            ],
            registered,
        )
        self._substances(
            person,
            [
                Substance("Cannabis", "smoked", "every day", "an eighth every three days"),
                Substance("Ketamine", "snorted", "weekends", "half a gram"),
            ],
            registered,
            sam,
        )
        self._consent(
            person, "Share my care plan with my GP", "Dr Begum, Hollins Health Centre", registered, sam
        )
        plan, v1 = self._start_plan(person, sam, created, sam)
        fit = self._goal(
            v1,
            "physical_health",
            "I want to get fit and get out of the house more.",
            VOICE_PERSON,
            "When I'm stuck in my room I smoke more.",
            created,
            sam,
        )
        self._step(v1, fit, "Go to the gym twice a week.", VOICE_PERSON, StepOwner.PERSON, None, created, sam)
        self._step(v1, fit, "Gym pass.", VOICE_STAFF, StepOwner.SERVICE, RIVERSIDE, created, sam)
        college = self._goal(
            v1,
            "time",
            "I want to do a college course.",
            VOICE_PERSON,
            "I want to work with computers properly, not just games.",
            created,
            sam,
            target=created + timedelta(days=200),
        )
        self._step(
            v1,
            college,
            "Look at the Eastfield College website and pick a course.",
            VOICE_PERSON,
            StepOwner.PERSON,
            None,
            created,
            sam,
            created + timedelta(days=14),
        )
        self._step(
            v1,
            college,
            "Help with the application and the fee form.",
            VOICE_STAFF,
            StepOwner.WORKER,
            None,
            created,
            sam,
        )
        peer = self._goal(
            v1,
            "mental_health",
            "I want to talk to someone who's been there, not another assessment.",
            VOICE_PERSON,
            "Workers ask the same questions every time. I want someone who gets it.",
            created,
            chris,
        )
        self._step(
            v1,
            peer,
            "Meet a peer mentor every week.",
            VOICE_STAFF,
            StepOwner.SERVICE,
            SECOND_STEP,
            created,
            sam,
        )
        self._step(
            v1,
            peer,
            "Introduce Jordan to the Thursday peer group.",
            VOICE_STAFF,
            StepOwner.WORKER,
            "Chris Doyle (peer mentor)",
            created,
            chris,
        )
        weed = self._goal(
            v1,
            "drugs",
            "I want to stop smoking weed in the daytime.",
            VOICE_PERSON,
            "I want to remember what I did all day.",
            created,
            sam,
        )
        self._step(
            v1,
            weed,
            "No smoking before 6pm on college days.",
            VOICE_PERSON,
            StepOwner.PERSON,
            None,
            created,
            sam,
        )
        self._assess(
            v1,
            {
                "daily_living": "none",
                "substance_use": "some",
                "health": "mixed",
                "housing": "settled",
                "support": "some",
                "time": "nothing",
                "children": "no",
                "legal": "no",
            },
            created,
            sam,
        )
        self._agree_budget(v1, v1.indicative_pence or 70_000, created, sam)
        self._allocate(v1, [fit], 12, created, sam, service=self.service_named["Gym pass"])
        peer_alloc = self._allocate(
            v1, [peer], 10, created, sam, service=self.service_named["Peer mentoring"]
        )
        self._allocate(v1, [college], 1, created, sam, service=self.service_named["Introduction to IT"])
        agreed1 = weekday(created + timedelta(days=6))
        self._sign_both(v1, agreed1, sam, SignatureMethod.TYPED)
        approved1 = max(agreed1, weekday(agreed1 + timedelta(days=1)))
        reviews1 = self._approve(v1, approved1, priya)
        activated1 = max(approved1, weekday(approved1 + timedelta(days=1)))
        self._activate(v1, [v1], activated1, sam)
        for goal in (fit, college, peer):
            self._progress(goal, GoalStatus.UNDER_WAY)
        early_kind, early_due = reviews1[0]
        early = self._schedule(v1, early_kind, early_due, priya)
        early_done = max(activated1, weekday(early_due))
        self._record_review(
            early,
            v1,
            early_done,
            sam,
            {"drugs": 3, "mental_health": 3, "physical_health": 4, "time": 3},
            "Gym is OK. Still smoking most of the day.",
            "Jordan has been to the gym most weeks and has met Chris twice.",
        )
        three_kind, three_due = reviews1[1]
        three = self._schedule(v1, three_kind, three_due, priya)
        three_done = max(early_done, weekday(three_due))
        self._record_review(
            three,
            v1,
            three_done,
            sam,
            {"drugs": 5, "mental_health": 5, "physical_health": 6, "time": 7},
            "Gym is going OK. Chris is sound. I got a place on the IT course. "
            "Still smoking but not before college.",
            "Jordan applied for the IT course and got a place. Gym twice a week most weeks. "
            "Wants to try a climbing wall instead of the gym next.",
        )
        self._progress(college, GoalStatus.ACHIEVED)
        self._progress(weed, GoalStatus.UNDER_WAY)
        v2 = self._copy(v1, three_done, sam)
        v2_college = next(g for g in v2.goals if g.key == college.key)
        v2_college.wording = self._text(
            "I want to finish my IT course.", VOICE_PERSON, person, sam, three_done
        )
        v2_college.why = self._text(
            "I've started now. I want the certificate.", VOICE_PERSON, person, sam, three_done
        )
        self._progress(v2_college, GoalStatus.UNDER_WAY)
        self._event(self._moment(three_done), sam, "update", "goal", v2_college.id, ("wording", "why"))
        self._step(
            v2,
            v2_college,
            "Go to every Tuesday class.",
            VOICE_PERSON,
            StepOwner.PERSON,
            None,
            three_done,
            sam,
        )
        assert peer_alloc is not None
        v2_peer = next(a for a in v2.allocations if a.key == peer_alloc.key)
        v2_peer.quantity = Decimal("20.00")
        v2_peer.total_pence = line_total_pence(v2_peer.quantity, v2_peer.unit_price_pence)
        self._event(self._moment(three_done), sam, "update", "allocation", v2_peer.id, ("quantity", "goals"))
        agreed2 = weekday(three_done + timedelta(days=2))
        agreed2 = max(three_done, agreed2)
        self._sign_both(v2, agreed2, sam, SignatureMethod.TYPED)
        approved2 = max(agreed2, weekday(agreed2 + timedelta(days=1)))
        reviews2 = self._approve(v2, approved2, priya)
        activated2 = max(approved2, weekday(approved2 + timedelta(days=1)))
        self._activate(v2, [v1, v2], activated2, sam)
        for kind, due in reviews2:
            self._schedule(v2, kind, due, priya)
        climbing = self._propose(
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
        plan.updated_at = v2.activated_at or plan.updated_at
        plan.revision = 8
