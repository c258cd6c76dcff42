"""The service's signing certificate, the keyring that keeps its passphrase, and the record lookups
verification and printing need."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterator

import keyring
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from keyring.backends import fail, null
from sqlalchemy import select

from careplan.domain.enums import PlanStatus, Role
from careplan.domain.errors import CareplanError, InvalidInput, InvalidTransition, NotFound, PermissionDenied
from careplan.domain.records import AuditEvent, Setting
from careplan.services import certificate_record, secrets, timestamp_server, verification
from careplan.services import signing_certificate as certs
from careplan.services.plans import revise_plan
from careplan.services.verification import VersionMatch, agreement_version, find_plan_version_by_sha256
from careplan.storage import Database
from tests import refusals, stored, worlds
from tests.database_copies import world_fixtures
from tests.keyring_memory import HangingKeyring, LockedKeyring, MemoryKeyring, installed
from tests.worlds import World

PASSPHRASE = "correct horse battery staple"
ORGANISATION = "Harbour Recovery Service"
QUICK_TIMEOUT = 0.05
"""Seconds: how long a test waits for a keyring that never answers."""


def make_world(db: Database) -> World:
    """Dee's plan: version 1 approved and active, version 2 signed but not approved yet; and
    Marek's plan, still a draft."""
    world = worlds.build_world(db, stage=PlanStatus.ACTIVE)
    second = revise_plan(db, world.team.key_worker, world.version_id)
    worlds.sign_both(db, world.team.key_worker, second)
    return world.with_person("Marek").with_plan("Marek")


template, sqlite_template, world, quick = world_fixtures(make_world)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


def stored_setting(db: Database) -> dict[str, object] | None:
    with db.session() as session:
        setting = session.get(Setting, certificate_record.SETTING_KEY)
        return dict(setting.value) if setting is not None else None


def create(w: World, *, replace: bool = False, organisation: str = ORGANISATION) -> certs.CertificateInfo:
    return certs.create_self_signed(
        w.db, w.team.manager, organisation, PASSPHRASE, replace=replace, key_kind="ec-p256"
    )


def pkcs12_file(
    *,
    passphrase: bytes = b"file passphrase",
    days: tuple[int, int] = (-1, 365),
    with_key: bool = True,
    key_usage: str = "signing",
) -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Imported Service Ltd")])
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now + dt.timedelta(days=days[0]))
        .not_valid_after(now + dt.timedelta(days=days[1]))
    )
    signing = key_usage == "signing"
    builder = builder.add_extension(
        x509.KeyUsage(
            digital_signature=signing,
            content_commitment=signing,
            key_encipherment=not signing,
            data_encipherment=False,
            key_agreement=False,
            key_cert_sign=False,
            crl_sign=False,
            encipher_only=False,
            decipher_only=False,
        ),
        critical=True,
    )
    certificate = builder.sign(key, hashes.SHA256())
    return pkcs12.serialize_key_and_certificates(
        b"imported",
        key if with_key else None,
        certificate,
        None,
        serialization.BestAvailableEncryption(passphrase),
    )


# --- creating a certificate -----------------------------------------------------------------------


def test_create_stores_the_key_encrypted_and_the_passphrase_only_in_the_keyring(
    world: World, memory_keyring: MemoryKeyring
) -> None:
    info = create(world)
    setting = stored_setting(world.db)
    assert setting is not None
    assert setting["fingerprint"] == info.fingerprint
    blob = base64.b64decode(str(setting["pkcs12"]))
    with pytest.raises(ValueError, match=r"(?i)password"):
        pkcs12.load_key_and_certificates(blob, None)
    with pytest.raises(ValueError, match=r"(?i)password"):
        pkcs12.load_key_and_certificates(blob, b"a wrong passphrase")
    key, certificate, _ = pkcs12.load_key_and_certificates(blob, PASSPHRASE.encode())
    assert key is not None
    assert certificate is not None
    assert certificate_record.fingerprint(certificate) == info.fingerprint
    # The passphrase is in the keyring under the certificate's fingerprint, and nowhere in the database.
    assert memory_keyring.secrets == {("careplan", f"signing-key:{info.fingerprint}"): PASSPHRASE}
    everything = repr(stored.rows_as_text(world.db))
    assert PASSPHRASE not in everything
    assert "PRIVATE KEY" not in everything


