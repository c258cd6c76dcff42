"""The local service catalogue, and proposals for services it does not have."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from careplan.domain.actor import Actor, Voice
from careplan.domain.budget import refuse_never_allowed
from careplan.domain.enums import ProposalStatus, ServiceUnit
from careplan.domain.errors import InvalidInput
from careplan.domain.money import check_money, from_pence, to_pence
from careplan.domain.permissions import Action
from careplan.domain.records import Person, Plan, Proposal, Provider, Service
from careplan.domain.text import check_text, one_line
from careplan.services.unit_of_work import read_only, unit_of_work
from careplan.storage.database import Database


@dataclass(frozen=True)
class ServiceInput:
    provider_id: int
    name: str
    category: str
    description: str
    unit: ServiceUnit
    unit_price: Decimal
    peer_led: bool = False
    available_from: date | None = None
    available_to: date | None = None


def clean_name(value: str, field: str, label: str, limit: int) -> str:
    cleaned = one_line(value, label, field)
    if not cleaned:
        raise InvalidInput(f"Please give {label}.", field)
    if len(cleaned) > limit:
        raise InvalidInput(f"That is too long ({limit} characters at most).", field)
    return cleaned


def _category(value: str) -> str:
    category = clean_name(value, "category", "a category", 60)
    refuse_never_allowed(category)
    return category


def add_provider(db: Database, actor: Actor, name: str, contact: str | None = None) -> int:
    with unit_of_work(db, actor, Action.MANAGE_CATALOGUE) as work:
        cleaned = clean_name(name, "name", "the provider's name", 120)
        if work.session.scalar(select(Provider.id).where(Provider.name == cleaned)):
            raise InvalidInput(f"There is already a provider called “{cleaned}”.", "name")
        provider = Provider(name=cleaned, contact=one_line(contact or "", "the contact", "contact") or None)
        work.session.add(provider)
        work.session.flush()
        work.audit("create", "provider", provider, ("name", "contact"))
        return provider.id


def service_values(item: ServiceInput) -> dict[str, object]:
    if item.available_from and item.available_to and item.available_to < item.available_from:
        raise InvalidInput("The service must stop being available after it starts.", "available_to")
    return {
        "name": clean_name(item.name, "name", "the service's name", 120),
        "category": _category(item.category),
        "description": check_text(item.description, "the description", "description", lines=True).strip(),
        "unit": ServiceUnit(item.unit),
        "unit_price_pence": to_pence(check_money(item.unit_price, field="unit_price")),
        "peer_led": item.peer_led,
        "available_from": item.available_from,
        "available_to": item.available_to,
    }


def add_service(db: Database, actor: Actor, item: ServiceInput) -> int:
    with unit_of_work(db, actor, Action.MANAGE_CATALOGUE) as work:
        provider = work.get(Provider, item.provider_id, "provider")
        values = service_values(item)
        if work.session.scalar(
            select(Service.id).where(Service.provider_id == provider.id, Service.name == values["name"])
        ):
            raise InvalidInput(f"{provider.name} already offers a service with that name.", "name")
        service = Service(provider=provider, **values)
        work.session.add(service)
        work.session.flush()
        work.audit("create", "service", service, tuple(values))
        return service.id


def update_service(db: Database, actor: Actor, service_id: int, item: ServiceInput) -> None:
    """Change a catalogue entry. Plans keep the price that was copied when the money was allocated."""
    with unit_of_work(db, actor, Action.MANAGE_CATALOGUE) as work:
        service = work.get(Service, service_id, "service")
        values = service_values(item)
        clash = work.session.scalar(
            select(Service.id).where(
                Service.provider_id == service.provider_id,
                Service.name == values["name"],
                Service.id != service.id,
            )
        )
        if clash is not None:
            raise InvalidInput(f"{service.provider.name} already offers a service with that name.", "name")
        if item.provider_id != service.provider_id:
            values["provider_id"] = work.get(Provider, item.provider_id, "provider").id
        changed = [k for k, v in values.items() if getattr(service, k) != v]
        for key in changed:
            setattr(service, key, values[key])
        work.audit("update", "service", service, tuple(changed))


@dataclass(frozen=True)
class CatalogueEntry:
    """One service in the catalogue as a manager sees it (whether on offer today or not)."""

    id: int
    provider_id: int
    provider: str
    name: str
    category: str
    description: str
    unit: ServiceUnit
    price: Decimal
    peer_led: bool
    available_from: date | None
    available_to: date | None


def list_services(db: Database, actor: Actor) -> list[CatalogueEntry]:
    """Every service in the catalogue, by provider and name, including those not on offer now."""
    with read_only(db, actor, Action.MANAGE_CATALOGUE) as work:
        rows = work.session.scalars(
            select(Service)
            .join(Provider)
            .options(selectinload(Service.provider))
            .order_by(Provider.name, Service.name, Service.id)
        )
        return [
            CatalogueEntry(
                id=s.id,
                provider_id=s.provider_id,
                provider=s.provider.name,
                name=s.name,
                category=s.category,
                description=s.description,
                unit=ServiceUnit(s.unit),
                price=from_pence(s.unit_price_pence),
                peer_led=s.peer_led,
                available_from=s.available_from,
                available_to=s.available_to,
            )
            for s in rows
        ]


@dataclass(frozen=True)
class ProposalInput:
    what: str
    category: str
    unit: ServiceUnit
    estimated_cost: Decimal
    why: str
    why_voice: Voice
    who_might_provide: str | None = None


def propose_service(
    db: Database, actor: Actor, person_id: int, proposal: ProposalInput, *, plan_id: int | None = None
) -> int:
    """The person wants something the catalogue does not have: it waits for a manager's decision."""
    with unit_of_work(db, actor, Action.PROPOSE_SERVICE) as work:
        person = work.get(Person, person_id, "person")
        if plan_id is not None and work.get(Plan, plan_id, "plan").person_id != person.id:
            raise InvalidInput("That plan belongs to somebody else.")
        row = Proposal(
            person_id=person.id,
            plan_id=plan_id,
            what=clean_name(proposal.what, "what", "what the service is", 200),
            who_might_provide=one_line(
                proposal.who_might_provide or "", "who might provide it", "who_might_provide"
            )
            or None,
            category=_category(proposal.category),
            unit=ServiceUnit(proposal.unit),
            estimated_cost_pence=to_pence(
                check_money(proposal.estimated_cost, field="estimated_cost", allow_zero=False)
            ),
            why=work.text(
                proposal.why,
                proposal.why_voice,
                person_id=person.id,
                field_name="why",
                what="why the person wants it",
            ),
            status=ProposalStatus.PENDING,
            created_by_id=work.staff.id,
            created_at=work.now,
        )
        work.session.add(row)
        work.session.flush()
        work.audit("create", "proposal", row, ("what", "category", "estimated_cost", "why"))
        return row.id
