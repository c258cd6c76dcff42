"""``careplan requests``: requests for services the catalogue lacks, and a manager's decisions on them.

``careplan requests [--format table|json]`` lists the requests still waiting (for a manager, or
for an answer to a manager's question), oldest first, then the 50 most recent decisions, newest
first: the request's id, the person's reference, what is asked for, the price asked, and since
when it has waited or what was decided, in the app's words.

JSON (a list, one object per request): ``id`` (number), ``person_reference``, ``what`` (text),
``unit`` (text), ``price_asked_pence`` (number), ``asked_at`` and ``waiting_since`` (ISO date and
time: since when it has waited for a manager, the answer to "tell us more" or else the asking), ``status``
("pending", "asked", "approved" or "declined"), ``decided_at`` (ISO date and time, or null),
``words`` (text: where it has got to), ``reason`` and ``question`` (text, or null),
``approved_unit_price_pence`` and ``service_id`` (number, or null: the catalogue service a
"yes, and add it to the catalogue" made), ``disagreement`` (the person's words, or null).

``careplan --user U requests decide ID --yes [--price £] [--reason "…"]``: yes, as a one-off for
this person (at the price asked, unless ``--price``); ``--yes --add-to-catalogue --price £
[--unit U] [--provider NAME]``: yes, and added to the catalogue (the unit asked for and the
provider the request names, unless given); ``--no --reason "…"``: no, with the reason the person
will read; ``--ask --reason "…"``: tell us more (the question goes back to the person and key
worker). Managers only.

Exit codes are :mod:`careplan.cli.main`'s: 2 bad input (one sentence; nothing written), 4 not a
manager, 5 no such request, 13 not signed in; a request already decided, waiting for an answer,
or on a closed plan: 2.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from careplan.domain.enums import ProposalStatus, ServiceUnit
from careplan.domain.errors import InvalidInput
from careplan.domain.money import parse_money
from careplan.domain.wording.dates import short_date
from careplan.domain.wording.units import price_words

if TYPE_CHECKING:
    from careplan.services.requests import Decision, RequestListing

HEADER = ["Id", "Person", "What", "Price asked", "Waiting since, or the decision"]
RIGHT = {0}


def _request_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a request's number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("a request's number is 1 or more")
    return value


def add_parsers(commands: Any) -> None:
    """Add ``requests`` to ``careplan``'s sub-command parsers (imports nothing heavy: ``--help``)."""
    requests = commands.add_parser(
        "requests", help="requests for services not in the catalogue, and decisions"
    )
    requests.add_argument("--format", choices=["table", "json"], default="table")
    # The same parser class as careplan's own: a mistake is one sentence and exit code 2.
    actions = requests.add_subparsers(dest="requests_command", metavar="ACTION", parser_class=type(requests))
    decide = actions.add_parser("decide", help="decide a request (managers)")
    decide.add_argument(
        "request_id", metavar="ID", type=_request_id, help="the request (see: careplan requests)"
    )
    choice = decide.add_mutually_exclusive_group(required=True)
    choice.add_argument("--yes", action="store_true", help="yes: a one-off for this person")
    choice.add_argument("--no", action="store_true", help="no, with --reason the person will read")
    choice.add_argument("--ask", action="store_true", help="tell us more: --reason is the question")
    decide.add_argument(
        "--reason", default="", metavar="WORDS", help="why (required with --no), or the question"
    )
    decide.add_argument("--add-to-catalogue", action="store_true", help="with --yes: add it to the catalogue")
    decide.add_argument(
        "--price", metavar="£", help="with --yes: the price per unit (default: the price asked)"
    )
    decide.add_argument(
        "--unit",
        choices=[u.value for u in ServiceUnit],
        help="with --add-to-catalogue: the unit it is priced by",
    )
    decide.add_argument("--provider", metavar="NAME", help="with --add-to-catalogue: who provides it")


def requests(args: argparse.Namespace) -> int:
    # The services behind this command, imported only when it runs: see careplan.cli.main._run.
    from careplan.cli.commands import acting_staff, open_for_cli
    from careplan.cli.output import print_json, print_table
    from careplan.services.requests import decide_request, list_requests

    if args.requests_command == "decide":
        decision = decision_from(args)  # before signing in: bad input writes nothing
        db = open_for_cli(args.database, create=False)
        actor = acting_staff(db, args)
        decide_request(db, actor, args.request_id, decision)
        print(f"Request {args.request_id} decided: {_DONE[decision.choice]}")
        return 0
    db = open_for_cli(args.database, create=False)
    actor = acting_staff(db, args)
    rows = list_requests(db, actor)
    if args.format == "json":
        print_json([_as_json(row) for row in rows])
        return 0
    print_table(HEADER, [_as_cells(row) for row in rows], right=RIGHT)
    print(f"\n{len(rows)} {'request' if len(rows) == 1 else 'requests'}")
    return 0


_DONE = {
    "yes": "yes, as a one-off.",
    "yes_to_catalogue": "yes, and added to the catalogue.",
    "no": "no, with the reason given.",
    "ask": "the question goes back to the person and their key worker.",
}


def decision_from(args: argparse.Namespace) -> Decision:
    """The decision the arguments ask for, or one sentence saying what is wrong with them."""
    from careplan.services.requests import Choice, Decision  # as in requests(), above

    if not args.yes and (args.add_to_catalogue or args.price is not None):
        raise InvalidInput("--add-to-catalogue and --price go with --yes only.", "price")
    if not args.add_to_catalogue and (args.unit is not None or args.provider is not None):
        raise InvalidInput("--unit and --provider go with --add-to-catalogue only.", "unit")
    if args.add_to_catalogue and args.price is None:
        raise InvalidInput("Adding to the catalogue needs --price, the price per unit.", "price")
    if (args.no or args.ask) and not args.reason.strip():
        wanted = "why the answer is no" if args.no else "the question"
        raise InvalidInput(f"Please give --reason: {wanted}, in plain words the person will read.", "reason")
    price = parse_money(args.price, field="price", allow_zero=False) if args.price is not None else None
    if args.yes:
        choice = Choice.YES_TO_CATALOGUE if args.add_to_catalogue else Choice.YES
    else:
        choice = Choice.NO if args.no else Choice.ASK
    unit = ServiceUnit(args.unit) if args.unit else None
    return Decision(choice, words=args.reason, price=price, unit=unit, provider=args.provider)


def _words(row: RequestListing) -> str:
    if row.decision.status == ProposalStatus.PENDING:
        return f"Waiting since {short_date(row.waiting_since)}"
    return row.decision.words(row.unit)


def _as_cells(row: RequestListing) -> list[str]:
    return [
        str(row.id),
        row.person_reference,
        row.what,
        price_words(row.price_asked_pence, row.unit),
        _words(row),
    ]


def _as_json(row: RequestListing) -> dict[str, object]:
    d = row.decision
    return {
        "id": row.id,
        "person_reference": row.person_reference,
        "what": row.what,
        "unit": str(row.unit),
        "price_asked_pence": row.price_asked_pence,
        "asked_at": row.asked_at.isoformat(),
        "waiting_since": row.waiting_since.isoformat(),
        "status": str(d.status),
        "decided_at": d.decided_at.isoformat() if d.decided_at else None,
        "words": _words(row),
        "reason": d.reason,
        "question": d.question,
        "approved_unit_price_pence": d.approved_unit_price_pence,
        "service_id": d.service_id,
        "disagreement": d.disagreement.body if d.disagreement else None,
    }