def test_the_certificate_is_self_signed_for_signing_and_valid_for_five_years(
    quick: World, memory_keyring: MemoryKeyring
) -> None:
    info = certs.create_self_signed(quick.db, quick.team.administrator, f"  {ORGANISATION}  ", PASSPHRASE)
    certificate = verification.trusted_certificate(quick.db)
    assert certificate is not None
    assert certificate.subject == certificate.issuer
    assert certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == ORGANISATION
    public = certificate.public_key()
    assert isinstance(public, rsa.RSAPublicKey)
    assert public.key_size == 3072
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature
    assert usage.value.content_commitment  # nonRepudiation
    assert not usage.value.key_encipherment
    lifetime = certificate.not_valid_after_utc - certificate.not_valid_before_utc
    assert dt.timedelta(days=5 * 365) <= lifetime <= dt.timedelta(days=5 * 366)
    assert info.organisation == ORGANISATION
    assert info.source == "self-signed"
    assert info.earlier == ()


def test_an_elliptic_curve_key_can_be_chosen(quick: World, memory_keyring: MemoryKeyring) -> None:
    create(quick)
    certificate = verification.trusted_certificate(quick.db)
    assert certificate is not None
    public = certificate.public_key()
    assert isinstance(public, ec.EllipticCurvePublicKey)
    assert public.curve.name == "secp256r1"


def test_creating_writes_an_audit_event_without_secrets(quick: World, memory_keyring: MemoryKeyring) -> None:
    before = stored.audit_count(quick.db)
    info = create(quick)
    with quick.db.session() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()[before:]
    assert [(e.action, e.entity) for e in events] == [("create", "signing_certificate")]
    text = repr([(e.action, e.entity, e.fields) for e in events])
    assert PASSPHRASE not in text
    assert info.fingerprint not in text


@pytest.mark.parametrize("role", [Role.KEY_WORKER, Role.PEER_MENTOR])
def test_only_managers_and_administrators_manage_the_certificate(
    quick: World, memory_keyring: MemoryKeyring, role: Role
) -> None:
    actor = quick.team.as_role(role)
    with refusals.refused(quick.db, PermissionDenied, "cannot manage signing certificate"):
        certs.create_self_signed(quick.db, actor, ORGANISATION, PASSPHRASE, key_kind="ec-p256")
    with refusals.refused(quick.db, PermissionDenied, "cannot manage signing certificate"):
        certs.import_pkcs12(quick.db, actor, pkcs12_file(), "file passphrase")
    assert memory_keyring.secrets == {}


@pytest.mark.parametrize(
    ("organisation", "passphrase", "phrase"),
    [
        ("   ", PASSPHRASE, "give the name"),
        ("x" * 65, PASSPHRASE, "too long"),
        (ORGANISATION, "short", "at least 12 characters"),
    ],
)
def test_bad_names_and_short_passphrases_are_refused(
    quick: World, memory_keyring: MemoryKeyring, organisation: str, passphrase: str, phrase: str
) -> None:
    with refusals.refused(quick.db, InvalidInput, phrase):
        certs.create_self_signed(quick.db, quick.team.manager, organisation, passphrase, key_kind="ec-p256")
    assert memory_keyring.secrets == {}


