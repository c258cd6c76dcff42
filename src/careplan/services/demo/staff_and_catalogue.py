"""The service as it was set up: the staff (and one who has left) and the catalogue."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from careplan.domain.budget import never_allowed_reason
from careplan.domain.enums import Role
from careplan.services.demo.accounts import demo_password_hash
from careplan.services.demo.content.catalogue import PROVIDERS, SERVICES
from careplan.services.demo.content.names import FIXED_USERNAMES, STAFF_TEAM_NAMES
from careplan.services.demo.days import weekday
from careplan.services.demo.person_records import PersonRecords
from careplan.services.demo.stand_ins import ServiceRow, Staff


class StaffAndCatalogue(PersonRecords):
    """The staff team and the catalogue, made first, before anyone is registered."""

    # --- staff -----------------------------------------------------------------------------

    def _username(self, first: str, last: str) -> str:
        plain = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode().lower()
        base = re.sub(r"[^a-z0-9.]+", "", plain)[:60] or "staff"
        name, n = base, 2
        while name in self.taken_usernames or name in FIXED_USERNAMES:
            name, n = f"{base}{n}", n + 1
        self.taken_usernames.add(name)
        return name

    def _add_staff(self, username: str, display: str, role: Role, created: date, by: Staff | None) -> Staff:
        at = self._moment(created)
        staff = Staff(self._id("staff"), username, display, role, at)
        self.rows["staff"].append(
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
        self._event(at, by, "create", "staff", staff.id, ("username", "display_name", "role"))
        return staff

    def make_staff(self) -> None:
        day = self.setup_day
        self.admin = self._add_staff("admin", "Administrator", Role.ADMINISTRATOR, day, None)
        self.priya = self._add_staff("priya", "Priya Shah", Role.MANAGER, day, self.admin)
        self.sam = self._add_staff("sam", "Sam Okafor", Role.KEY_WORKER, day, self.admin)
        self.chris = self._add_staff("chris", "Chris Doyle", Role.PEER_MENTOR, day, self.admin)
        key_worker_count = max(3, round(self.total / 50))
        manager_count = max(1, key_worker_count // 8)
        mentor_count = max(1, self.total // 400)
        names = self._staff_names(key_worker_count - 1 + manager_count + mentor_count + 1)
        self.managers = [self.priya]
        self.mentors = [self.chris]
        self.key_workers = [self.sam]
        hired_until = 10
        for _ in range(manager_count):
            first, last = names.pop()
            hired = weekday(self.setup_day + self._days(0, hired_until))
            self.managers.append(
                self._add_staff(
                    self._username(first, last), f"{first} {last}", Role.MANAGER, hired, self.admin
                )
            )
        for _ in range(key_worker_count - 1):
            first, last = names.pop()
            hired = weekday(self.setup_day + self._days(0, hired_until))
            self.key_workers.append(
                self._add_staff(
                    self._username(first, last), f"{first} {last}", Role.KEY_WORKER, hired, self.admin
                )
            )
        for _ in range(mentor_count):
            first, last = names.pop()
            hired = weekday(self.setup_day + self._days(0, hired_until))
            self.mentors.append(
                self._add_staff(
                    self._username(first, last), f"{first} {last}", Role.PEER_MENTOR, hired, self.admin
                )
            )
        # Somebody who has left: their name stays on what they wrote, on older, closed plans.
        first, last = names.pop()
        self.leaver = self._add_staff(
            self._username(first, last), f"{first} {last}", Role.KEY_WORKER, self.setup_day, self.admin
        )
        self.leaver_left = weekday(self.today - self._days(300, 500))
        self.leaver.active = False
        self.rows["staff"][-1]["active"] = False
        self._event(
            self._moment(self.leaver_left), self.admin, "deactivate", "staff", self.leaver.id, ("active",)
        )
        for index, worker in enumerate(self.key_workers):
            worker.manager = self.managers[index % len(self.managers)] if index else self.priya
            worker.mentor = self.mentors[index % len(self.mentors)] if index else self.chris
        self.sam.manager, self.sam.mentor = self.priya, self.chris
        self.leaver.manager, self.leaver.mentor = self.priya, self.chris
        self._bump("staff", len(self.rows["staff"]))

    def _staff_names(self, count: int) -> list[tuple[str, str]]:
        names: list[tuple[str, str]] = list(STAFF_TEAM_NAMES)
        self.r.shuffle(names)
        seen = {f"{a} {b}" for a, b in names} | {"Priya Shah", "Sam Okafor", "Chris Doyle"}
        while len(names) < count:
            given, last, _ = self._name()
            first = given.split(" ")[0]
            if f"{first} {last}" not in seen:
                seen.add(f"{first} {last}")
                names.insert(0, (first, last))
        return names

    # --- catalogue -------------------------------------------------------------------------

    def make_catalogue(self) -> None:
        day = self.setup_day + timedelta(days=3)
        provider_ids: dict[str, int] = {}
        for name, contact in PROVIDERS:
            at = self._moment(weekday(day))
            pid = self._id("providers")
            provider_ids[name] = pid
            self.rows["providers"].append({"id": pid, "name": name, "contact": contact})
            self._event(at, self.priya, "create", "provider", pid, ("name", "contact"))
        self.services: list[ServiceRow] = []
        for provider, name, category, description, unit, price, peer_led in SERVICES:
            assert never_allowed_reason(category) is None
            at = self._moment(weekday(day))
            sid = self._id("services")
            self.services.append(ServiceRow(sid, provider, name, category, unit, price))
            self.rows["services"].append(
                {
                    "id": sid,
                    "provider_id": provider_ids[provider],
                    "name": name,
                    "category": category,
                    "description": description,
                    "unit": unit.value,
                    "unit_price_pence": price,
                    "peer_led": peer_led,
                    "available_from": None,
                    "available_to": None,
                }
            )
            self._event(
                at,
                self.priya,
                "create",
                "service",
                sid,
                (
                    "name",
                    "category",
                    "description",
                    "unit",
                    "unit_price_pence",
                    "peer_led",
                    "available_from",
                    "available_to",
                ),
            )
        self.service_named = {s.name: s for s in self.services}
        self.everyday_travel = [
            self.service_named[n]
            for n in ("Weekly bus pass", "Monthly bus and rail pass", "Mutual aid travel")
        ]
        self._bump("providers", len(PROVIDERS))
        self._bump("services", len(self.services))
