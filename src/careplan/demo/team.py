"""The staff team as the service set it up: the demo accounts, managers, key workers, peer
mentors, and somebody who has left (their name stays on what they wrote, on older, closed plans)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careplan.demo.accounts import demo_password_hash
from careplan.demo.content.names import FIXED_USERNAMES, STAFF_TEAM_NAMES
from careplan.demo.days import weekday
from careplan.demo.identities import Identities
from careplan.demo.stand_ins import Staff
from careplan.demo.workbench import Workbench
from careplan.domain.enums import Role


@dataclass
class Team:
    admin: Staff
    priya: Staff  # the demo's manager
    sam: Staff  # the demo's key worker: Dee, Marek and Jordan are on his caseload
    chris: Staff  # the demo's peer mentor, paired with Sam
    managers: list[Staff]
    key_workers: list[Staff]
    mentors: list[Staff]
    leaver: Staff
    leaver_left: date


def build_team(bench: Workbench, identities: Identities, people: int) -> Team:
    """The team for a service of ``people``: about one key worker for each 50 people."""
    dice, clock, trail, batch = bench.dice, bench.clock, bench.trail, bench.batch
    staff_rows = batch.rows["staff"]

    def add(username: str, display: str, role: Role, created: date, by: Staff | None) -> Staff:
        at = clock.moment(created)
        staff = Staff(batch.new_id("staff"), username, display, role, at)
        staff_rows.append(
            {
                "id": staff.id,
                "username": username,
                "display_name": display,
                "role": role.value,
                "active": True,
                "created_at": at,
                # Only the demo accounts can sign in; an administrator sets the others' passwords.
                "password_hash": demo_password_hash(username) if username in FIXED_USERNAMES else None,
                "password_changed_at": at if username in FIXED_USERNAMES else None,
                "must_change_password": False,
                "failed_sign_ins": 0,
                "locked_until": None,
                "locked": False,
            }
        )
        trail.event(at, by, "create", "staff", staff.id, ("username", "display_name", "role"))
        return staff

    def hire(role: Role) -> Staff:
        first, last = names.pop()
        hired = weekday(day + dice.days(0, 10))
        return add(identities.username(first, last), f"{first} {last}", role, hired, admin)

    day = bench.setup_day
    admin = add("admin", "Administrator", Role.ADMINISTRATOR, day, None)
    priya = add("priya", "Priya Shah", Role.MANAGER, day, admin)
    sam = add("sam", "Sam Okafor", Role.KEY_WORKER, day, admin)
    chris = add("chris", "Chris Doyle", Role.PEER_MENTOR, day, admin)
    key_worker_count = max(3, round(people / 50))
    manager_count = max(1, key_worker_count // 8)
    mentor_count = max(1, people // 400)
    names = _staff_names(bench, identities, key_worker_count - 1 + manager_count + mentor_count + 1)
    managers = [priya] + [hire(Role.MANAGER) for _ in range(manager_count)]
    key_workers = [sam] + [hire(Role.KEY_WORKER) for _ in range(key_worker_count - 1)]
    mentors = [chris] + [hire(Role.PEER_MENTOR) for _ in range(mentor_count)]
    first, last = names.pop()
    leaver = add(identities.username(first, last), f"{first} {last}", Role.KEY_WORKER, day, admin)
    leaver_left = weekday(bench.today - dice.days(300, 500))
    leaver.active = False
    staff_rows[-1]["active"] = False
    trail.event(clock.moment(leaver_left), admin, "deactivate", "staff", leaver.id, ("active",))
    for index, worker in enumerate(key_workers):
        worker.manager = managers[index % len(managers)] if index else priya
        worker.mentor = mentors[index % len(mentors)] if index else chris
    sam.manager, sam.mentor = priya, chris
    leaver.manager, leaver.mentor = priya, chris
    batch.bump("staff", len(staff_rows))
    return Team(admin, priya, sam, chris, managers, key_workers, mentors, leaver, leaver_left)


def _staff_names(bench: Workbench, identities: Identities, count: int) -> list[tuple[str, str]]:
    names: list[tuple[str, str]] = list(STAFF_TEAM_NAMES)
    bench.dice.r.shuffle(names)
    seen = {f"{a} {b}" for a, b in names} | {"Priya Shah", "Sam Okafor", "Chris Doyle"}
    while len(names) < count:
        given, last, _ = identities.name()
        first = given.split(" ")[0]
        if f"{first} {last}" not in seen:
            seen.add(f"{first} {last}")
            names.insert(0, (first, last))
    return names