def test_without_a_keyring_the_passphrase_is_kept_nowhere_and_typed_to_sign(quick: World) -> None:
    """Fail closed on a computer with no keyring: the key is stored encrypted, the passphrase
    nowhere, and nothing signs until the right passphrase is typed."""
    with installed(fail.Keyring()):
        assert not secrets.has_keyring()
        info = create(quick)
        rows = stored.rows_as_text(quick.db)
        assert not any(PASSPHRASE in row for table in rows.values() for row in table)
        assert "signing_certificate" in str(rows["settings"])  # the key is there, encrypted

        with pytest.raises(certs.SigningPassphraseNeeded) as needed:
            certs.signing_identity(quick.db)
        assert needed.value.message == certs.NEEDS_PASSPHRASE
        assert needed.value.message == (
            "There is no keyring on this computer, so the signing certificate's passphrase is "
            "needed each time agreements are signed."
        )
        assert isinstance(needed.value, certs.SigningPassphraseUnavailable)  # exit 9, "not signed"
        for wrong in ("not the passphrase", PASSPHRASE.upper(), " " + PASSPHRASE):
            with refusals.refused(quick.db, certs.WrongSigningPassphrase, "does not open"):
                certs.signing_identity(quick.db, passphrase=wrong)
        with refusals.refused(quick.db, InvalidInput, "give the passphrase"):
            certs.signing_identity(quick.db, passphrase="")
        assert certs.signing_identity(quick.db, passphrase=PASSPHRASE).fingerprint == info.fingerprint
        # Nothing to keep it in: said in one sentence, and nothing is changed.
        with refusals.refused(quick.db, secrets.KeyringUnavailable, "no keyring on this computer") as none:
            certs.remember_passphrase(quick.db, quick.team.manager, PASSPHRASE)
        assert none.value.reason == "missing"
        assert_one_sentence(none.value.message)
        # It still needs typing afterwards: nothing was kept anywhere on the way.
        with pytest.raises(certs.SigningPassphraseNeeded):
            certs.signing_identity(quick.db)


@pytest.mark.parametrize("backend", [LockedKeyring, HangingKeyring], ids=["locked", "hanging"])
def test_a_keyring_that_is_there_but_cannot_keep_it_stores_nothing_at_all(
    quick: World, backend: type[keyring.backend.KeyringBackend]
) -> None:
    with (
        installed(backend()) as there,
        refusals.refused(quick.db, secrets.KeyringUnavailable, "keyring") as info,
    ):
        assert secrets.has_keyring()
        certs.create_self_signed(
            quick.db, quick.team.manager, ORGANISATION, PASSPHRASE, key_kind="ec-p256", keyring_timeout=0.05
        )
    assert info.value.reason in ("locked", "timeout")
    assert_one_sentence(info.value.message)
    if isinstance(there, HangingKeyring):
        there.release()


def assert_one_sentence(message: str) -> None:
    """One plain sentence: a capital, one full stop at the very end, and no doubled stops."""
    assert message[:1].isupper(), message
    assert message.endswith("."), message
    assert ".." not in message, message
    assert message.count(". ") == 0, message


def test_a_keyring_that_drops_secrets_is_not_trusted(quick: World) -> None:
    """keyring's null backend keeps nothing: it counts as no keyring, so the passphrase is typed."""
    with installed(null.Keyring()):
        with pytest.raises(secrets.KeyringUnavailable, match="did not keep it"):
            secrets.set_secret("x", "y")
        info = create(quick)
        with pytest.raises(certs.SigningPassphraseNeeded):
            certs.signing_identity(quick.db)
        assert certs.signing_identity(quick.db, passphrase=PASSPHRASE).fingerprint == info.fingerprint


# --- replacing -------------------------------------------------------------------------------------


def test_replacing_must_be_asked_for_and_keeps_the_old_one_trusted(
    world: World, memory_keyring: MemoryKeyring
) -> None:
    first = create(world)
    with refusals.refused(world.db, certs.CertificateExists, "already has a signing certificate"):
        create(world, organisation="Someone Else")
    with refusals.refused(world.db, certs.CertificateExists, "already has a signing certificate"):
        certs.import_pkcs12(world.db, world.team.manager, pkcs12_file(), "file passphrase")

    second = create(world, replace=True, organisation="Harbour Recovery Service (2031)")
    assert second.fingerprint != first.fingerprint
    assert [e.fingerprint for e in second.earlier] == [first.fingerprint]
    assert second.earlier[0].organisation == ORGANISATION
    trust = verification.trusted_certificates(world.db)
    assert [certificate_record.fingerprint(c) for c in trust.current] == [second.fingerprint]
    assert [certificate_record.fingerprint(c) for c in trust.earlier] == [first.fingerprint]
    # Only the new key is kept; the old passphrase is no longer needed.
    assert set(memory_keyring.secrets) == {("careplan", f"signing-key:{second.fingerprint}")}
    assert certs.signing_identity(world.db).fingerprint == second.fingerprint

    third = certs.import_pkcs12(world.db, world.team.manager, pkcs12_file(), "file passphrase", replace=True)
    assert [e.fingerprint for e in third.earlier] == [second.fingerprint, first.fingerprint]
    with world.db.session() as session:
        actions = session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.entity == "signing_certificate")
            .order_by(AuditEvent.id)
        ).all()
    assert actions == ["create", "replace", "replace"]


