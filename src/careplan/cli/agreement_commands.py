"""``careplan agreement``, ``careplan verify`` and ``careplan certificate``.

- ``careplan agreement PLAN_ID [--version N] --out FILE.pdf [--easy-read] [--covering "REASON"]``
  (``--covering``: see :mod:`careplan.cli.caseload_commands`) renders the
  agreement of an approved version (default: the active version, else the newest approved one),
  signs it with the service's certificate, checks the result verifies, and only then writes it
  (to a private temporary file in the same folder, renamed into place: never a half-written PDF,
  never over the database or its files, a folder, a device or a pipe: exit 2, nothing written). The
  work is :func:`careplan.documents.issue.issue_signed_agreement` and
  :func:`~careplan.documents.issue.save_agreement`, shared with the app; the second records in the
  audit trail that the agreement was issued, in the same unit of work as the write, so a write
  that fails is never recorded. On a computer with no keyring the certificate's passphrase is
  asked for at the terminal (saying why), or taken from ``CAREPLAN_CERT_PASSPHRASE``; it is used
  for this signature and kept nowhere.
- ``careplan verify FILE.pdf`` answers three questions in plain words and exits with a code:
  0 all hold; 10 changed after signing, not signed, or not a readable PDF; 11 not signed by
  this service (current or earlier certificate); 12 matches no stored plan version. When several
  fail, the first in that order wins. Trust and fingerprints come from ``--database``.
- ``careplan certificate create --organisation NAME``, ``import FILE.p12``, ``show``,
  ``remember-passphrase``, ``timestamp-server [URL | --none]``. The passphrase comes from
  ``CAREPLAN_CERT_PASSPHRASE`` or is asked for at the terminal; it goes only to the keyring (on a
  computer with no keyring, nowhere: it is asked for each time agreements are signed).

Besides the codes in :mod:`careplan.cli.main` (1-7): 8 the service has no usable signing
certificate (none yet, or out of date), 9 the keyring holding its passphrase is not available.

pyHanko and ReportLab are imported by :mod:`careplan.documents` only when a PDF is made or checked.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careplan.cli.caseload_commands import check_covering, covering_if_needed
from careplan.cli.commands import acting_staff, open_for_cli
from careplan.documents.checking import UnreadableFile, check_agreement, read_agreement_file
from careplan.documents.files import why_not_written
from careplan.documents.issue import issue_signed_agreement, save_agreement
from careplan.domain.errors import CareplanError, InvalidInput
from careplan.domain.wording.dates import long_date
from careplan.services import chosen_files, timestamp_server
from careplan.services import signing_certificate as certs
from careplan.services.chosen_files import read_chosen
from careplan.services.covering import cover_for_colleague
from careplan.services.secrets import KeyringUnavailable, has_keyring
from careplan.services.signing_certificate import (
    CertificateExpired,
    NoSigningCertificate,
    SigningPassphraseNeeded,
    SigningPassphraseUnavailable,
    WrongSigningPassphrase,
    signing_identity,
)
from careplan.services.verification import agreement_version

if TYPE_CHECKING:
    from collections.abc import Callable

    from careplan.services.signing_certificate import SigningIdentity, SigningPassphraseNeeded

ENV_PASSPHRASE = "CAREPLAN_CERT_PASSPHRASE"
PASSPHRASE_TRIES = 3
EXIT_NO_CERTIFICATE = 8
EXIT_KEYRING = 9
EXIT_CHANGED = 10


# --- shared ---------------------------------------------------------------------------------


def _fail(message: str, code: int) -> int:
    print(f"careplan: {message}", file=sys.stderr)
    return code


def _signing_failure(exc: CareplanError) -> int | None:
    """The exit code for a certificate or keyring problem, or None for any other failure."""
    if isinstance(exc, NoSigningCertificate):
        return _fail(
            f"{exc.message} Run: careplan certificate create --organisation NAME "
            "(or: careplan certificate import FILE.p12).",
            EXIT_NO_CERTIFICATE,
        )
    if isinstance(exc, CertificateExpired):
        return _fail(exc.message, EXIT_NO_CERTIFICATE)
    if isinstance(exc, KeyringUnavailable):
        return _fail(exc.message, EXIT_KEYRING)
    return None


# --- agreement --------------------------------------------------------------------------------


def _typed_identity(
    open_with: Callable[[str], SigningIdentity], needed: SigningPassphraseNeeded
) -> SigningIdentity:
    """The signing identity opened (``open_with``) with the passphrase given in
    ``CAREPLAN_CERT_PASSPHRASE``, else typed at the terminal after saying why it is asked
    (``needed``: this computer has no keyring). Used for this signature only and kept nowhere."""
    given = os.environ.get(ENV_PASSPHRASE)
    if given is not None:
        return open_with(given)
    if not sys.stdin.isatty():
        raise SigningPassphraseUnavailable(
            f"{needed.message} Type it at a terminal, or give it in the {ENV_PASSPHRASE} environment "
            "variable.",
            reason=needed.reason,
        )

    print(needed.message, file=sys.stderr)
    for attempt in range(1, PASSPHRASE_TRIES + 1):
        typed = getpass.getpass("Passphrase for the signing certificate: ")
        try:
            return open_with(typed)
        except WrongSigningPassphrase as wrong:
            if attempt == PASSPHRASE_TRIES:
                raise
            print(wrong.message, file=sys.stderr)
    raise AssertionError("unreachable")  # pragma: no cover


def agreement(args: argparse.Namespace) -> int:
    what = "the easy-read agreement" if args.easy_read else "the agreement"
    # Refused before anyone signs in or anything is made; looked at again just before writing.
    chosen_files.output_path(args.out, chosen_files.protected_files_at(args.database), what=what)
    check_covering(args)
    db = open_for_cli(args.database, create=False)
    actor = acting_staff(db, args)
    chosen = agreement_version(db, actor, args.plan_id, args.plan_version)
    try:
        try:
            identity = signing_identity(db)
        except SigningPassphraseNeeded as needed:
            identity = _typed_identity(lambda typed: signing_identity(db, passphrase=typed), needed)
    except CareplanError as exc:
        code = _signing_failure(exc)
        if code is None:
            raise
        return code

    # Someone outside the caseload: covering for a colleague with --covering (recorded first).

    issued = covering_if_needed(
        args,
        lambda: issue_signed_agreement(
            db,
            actor,
            chosen.version_id,
            easy_read=args.easy_read,
            identity=identity,
            timestamp_url=args.timestamp_url,
        ),
        lambda whom, why, hours: cover_for_colleague(db, actor, whom, why, hours=hours),
    )
    out = chosen_files.output_path(args.out, chosen_files.protected_files(db), what=what)
    try:
        save_agreement(db, actor, issued, out)
    except OSError as exc:
        raise InvalidInput(
            f"The agreement could not be written to {out} ({why_not_written(exc)}). Nothing was written.",
            "out",
        ) from None
    kind = "easy-read agreement" if args.easy_read else "agreement"
    print(
        f"Signed {kind} for version {chosen.version_number} of plan {chosen.plan_id} written to {out} "
        f"(document {issued.document_id}, signed by {identity.organisation})."
    )
    return 0


# --- verify -----------------------------------------------------------------------------------


def verify(args: argparse.Namespace) -> int:
    path = Path(os.path.expanduser(args.file))
    try:
        data = read_agreement_file(path)
    except UnreadableFile as exc:
        return _fail(exc.message, EXIT_CHANGED)

    db = open_for_cli(args.database, create=False)
    result = check_agreement(db, data)
    print(f"Checking {path.name}")
    if result.document_id:
        print(f"Document {result.document_id}")
    for line in result.lines:
        print(line)
    if result.ok:
        print(result.summary)
    else:
        print(f"careplan: {result.summary}", file=sys.stderr)
    return result.exit_code


# --- certificate ------------------------------------------------------------------------------


def _passphrase(*, confirm: bool) -> str:
    given = os.environ.get(ENV_PASSPHRASE)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise InvalidInput(
            f"Type the passphrase at a terminal, or give it in the {ENV_PASSPHRASE} environment variable.",
            "passphrase",
        )

    first = getpass.getpass("Passphrase for the signing certificate: ")
    if confirm and getpass.getpass("The same passphrase again: ") != first:
        raise InvalidInput("The two passphrases were not the same. Nothing was changed.", "passphrase")
    return first


def certificate(args: argparse.Namespace) -> int:
    db = open_for_cli(args.database, create=False)
    command = args.certificate_command
    if command == "show":
        return _show(certs.certificate_info(db), timestamp_server.configured_timestamp_url(db))
    actor = acting_staff(db, args)
    try:
        if command == "create":
            info = certs.create_self_signed(
                db,
                actor,
                args.organisation,
                _passphrase(confirm=True),
                replace=args.replace,
                key_kind=args.key,
            )
            print(f"Made a new signing certificate for {info.organisation}.")
        elif command == "import":
            data = read_chosen(
                args.file, kind="a certificate file (.p12 or .pfx)", limit=certs.MAX_PKCS12_BYTES
            )
            info = certs.import_pkcs12(db, actor, data, _passphrase(confirm=False), replace=args.replace)
            print(f"The certificate for {info.organisation} now signs this service's agreements.")
        elif command == "remember-passphrase":
            info = certs.remember_passphrase(db, actor, _passphrase(confirm=False))
            print("The passphrase is now in this computer's keyring: agreements can be signed here.")
        else:  # timestamp-server
            timestamp_server.set_timestamp_url(db, actor, None if args.none else args.url)
            print(
                "Agreements will be signed without a timestamp server."
                if args.none
                else f"Agreements will be timestamped by {args.url}."
            )
            return 0
    except certs.CertificateExists as exc:
        return _fail(f"{exc.message} To replace it, add --replace.", 2)
    except CareplanError as exc:
        code = _signing_failure(exc)
        if code is None:
            raise
        return code

    print(f"Fingerprint (SHA-256): {_grouped(info.fingerprint)}")
    print(f"Valid until {long_date(info.not_after)}.")
    print("The passphrase is kept in this computer's keyring." if has_keyring() else certs.NEEDS_PASSPHRASE)
    return 0


def _grouped(hex_digits: str) -> str:
    return ":".join(hex_digits[i : i + 2] for i in range(0, len(hex_digits), 2)).upper()


def _show(info: Any, timestamp_url: str | None) -> int:
    if info is None:
        return _fail(
            "This service has no signing certificate yet. Run: careplan certificate create "
            "--organisation NAME (or: careplan certificate import FILE.p12).",
            EXIT_NO_CERTIFICATE,
        )
    print(f"Signs as:     {info.organisation} ({info.source})")
    print(f"Fingerprint:  {_grouped(info.fingerprint)}")
    print(f"Valid:        {long_date(info.not_before)} to {long_date(info.not_after)}")
    print(f"Timestamps:   {timestamp_url or 'none (PAdES B-B)'}")
    for earlier in info.earlier:
        print(
            f"Still trusted for what it signed: {earlier.organisation}, replaced on "
            f"{long_date(earlier.replaced_at)} ({_grouped(earlier.fingerprint)[:23]}…)"
        )
    return 0
