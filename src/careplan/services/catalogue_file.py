"""The local service catalogue as a spreadsheet: read from CSV, saved in one go, written back out.

A centre keeps its list of local services in a spreadsheet. ``careplan catalogue import FILE``
loads it; ``careplan catalogue export FILE`` writes the catalogue in the same shape, so a manager
can change it in a spreadsheet and load it again.

Reading (:func:`read_catalogue`) checks every line before anything is saved and collects every
problem with its line number, in words a manager can act on. Saving (:func:`import_catalogue`) is
one unit of work: every line is saved, or none. A service is known by its provider and its name:
a line naming one already in the catalogue changes it; the rest are added. Nothing is removed.

The file may come from Excel (UTF-8 with a byte-order mark, or Windows-1252), with commas,
semicolons or tabs between columns, and headings in any order and case.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from careplan.domain.actor import Actor
from careplan.domain.dates import parse_date
from careplan.domain.enums import ServiceUnit
from careplan.domain.errors import CareplanError, InvalidInput
from careplan.domain.money import from_pence, parse_money
from careplan.domain.permissions import Action
from careplan.domain.records import Provider, Service
from careplan.domain.text import check_text
from careplan.domain.wording.dates import typed_date
from careplan.services.catalogue import ServiceInput, clean_name, service_values
from careplan.services.unit_of_work import read_only, unit_of_work
from careplan.storage.database import Database

MAX_BYTES = 5 * 1024 * 1024
MAX_LINES = 20_000
SHOWN_PROBLEMS = 30

# Each column: its name in an exported file, then other headings people use for it.
COLUMNS: dict[str, tuple[str, ...]] = {
    "provider": ("provider", "organisation", "organization", "provider name"),
    "service": ("service", "service name", "name"),
    "category": ("category", "type"),
    "description": ("description", "details", "about"),
    "unit": ("unit", "per", "charged per", "unit of service"),
    "price": ("price", "unit price", "cost", "price per unit", "price (£)", "cost (£)"),
    "peer_led": ("peer led", "peer-led", "peer_led", "run by peers"),
    "available_from": ("available from", "from", "start", "starts"),
    "available_to": ("available to", "until", "to", "end", "ends"),
    "contact": ("provider contact", "contact"),
}
REQUIRED = ("provider", "service", "category", "unit", "price")
HEADINGS = {
    "provider": "Provider",
    "service": "Service",
    "category": "Category",
    "description": "Description",
    "unit": "Unit",
    "price": "Price",
    "peer_led": "Peer led",
    "available_from": "Available from",
    "available_to": "Available to",
    "contact": "Provider contact",
}
_UNITS = {
    **{unit.value: unit for unit in ServiceUnit},
    **{unit.value + "s": unit for unit in ServiceUnit},
    **{"per " + unit.value: unit for unit in ServiceUnit},
    "hr": ServiceUnit.HOUR,
    "hours": ServiceUnit.HOUR,
    "weekly": ServiceUnit.WEEK,
    "courses": ServiceUnit.COURSE,
}
_YES = {"yes", "y", "true", "1", "peer led", "peer-led"}
_NO = {"", "no", "n", "false", "0"}
_UNCLOSED = (
    'a quotation mark (") starts a cell that is never closed, so the lines after it run together. '
    "Check the quotation marks on this line."
)
# A cell a spreadsheet would run as a formula is written with an apostrophe before it.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class CatalogueLine:
    """One service as read from the file, checked."""

    line: int
    provider: str
    item: ServiceInput  # provider_id is 0 here: the provider is named, not yet found
    contact: str | None = None


@dataclass(frozen=True)
class LineProblem:
    line: int  # 0: the file as a whole
    message: str

    def __str__(self) -> str:
        return self.message if self.line == 0 else f"Line {self.line}: {self.message}"


class CatalogueFileProblems(InvalidInput):
    """The file cannot be loaded as it is; ``problems`` says where and why. Nothing was saved."""

    def __init__(self, problems: Sequence[LineProblem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        if count == 1:
            summary = f"The catalogue was not loaded: {self.problems[0]}"
        else:
            summary = f"The catalogue was not loaded: {count} lines need changing first. Nothing was saved."
        super().__init__(summary, "file")

    def lines(self, limit: int = SHOWN_PROBLEMS) -> list[str]:
        """The problems in words, at most ``limit`` of them and then how many more."""
        shown = [str(problem) for problem in self.problems[:limit]]
        if len(self.problems) > limit:
            shown.append(f"… and {len(self.problems) - limit} more.")
        return shown


@dataclass(frozen=True)
class ImportSummary:
    added: int
    changed: int
    unchanged: int
    providers_added: int

    @property
    def words(self) -> str:
        return (
            f"{self.added} services added, {self.changed} changed, {self.unchanged} already up to date"
            f" ({self.providers_added} new providers)."
        )

    def _changes(self, add: str, change: str) -> str:
        """ "add 12 services and change 3 (2 new providers)", in the tense given."""
        parts = []
        if self.added:
            parts.append(f"{add} {_count(self.added, 'service')}")
        if self.changed:
            what = "" if self.added else (" service" if self.changed == 1 else " services")
            parts.append(f"{change} {self.changed}{what}")
        text = " and ".join(parts)
        if self.providers_added:
            text += f" ({_count(self.providers_added, 'new provider')})"
        return text

    @property
    def preview(self) -> str:
        """What loading would do, for the question before it is done."""
        if not self.added and not self.changed:
            return (
                "Every service in this file is already in the catalogue as it is. Loading it changes nothing."
            )
        text = f"This will {self._changes('add', 'change')}."
        if self.unchanged:
            others = _count(self.unchanged, "other service")
            text += f" {others} in the file {_are(self.unchanged)} already up to date."
        return text + " Nothing is removed."

    @property
    def outcome(self) -> str:
        """What loading did."""
        if not self.added and not self.changed:
            return "The catalogue was already up to date: nothing needed changing."
        if self.added:
            text = f"{_count(self.added, 'service')} added" + (
                f" and {self.changed:,} changed" if self.changed else ""
            )
        else:
            text = f"{_count(self.changed, 'service')} changed"
        if self.providers_added:
            text += f" ({_count(self.providers_added, 'new provider')})"
        return f"The catalogue was loaded: {text}. Nothing was removed."


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _are(number: int) -> str:
    return "is" if number == 1 else "are"


def _file_problem(message: str) -> CatalogueFileProblems:
    return CatalogueFileProblems([LineProblem(0, message)])


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise _file_problem(
            f"The file is too big for a catalogue ({len(data) // (1024 * 1024)} MB; 5 MB at most)."
        )
    if not data.strip():
        raise _file_problem("The file is empty.")
    if b"\x00" in data[:4096]:
        raise _file_problem(
            "This does not look like a spreadsheet saved as CSV. In your spreadsheet, choose "
            "Save As and the type “CSV (comma delimited)”."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")  # Excel on Windows
        except UnicodeDecodeError as exc:
            # Neither: a byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
            raise CatalogueFileProblems(
                [
                    LineProblem(
                        data.count(b"\n", 0, exc.start) + 1,
                        f"the byte {data[exc.start]:#04x} is not a character in UTF-8 or Windows-1252, "
                        "so the file cannot be read as it is. In your spreadsheet, choose Save As and "
                        "the type “CSV UTF-8”.",
                    )
                ]
            ) from None
    nul = text.find("\x00")
    if nul >= 0:  # past the first 4 KB: a spreadsheet never writes one
        raise CatalogueFileProblems(
            [
                LineProblem(
                    text.count("\n", 0, nul) + 1,
                    "there is a NUL byte in this line, which is not text. Save the file again from "
                    "your spreadsheet as CSV.",
                )
            ]
        )
    return text


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    sample = text[:8192]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _columns(heading_row: Sequence[str]) -> dict[str, int]:
    """Which column holds what, from the heading row; a problem for a missing or repeated one."""
    found: dict[str, int] = {}
    for index, heading in enumerate(heading_row):
        key = " ".join(heading.strip().lower().split())
        for column, names in COLUMNS.items():
            if key in names:
                if column in found:
                    raise _file_problem(f"Two columns are headed “{HEADINGS[column]}”. Keep one.")
                found[column] = index
                break
    missing = [HEADINGS[column] for column in REQUIRED if column not in found]
    if missing:
        expected = ", ".join(HEADINGS[column] for column in REQUIRED)
        raise _file_problem(
            f"The first line must name the columns. Missing: {', '.join(missing)}. "
            f"A catalogue needs at least: {expected}."
        )
    return found


def _unit(text: str) -> ServiceUnit:
    unit = _UNITS.get(" ".join(text.strip().lower().split()))
    if unit is None:
        choices = ", ".join(unit.value for unit in ServiceUnit)
        raise InvalidInput(
            f"“{text.strip()[:20]}” is not a unit Careplan knows. Use one of: {choices}.", "unit"
        )
    return unit


def _yes_no(text: str) -> bool:
    value = text.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise InvalidInput(f"“Peer led” should be yes or no, not “{text.strip()[:20]}”.", "peer_led")


def _line(number: int, row: Sequence[str], columns: dict[str, int]) -> CatalogueLine:
    def cell(column: str) -> str:
        index = columns.get(column)
        value = row[index] if index is not None and index < len(row) else ""
        value = value[1:] if value[:1] == "'" and value[1:2] in _FORMULA_STARTS else value
        # Every cell is text a person could have typed (the description may have several lines).
        return check_text(value, f"the {HEADINGS[column]} cell", column, lines=column == "description")

    provider = clean_name(cell("provider"), "provider", "the provider's name", 120)
    item = ServiceInput(
        provider_id=0,
        name=cell("service"),
        category=cell("category"),
        description=cell("description"),
        unit=_unit(cell("unit")),
        unit_price=parse_money(cell("price"), field="price"),
        peer_led=_yes_no(cell("peer_led")),
        available_from=parse_date(cell("available_from"), field="available_from"),
        available_to=parse_date(cell("available_to"), field="available_to"),
    )
    values = service_values(item)  # the same checks as adding one service by hand
    checked = ServiceInput(
        provider_id=0,
        name=str(values["name"]),
        category=str(values["category"]),
        description=str(values["description"]),
        unit=item.unit,
        unit_price=item.unit_price,
        peer_led=item.peer_led,
        available_from=item.available_from,
        available_to=item.available_to,
    )
    contact = " ".join(cell("contact").split())[:200] or None
    return CatalogueLine(number, provider, checked, contact)


def read_catalogue(data: bytes) -> list[CatalogueLine]:
    """Every service in a CSV file, checked; :class:`CatalogueFileProblems` lists every problem."""
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text))
    lines: list[CatalogueLine] = []
    problems: list[LineProblem] = []
    seen: dict[tuple[str, str], int] = {}
    try:
        heading = next(reader, None)
        if heading is None:
            raise _file_problem("The file is empty.")
        columns = _columns(heading)
        ended = reader.line_num  # the line the previous row ended on: a row may span lines
        for row in reader:
            start, ended = ended + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # blank lines, as spreadsheets leave at the end
            if len(lines) + len(problems) >= MAX_LINES:
                raise _file_problem(
                    f"The file has more than {MAX_LINES:,} services. Split it into smaller files."
                )
            if len(row) < len(heading) and any("\n" in cell for cell in row):
                problems.append(LineProblem(start, _UNCLOSED))
                continue
            try:
                line = _line(start, row, columns)
            except CareplanError as exc:
                problems.append(LineProblem(start, exc.message))
                continue
            key = (line.provider.casefold(), line.item.name.casefold())
            if key in seen:
                problems.append(
                    LineProblem(start, f"{line.provider}, “{line.item.name}” is already on line {seen[key]}.")
                )
                continue
            seen[key] = start
            lines.append(line)
    except csv.Error as exc:
        raise _file_problem(
            f"The file could not be read as CSV near line {reader.line_num} ({exc})."
        ) from exc
    if problems:
        raise CatalogueFileProblems(problems)
    if not lines:
        raise _file_problem("The file names the columns but has no services in it.")
    return lines


@dataclass(frozen=True)
class _Match:
    """What one line of the file means for the catalogue as it is now."""

    line: CatalogueLine
    values: dict[str, object]  # the service's columns, checked (service_values)
    provider: Provider | None  # None: a provider this file adds (the first line naming it adds it)
    service: Service | None  # None: a service this file adds
    changed: tuple[str, ...]  # for a service already there: the columns this line changes


def _match(session: Session, lines: Sequence[CatalogueLine]) -> list[_Match]:
    """The one place that decides what each line does: a service is known by its provider's
    name and its own name (whatever their case); a line naming one already there changes it."""
    providers = {p.name.casefold(): p for p in session.scalars(select(Provider))}
    services = {
        (provider.name.casefold(), service.name.casefold()): service
        for service, provider in session.execute(select(Service, Provider).join(Provider))
    }
    matches: list[_Match] = []
    added: dict[tuple[str, str], int] = {}
    for line in lines:
        key = (line.provider.casefold(), line.item.name.casefold())
        if key in added:  # read_catalogue refuses this; lines made some other way might not
            raise InvalidInput(
                f"Line {line.line}: {line.provider}, “{line.item.name}” is already on line {added[key]}.",
                "file",
            )
        added[key] = line.line
        check_text(line.provider, "the provider's name", "provider")  # as read_catalogue checks them
        check_text(line.contact or "", "the provider's contact", "contact")
        values = service_values(line.item)
        service = services.get(key)
        changed = () if service is None else tuple(k for k, v in values.items() if getattr(service, k) != v)
        matches.append(_Match(line, values, providers.get(key[0]), service, changed))
    return matches


def _summary(matches: Sequence[_Match]) -> ImportSummary:
    return ImportSummary(
        added=sum(1 for m in matches if m.service is None),
        changed=sum(1 for m in matches if m.service is not None and m.changed),
        unchanged=sum(1 for m in matches if m.service is not None and not m.changed),
        providers_added=len({m.line.provider.casefold() for m in matches if m.provider is None}),
    )


def compare_catalogue(db: Database, actor: Actor, lines: Sequence[CatalogueLine]) -> ImportSummary:
    """What :func:`import_catalogue` would do with these lines, without saving anything."""
    with read_only(db, actor, Action.MANAGE_CATALOGUE) as work:
        return _summary(_match(work.session, lines))


def import_catalogue(
    db: Database,
    actor: Actor,
    lines: Sequence[CatalogueLine],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> ImportSummary:
    """Save the services read by :func:`read_catalogue`: all of them, or none.

    ``progress(done, total)`` is called as lines are saved (from the thread that calls this).
    """
    with unit_of_work(db, actor, Action.MANAGE_CATALOGUE) as work:
        matches = _match(work.session, lines)
        new_providers: dict[str, Provider] = {}
        total = len(matches)
        for done, match in enumerate(matches, start=1):
            line = match.line
            provider = match.provider or new_providers.get(line.provider.casefold())
            if provider is None:
                provider = Provider(name=line.provider, contact=line.contact)
                work.session.add(provider)
                work.session.flush()
                work.audit("create", "provider", provider, ("name", "contact"))
                new_providers[line.provider.casefold()] = provider
            if match.service is None:
                service = Service(provider=provider, **match.values)
                work.session.add(service)
                work.session.flush()
                work.audit("create", "service", service, tuple(match.values))
            elif match.changed:
                for key in match.changed:
                    setattr(match.service, key, match.values[key])
                work.audit("update", "service", match.service, match.changed)
            if progress is not None and (done % 200 == 0 or done == total):
                progress(done, total)
        return _summary(matches)


def _cells(service: Service, provider: Provider) -> Iterable[str]:
    yield provider.name
    yield service.name
    yield service.category
    yield service.description
    yield service.unit
    yield f"{from_pence(service.unit_price_pence):.2f}"
    yield "yes" if service.peer_led else "no"
    yield typed_date(service.available_from)
    yield typed_date(service.available_to)
    yield provider.contact or ""


def export_catalogue(db: Database, actor: Actor) -> bytes:
    """The whole catalogue as a CSV file that :func:`read_catalogue` reads back (UTF-8 with a
    byte-order mark, so that Excel shows £ and accents)."""
    with read_only(db, actor, Action.MANAGE_CATALOGUE) as work:
        rows = work.session.execute(
            select(Service, Provider).join(Provider).order_by(Provider.name, Service.name)
        ).all()
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(HEADINGS.values())
        for service, provider in rows:
            writer.writerow(_guard(cell) for cell in _cells(service, provider))
    return out.getvalue().encode("utf-8-sig")


def _guard(cell: str) -> str:
    """Keep a spreadsheet from running a cell as a formula (CSV injection)."""
    return "'" + cell if cell[:1] in _FORMULA_STARTS else cell