# --- importing ------------------------------------------------------------------------------------


def test_importing_a_pkcs12_file(quick: World, memory_keyring: MemoryKeyring) -> None:
    info = certs.import_pkcs12(quick.db, quick.team.administrator, pkcs12_file(), "file passphrase")
    assert info.organisation == "Imported Service Ltd"
    assert info.source == "imported"
    identity = certs.signing_identity(quick.db)
    assert identity.fingerprint == info.fingerprint
    assert memory_keyring.secrets[("careplan", f"signing-key:{info.fingerprint}")] == "file passphrase"


@pytest.mark.parametrize(
    ("data", "passphrase", "phrase"),
    [
        (lambda: pkcs12_file(), "not the passphrase", "That passphrase does not open the certificate file"),
        (lambda: pkcs12_file(), "", "give the passphrase"),
        (lambda: b"this is not a certificate file", "file passphrase", "could not be read as a certificate"),
        (lambda: pkcs12_file(with_key=False), "file passphrase", "no private key"),
        (lambda: pkcs12_file(days=(-400, -1)), "file passphrase", "ran out on"),
        (lambda: pkcs12_file(days=(3, 400)), "file passphrase", "only becomes valid"),
        (lambda: pkcs12_file(key_usage="encryption"), "file passphrase", "not meant for signing"),
    ],
    ids=[
        "wrong passphrase",
        "no passphrase",
        "not pkcs12",
        "no key",
        "expired",
        "not yet valid",
        "key usage",
    ],
)
def test_unusable_certificate_files_are_refused_plainly(
    quick: World, memory_keyring: MemoryKeyring, data: object, passphrase: str, phrase: str
) -> None:
    content = data()  # type: ignore[operator]
    with refusals.refused(quick.db, InvalidInput, phrase):
        certs.import_pkcs12(quick.db, quick.team.manager, content, passphrase)
    assert memory_keyring.secrets == {}


# --- signing_identity: the keyring must give the passphrase ---------------------------------------


def test_signing_identity_opens_the_key_with_the_passphrase_from_the_keyring(
    quick: World, memory_keyring: MemoryKeyring
) -> None:
    info = create(quick)
    identity = certs.signing_identity(quick.db)
    assert identity.fingerprint == info.fingerprint
    assert identity.organisation == ORGANISATION
    assert identity.chain == ()
    assert "private_key" not in repr(identity)
    message = b"an agreement"
    key = identity.private_key
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    key.public_key().verify(key.sign(message, ec.ECDSA(hashes.SHA256())), message, ec.ECDSA(hashes.SHA256()))


def test_no_certificate_yet(quick: World, memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(certs.NoSigningCertificate) as info:
        certs.signing_identity(quick.db)
    refusals.assert_plain(info.value.message)
    assert "no signing certificate yet" in info.value.message
    assert verification.trusted_certificate(quick.db) is None
    assert verification.trusted_certificates(quick.db) == verification.Trust((), ())
    assert certs.certificate_info(quick.db) is None


@pytest.mark.parametrize(
    ("backend", "reason", "why"),
    [
        (LockedKeyring, "locked", "this computer's keyring is locked (unlock it"),
        (HangingKeyring, "timeout", "this computer's keyring did not answer within 0.05 seconds"),
    ],
    ids=["locked", "hanging"],
)
def test_an_unavailable_keyring_means_nothing_is_signed(
    quick: World,
    memory_keyring: MemoryKeyring,
    backend: type[keyring.backend.KeyringBackend],
    reason: str,
    why: str,
) -> None:
    create(quick)
    with installed(backend()) as unavailable, pytest.raises(certs.SigningPassphraseUnavailable) as info:
        certs.signing_identity(quick.db, keyring_timeout=QUICK_TIMEOUT)
    assert info.value.reason == reason
    assert info.value.message.startswith(f"Nothing was signed because {why}")
    assert not isinstance(info.value, certs.SigningPassphraseNeeded)  # unlock it: no typing instead
    assert_one_sentence(info.value.message)
    refusals.assert_plain(info.value.message)
    if isinstance(unavailable, HangingKeyring):
        assert unavailable.calls == 1  # it was asked, and not waited for


def test_a_keyring_without_the_passphrase_names_the_way_out(
    quick: World, memory_keyring: MemoryKeyring
) -> None:
    create(quick)
    with installed(MemoryKeyring()), pytest.raises(certs.SigningPassphraseUnavailable) as info:
        certs.signing_identity(quick.db)
    assert info.value.reason == "not-stored"
    assert "not in this computer's keyring" in info.value.message
    assert_one_sentence(info.value.message)


def test_a_wrong_passphrase_in_the_keyring_is_refused(quick: World, memory_keyring: MemoryKeyring) -> None:
    info = create(quick)
    memory_keyring.secrets[("careplan", f"signing-key:{info.fingerprint}")] = "something else entirely"
    with pytest.raises(certs.SigningPassphraseUnavailable) as refused:
        certs.signing_identity(quick.db)
    assert refused.value.reason == "wrong"
    assert_one_sentence(refused.value.message)


def test_an_expired_certificate_signs_nothing(quick: World, memory_keyring: MemoryKeyring) -> None:
    create(quick)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=5 * 366)
    with pytest.raises(certs.CertificateExpired) as info:
        certs.signing_identity(quick.db, now=later)
    assert "ran out on" in info.value.message


