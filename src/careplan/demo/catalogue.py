"""The catalogue as the manager set it up, a few days after the service started: providers and
the services they offer, with their prices (never a category the budget may not pay for)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from careplan.demo.content.catalogue import PROVIDERS, SERVICES
from careplan.demo.days import weekday
from careplan.demo.stand_ins import ServiceRow, Staff
from careplan.demo.workbench import Workbench
from careplan.domain.budget import never_allowed_reason

_SERVICE_FIELDS = (
    "name",
    "category",
    "description",
    "unit",
    "unit_price_pence",
    "peer_led",
    "available_from",
    "available_to",
)


@dataclass
class Catalogue:
    services: list[ServiceRow]
    service_named: dict[str, ServiceRow]
    everyday_travel: list[ServiceRow]  # what anybody's plan may add to get about
    provider_ids: dict[str, int]  # by name: where a manager adds a service later (demo/requests.py)


def build_catalogue(bench: Workbench, manager: Staff) -> Catalogue:
    clock, trail, batch = bench.clock, bench.trail, bench.batch
    day = weekday(bench.setup_day + timedelta(days=3))
    provider_ids: dict[str, int] = {}
    for name, contact in PROVIDERS:
        at = clock.moment(day)
        pid = batch.new_id("providers")
        provider_ids[name] = pid
        batch.rows["providers"].append({"id": pid, "name": name, "contact": contact})
        trail.event(at, manager, "create", "provider", pid, ("name", "contact"))
    services: list[ServiceRow] = []
    for provider, name, category, description, unit, price, peer_led in SERVICES:
        assert never_allowed_reason(category) is None
        at = clock.moment(day)
        sid = batch.new_id("services")
        services.append(ServiceRow(sid, provider, name, category, unit, price))
        batch.rows["services"].append(
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
        trail.event(at, manager, "create", "service", sid, _SERVICE_FIELDS)
    named = {s.name: s for s in services}
    travel = [named[n] for n in ("Weekly bus pass", "Monthly bus and rail pass", "Mutual aid travel")]
    batch.bump("providers", len(PROVIDERS))
    batch.bump("services", len(services))
    return Catalogue(services, named, travel, provider_ids)