def test_another_computer_remembers_the_passphrase_once(quick: World, memory_keyring: MemoryKeyring) -> None:
    info = create(quick)
    with installed(MemoryKeyring()) as second_computer:
        with pytest.raises(certs.SigningPassphraseUnavailable):
            certs.signing_identity(quick.db)
        with refusals.refused(quick.db, InvalidInput, "does not open"):
            certs.remember_passphrase(quick.db, quick.team.manager, "not the passphrase")
        with refusals.refused(quick.db, PermissionDenied, "cannot"):
            certs.remember_passphrase(quick.db, quick.team.key_worker, PASSPHRASE)
        assert isinstance(second_computer, MemoryKeyring)
        assert second_computer.secrets == {}
        certs.remember_passphrase(quick.db, quick.team.manager, PASSPHRASE)
        assert certs.signing_identity(quick.db).fingerprint == info.fingerprint


# --- the keyring door itself ------------------------------------------------------------------------


def test_secrets_round_trip(memory_keyring: MemoryKeyring) -> None:
    assert secrets.get_secret("thing") is None
    secrets.set_secret("thing", "value")
    assert memory_keyring.secrets == {("careplan", "thing"): "value"}
    assert secrets.get_secret("thing") == "value"
    assert secrets.delete_secret("thing") is True
    assert secrets.delete_secret("thing") is False
    assert secrets.get_secret("thing") is None


@pytest.mark.parametrize("operation", ["get", "set", "delete"])
def test_a_hanging_keyring_times_out_on_every_call(operation: str) -> None:
    calls = {
        "get": lambda: secrets.get_secret("x", timeout=QUICK_TIMEOUT),
        "set": lambda: secrets.set_secret("x", "y", timeout=QUICK_TIMEOUT),
        "delete": lambda: secrets.delete_secret("x", timeout=QUICK_TIMEOUT),
    }
    with installed(HangingKeyring()), pytest.raises(secrets.KeyringUnavailable) as info:
        calls[operation]()
    assert info.value.reason == "timeout"
    assert "did not answer within 0.05 seconds" in info.value.message
    assert_one_sentence(info.value.message)


@pytest.mark.parametrize(
    ("backend", "reason"),
    [(fail.Keyring, "missing"), (LockedKeyring, "locked"), (null.Keyring, "refused")],
    ids=["none", "locked", "drops-secrets"],
)
def test_every_keyring_refusal_is_one_plain_sentence(
    backend: type[keyring.backend.KeyringBackend], reason: str
) -> None:
    with installed(backend()), pytest.raises(secrets.KeyringUnavailable) as info:
        secrets.set_secret("x", "y")
    assert info.value.reason == reason
    assert_one_sentence(info.value.message)
    assert info.value.why == info.value.message[0].lower() + info.value.message[1:-1]


def test_only_a_computer_without_any_keyring_has_none(memory_keyring: MemoryKeyring) -> None:
    assert secrets.has_keyring()
    for backend in (LockedKeyring(), HangingKeyring()):
        with installed(backend):
            assert secrets.has_keyring(), "a locked or slow keyring is still a keyring"
    for nothing in (fail.Keyring(), null.Keyring()):
        with installed(nothing):
            assert not secrets.has_keyring()


def test_the_default_timeout_is_a_few_seconds() -> None:
    assert 1 <= secrets.DEFAULT_TIMEOUT <= 10


# --- the record lookups -------------------------------------------------------------------------------


def test_a_fingerprint_finds_its_version_and_nothing_personal(world: World) -> None:
    sha = worlds.version_sha256(world.db, world.version_id)
    match = find_plan_version_by_sha256(world.db, sha)
    with world.db.session() as session:
        from careplan.domain.records import Plan

        plan = session.get(Plan, world.plan_id)
        assert plan is not None
        key = plan.key
    assert match == VersionMatch(
        plan_key=key,
        plan_id=world.plan_id,
        version_id=world.version_id,
        version_number=1,
        status=PlanStatus.ACTIVE,
        approved=True,
    )
    assert worlds.CANARY not in repr(match)
    assert find_plan_version_by_sha256(world.db, sha.upper()) == match


def test_fingerprints_that_match_nothing(world: World) -> None:
    assert find_plan_version_by_sha256(world.db, "0" * 64) is None
    assert find_plan_version_by_sha256(world.db, "not a fingerprint") is None
    # A draft has no signed fingerprint, even though its content has one.
    draft_sha = worlds.version_sha256(world.db, world.plans["Marek"].version_id)
    assert find_plan_version_by_sha256(world.db, draft_sha) is None


def test_the_agreement_to_print_is_the_active_version_by_default(quick: World) -> None:
    chosen = agreement_version(quick.db, quick.team.manager, quick.plan_id)
    assert chosen.version_id == quick.version_id
    assert chosen.version_number == 1
    assert agreement_version(quick.db, quick.team.manager, quick.plan_id, 1) == chosen


@pytest.mark.parametrize(
    ("number", "kind", "phrase"),
    [
        (2, InvalidTransition, "only an approved version can be printed"),
        (3, NotFound, "has no version 3"),
        (0, InvalidInput, "start at 1"),
    ],
)
def test_versions_that_cannot_be_printed(
    quick: World, number: int, kind: type[CareplanError], phrase: str
) -> None:
    with refusals.refused(quick.db, kind, phrase):
        agreement_version(quick.db, quick.team.manager, quick.plan_id, number)


def test_a_plan_with_no_approved_version_has_no_agreement(quick: World) -> None:
    with refusals.refused(quick.db, InvalidTransition, "no approved version yet"):
        agreement_version(quick.db, quick.team.manager, quick.plans["Marek"].plan_id)
    with refusals.refused(quick.db, NotFound, "There is no plan 999"):
        agreement_version(quick.db, quick.team.manager, 999)


def test_only_managers_print_agreements(quick: World) -> None:
    for actor in (quick.team.key_worker, quick.team.peer_mentor, quick.team.administrator):
        with refusals.refused(quick.db, PermissionDenied, "cannot print agreement"):
            agreement_version(quick.db, actor, quick.plan_id)


# --- the timestamp server ---------------------------------------------------------------------------


def test_the_timestamp_server_is_a_setting(quick: World) -> None:
    assert timestamp_server.configured_timestamp_url(quick.db) is None
    timestamp_server.set_timestamp_url(quick.db, quick.team.manager, " https://tsa.example.org/tsr ")
    assert timestamp_server.configured_timestamp_url(quick.db) == "https://tsa.example.org/tsr"
    timestamp_server.set_timestamp_url(quick.db, quick.team.manager, None)
    assert timestamp_server.configured_timestamp_url(quick.db) is None
    with refusals.refused(quick.db, InvalidInput, "not the address of a timestamp server"):
        timestamp_server.set_timestamp_url(quick.db, quick.team.manager, "ftp://tsa.example.org")
    with refusals.refused(quick.db, PermissionDenied, "cannot"):
        timestamp_server.set_timestamp_url(quick.db, quick.team.key_worker, "https://tsa.example.org")
