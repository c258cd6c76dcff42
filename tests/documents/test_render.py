"""The agreement PDFs (careplan.documents.render), read back with poppler's command-line tools.

pdftotext, pdfinfo and pdffonts come from Debian's ``poppler-utils`` (installed by ``.ci/run``).
Without them these tests are skipped, except in CI, where that is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from careplan.documents import (
    KEYWORD_AUDIT,
    KEYWORD_DOCUMENT,
    KEYWORD_PLAN,
    KEYWORD_SHA256,
    KEYWORD_VERSION,
    SUBJECT,
    parse_keywords,
)
from careplan.documents.layout_flowables import SignatureDrawing
from careplan.documents.pictures import FALLBACK, PICTURES, picture
from careplan.documents.render import STAMP_BOX, render_agreement
from careplan.documents.render_shared import verification_payload
from careplan.domain.enums import PlanStatus, SignatureMethod
from careplan.domain.life_areas import DEFAULT_LIFE_AREAS
from careplan.domain.wording.dates import uk_date
from careplan.services.agreement import load_agreement
from careplan.services.agreement_contents import Agreement, AgreementGoal, Budget, BudgetLine, Words
from careplan.storage import Database, open_database
from tests.documents import (
    CONSENT_WHAT,
    GOAL_FAMILY,
    GOAL_FLAT,
    GOAL_HEALTH,
    NOTE_BUS,
    NOTE_FLAT,
    NOTE_GROUP,
    STEP_GROUP,
    TOTAL,
    build_print_world,
)

TOOLS = ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm")


@pytest.fixture(autouse=True, scope="module")
def _poppler() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"poppler-utils is not installed ({', '.join(missing)} missing)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def run(*args: str | Path) -> str:
    done = subprocess.run([str(a) for a in args], capture_output=True, check=True, timeout=60)
    return done.stdout.decode("utf-8")


def pdf_text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return run("pdftotext", "-enc", "UTF-8", *pages, path, "-")


def flat(text: str) -> str:
    """Words joined by single spaces, whatever the line breaks."""
    return " ".join(text.split())


def pdf_info(path: Path) -> dict[str, str]:
    info = {}
    for line in run("pdfinfo", "-enc", "UTF-8", path).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def word_boxes(path: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(word, x1, y1, x2, y2) with PDF's upward y, for one page."""
    html = run("pdftotext", "-enc", "UTF-8", "-bbox", "-f", str(page), "-l", str(page), path, "-")
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', html).group(1))  # type: ignore[union-attr]
    words = []
    for m in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html
    ):
        x1, top, x2, bottom = (float(m.group(i)) for i in range(1, 5))
        words.append((m.group(5), x1, height - bottom, x2, height - top))
    return words


def write(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


# --- the world: Dee's approved plan, printed once for the module ----------------------------


@pytest.fixture(scope="module")
def dee(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Agreement]:
    db = open_database(tmp_path_factory.mktemp("dee") / "careplan.db")
    try:
        world = build_print_world(db)
        yield load_agreement(db, world.team.manager, world.version_id)
    finally:
        db.dispose()


@pytest.fixture(scope="module")
def full_pdf(dee: Agreement, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("full"), "agreement.pdf", render_agreement(dee, invariant=True))


@pytest.fixture(scope="module")
def easy_pdf(dee: Agreement, tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = render_agreement(dee, easy_read=True, invariant=True)
    return write(tmp_path_factory.mktemp("easy"), "easy-read.pdf", data)


@pytest.fixture(params=["full", "easy"])
def either_pdf(request: pytest.FixtureRequest, full_pdf: Path, easy_pdf: Path) -> Path:
    return full_pdf if request.param == "full" else easy_pdf


# --- the full agreement ---------------------------------------------------------------------


def test_the_full_agreement_shows_the_plan_with_its_authors(full_pdf: Path, dee: Agreement) -> None:
    text = flat(pdf_text(full_pdf))
    for expected in (
        "Care plan agreement",
        "Who this plan is for",
        "Sam Keyworker",
        "Careplan drug and alcohol service",
        "6 January 2025 to 5 January 2026",
        "About me",
        "To stop being a case. To be me again. — Dee's words",
        "Her sister visits most weeks and helps with forms. — Sam Keyworker, key worker",
        "Methadone: oral, daily, 60 ml",
        "My goals and steps",
        f"{GOAL_FAMILY} — Dee's words",
        f"{GOAL_FLAT} — Dee's words",
        f"{GOAL_HEALTH} — Sam Keyworker, key worker",
        f"{STEP_GROUP} — Sam Keyworker, key worker",
        "Fill in the housing form with my sister — Dee's words",
        f"Not agreed {NOTE_GROUP} — Dee's words",
        f"Not agreed {NOTE_FLAT} — Sam Keyworker, key worker",
        f"Not agreed {NOTE_BUS} — Dee's words",
        "Services and budget",
        "Peer mentoring",
        "20 sessions £25.00 £500.00",
        "1 course £285.00 £285.00",
        "16 weeks £11.00 £176.00",
        f"Total for services {TOTAL}",
        "Indicative budget (from the questionnaire) £1,250.00",
        "Agreed budget £1,000.00",
        f"Allocated to services {TOTAL}",
        "Left to spend £39.00",
        "Your answers came to 25 points × £50.00 = £1,250.00.",
        "Reviews",
        "Early review",
        "What I agreed to share",
        f"{CONSENT_WHAT} with my GP",
        "Signatures",
        "The person this plan is for",
        "Approval",
        "Priya Manager (manager) approved this plan",
        "Checking this agreement",
        dee.document_id,
        "careplan verify FILE.pdf",
    ):
        assert expected in text, expected
    assert "My housing history" not in text  # that consent was withdrawn
    assert "Signed by typing their name" not in text  # both signatures were drawn
    assert dee.plan_key not in text  # no database keys in the text
    assert dee.sha256 in "".join(text.split()), "the SHA-256 is printed (wrapped over lines)"
    for review in dee.reviews:
        assert uk_date(review.due) in text


def test_metadata_follows_the_contract(either_pdf: Path, dee: Agreement) -> None:
    info = pdf_info(either_pdf)
    assert dee.audit_anchor is not None
    assert info["Subject"] == SUBJECT
    assert info["Title"] == f"Careplan agreement {dee.document_id}"
    assert info["Author"] == "Careplan drug and alcohol service"
    assert info["Creator"] == "Careplan"
    assert info["Page size"].endswith("(A4)")
    assert parse_keywords(info["Keywords"]) == {
        KEYWORD_DOCUMENT: dee.document_id,
        KEYWORD_PLAN: dee.plan_key,
        KEYWORD_VERSION: "1",
        KEYWORD_SHA256: dee.sha256,
        KEYWORD_AUDIT: f"{dee.audit_anchor.seq}-{dee.audit_anchor.hash}",  # the trail's head when made
    }


@pytest.mark.parametrize("easy_read", [False, True], ids=["full", "easy"])
def test_no_personal_details_in_the_metadata_even_once_signed(
    sqlite_db: Database, tmp_path: Path, easy_read: bool
) -> None:
    """The Title shows in viewers' title bars and print queues, the rest in any file's properties:
    none of it names the person (preferred or full name, reference, date of birth) or the staff."""
    from careplan.documents.sign import sign_pdf
    from careplan.services.workspace import load_person
    from tests.documents.test_sign_verify import identity_for

    world = build_print_world(sqlite_db, preferred_name="Zoë Ó Briain")
    agreement = load_agreement(sqlite_db, world.team.manager, world.version_id)
    person = load_person(sqlite_db, world.team.manager, world.person_id)
    signed = sign_pdf(
        render_agreement(agreement, easy_read=easy_read), identity_for("Harbour Recovery Service")
    )
    path = write(tmp_path, "signed.pdf", signed)

    info = pdf_info(path)
    assert info["Title"] == f"Careplan agreement {agreement.document_id}"
    metadata = " ".join(
        info[field]
        for field in ("Title", "Subject", "Keywords", "Author", "Creator", "Producer")
        if field in info
    )
    metadata += " " + run("pdfinfo", "-meta", path)  # the XMP packet (pyHanko writes one)
    personal = {
        person.preferred_name,
        *person.preferred_name.split(),
        person.full_name,
        "Quillbramble",  # the canary in the full name (tests/worlds.py)
        person.reference,
        "1990",  # the year of birth
        agreement.key_worker or "Sam",
        agreement.approval.name,
        *(mark.name for mark in agreement.signatures),
    }
    for detail in personal:
        assert detail not in metadata, detail
    assert agreement.person_name in flat(pdf_text(path))  # on the paper itself, where it belongs


def test_every_page_says_which_page_of_how_many(either_pdf: Path, dee: Agreement) -> None:
    pages = int(pdf_info(either_pdf)["Pages"])
    assert pages >= 2
    for page in range(1, pages + 1):
        text = flat(pdf_text(either_pdf, page))
        assert f"Page {page} of {pages} · Document {dee.document_id}" in text
        assert "Careplan drug and alcohol service" in text  # the running header


def test_only_the_shipped_fonts_are_used_and_all_are_embedded(either_pdf: Path) -> None:
    rows = run("pdffonts", either_pdf).splitlines()[2:]
    fonts = {row.split()[0].split("+")[-1]: row.split()[-5] for row in rows}
    assert {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"} <= set(fonts)
    assert all(name.startswith("DejaVuSans") for name in fonts), fonts
    assert set(fonts.values()) == {"yes"}, fonts


def test_the_last_page_keeps_room_for_the_signing_stamp(either_pdf: Path) -> None:
    last = int(pdf_info(either_pdf)["Pages"])
    x1, y1, x2, y2 = STAMP_BOX
    inside = [w for w in word_boxes(either_pdf, last) if w[1] < x2 and w[3] > x1 and w[2] < y2 and w[4] > y1]
    assert inside == []
    assert any(word == "Page" for word, *_ in word_boxes(either_pdf, last))  # the reader works


def test_invariant_renders_are_byte_for_byte_the_same(dee: Agreement) -> None:
    for easy in (False, True):
        assert render_agreement(dee, easy_read=easy, invariant=True) == render_agreement(
            dee, easy_read=easy, invariant=True
        )
    assert render_agreement(dee, invariant=True) != render_agreement(dee, easy_read=True, invariant=True)


def test_the_qr_code_holds_the_verification_code(dee: Agreement) -> None:
    assert verification_payload(dee) == f"careplan:verify:{dee.document_id}:{dee.sha256}"


# --- the easy-read agreement ----------------------------------------------------------------


def test_the_easy_read_agreement_says_it_simply(easy_pdf: Path, dee: Agreement) -> None:
    text = flat(pdf_text(easy_pdf))
    for expected in (
        "My care plan",
        "This plan is for Dee.",
        "My key worker is Sam Keyworker.",
        "My goals",
        "Family and relationships",
        "Where I live",
        "Physical health",
        "My goal:",
        f"{GOAL_FAMILY} — my words",
        "What I will do:",
        "What my worker will do:",
        "Who else will help:",
        f"I don't agree with: {STEP_GROUP} {NOTE_GROUP}",
        "Sam Keyworker does not agree with: this goal",
        "My money: £1,000.00.",
        "It pays for:",
        "Peer mentoring: 20 sessions. £500.00",
        f"Total: {TOTAL}.",
        "Money left: £39.00.",
        "When we look at my plan again",
        "Sharing my information",
        "We signed this plan",
        "My manager said yes",
        "Checking this plan is real",
        dee.document_id,
        "careplan verify FILE.pdf",
    ):
        assert expected in text, expected
    assert dee.sha256 in "".join(text.split())


def test_the_easy_read_type_is_large(easy_pdf: Path, full_pdf: Path) -> None:
    """poppler's word boxes are as tall as the type is large."""

    def median_height(path: Path) -> float:
        return statistics.median(w[4] - w[2] for w in word_boxes(path, 1))

    assert median_height(easy_pdf) >= 16
    assert median_height(full_pdf) <= 10.5


def test_every_default_life_area_has_its_own_picture() -> None:
    codes = [code for code, _ in DEFAULT_LIFE_AREAS]
    assert set(codes) <= set(PICTURES)
    assert len({PICTURES[code][2] for code in codes}) == len(codes)  # ten different drawings
    assert PICTURES.get("a_new_area", FALLBACK) is FALLBACK
    drawing = picture("housing", 48)
    assert (drawing.width, drawing.height) == (48, 48)
    assert len(drawing.contents[0].contents) > 3


# --- awkward agreements ---------------------------------------------------------------------


def test_accented_names_come_out_right(sqlite_db: Database, tmp_path: Path) -> None:
    world = build_print_world(sqlite_db, preferred_name="Zoë Ó Briain")
    agreement = load_agreement(sqlite_db, world.team.manager, world.version_id)
    for easy in (False, True):
        path = write(tmp_path, f"zoe-{easy}.pdf", render_agreement(agreement, easy_read=easy))
        text = flat(pdf_text(path))
        assert "Zoë Ó Briain" in text
        assert pdf_info(path)["Title"] == f"Careplan agreement {agreement.document_id}"
        if not easy:
            assert "Fill in the housing form with my sister — Zoë Ó Briain's words" in text


def test_typed_signatures_say_so(dee: Agreement, tmp_path: Path) -> None:
    person = replace(dee.signatures[0], method=SignatureMethod.TYPED, strokes=(), typed_name="Dee Ashworth")
    agreement = replace(dee, signatures=(person, dee.signatures[1]))
    for easy in (False, True):
        text = flat(pdf_text(write(tmp_path, "typed.pdf", render_agreement(agreement, easy_read=easy))))
        assert "Dee Ashworth" in text
        assert text.count("Signed by typing their name") == 1


def test_an_earlier_version_says_it_was_replaced(dee: Agreement, tmp_path: Path) -> None:
    old = replace(dee, status=PlanStatus.SUPERSEDED, ended_at=datetime(2026, 3, 2, 12, tzinfo=UTC))
    full = flat(pdf_text(write(tmp_path, "old.pdf", render_agreement(old))))
    assert "This is a copy of an earlier agreement. A newer version replaced it on 2 March 2026." in full
    easy = flat(pdf_text(write(tmp_path, "old-easy.pdf", render_agreement(old, easy_read=True))))
    assert "This is an old copy of my plan. It stopped on 2 March 2026." in easy


def test_long_words_overspending_and_unknown_areas_still_render(dee: Agreement, tmp_path: Path) -> None:
    long_text = " ".join(["I want to say this properly and in my own words."] * 80)  # ~4,000 characters
    note = Words(f"{long_text} Me & my <kids>.", True, "Dee")
    goal = dee.goals[0]
    odd = replace(
        goal,
        life_area_code="pets",
        life_area="My dog",
        wording=replace(goal.wording, text=long_text),
        disagreements=(note,),
    )
    over = BudgetLine("Mentoring", "peer support", "session", Decimal(4), 2500, 10000, (1,), "Court date.")
    budget = replace(dee.budget, lines=(*dee.budget.lines, over), agreed_pence=100000)
    agreement = replace(dee, goals=(odd, *dee.goals[1:]), budget=budget)
    for easy in (False, True):
        path = write(tmp_path, f"long-{easy}.pdf", render_agreement(agreement, easy_read=easy))
        text = flat(pdf_text(path))
        assert text.count("properly") == 160  # every word of both long texts, over several pages
        assert "my dog" in text.lower()
        assert "Me & my <kids>." in text
        if easy:
            assert "This is £61.00 more than my money." in text
        else:
            assert "More than the budget allowed, because: Court date." in text
            assert "Over the budget by £61.00" in text


def test_an_agreement_with_little_in_it_still_reads_well(dee: Agreement, tmp_path: Path) -> None:
    bare_goal = AgreementGoal(1, "money", "Money", Words("Open a bank account", True, "Dee"), None, None, ())
    bare = replace(
        dee,
        about_me=(),
        substances=(),
        goals=(bare_goal,),
        budget=Budget(None, None, (), None, ()),
        reviews=(),
        consents=(),
        period_start=None,
        period_end=None,
        key_worker=None,
    )
    full = flat(pdf_text(write(tmp_path, "bare.pdf", render_agreement(bare))))
    for expected in (
        "No services have been paid for from the budget yet.",
        "Indicative budget Not worked out",
        "No reviews are booked for this version of the plan.",
        "No agreement to share information is recorded.",
    ):
        assert expected in full, expected
    assert "About me" not in full
    easy = flat(pdf_text(write(tmp_path, "bare-easy.pdf", render_agreement(bare, easy_read=True))))
    assert "It does not pay for anything yet." in easy
    assert "I have not said yes to sharing my information." in easy


# --- characters beyond DejaVu: emoji, flags, CJK, combining marks, unknown ------------------

# 🙂, the flag of the UK (two regional indicators), a woman technologist (a ZWJ sequence) and a thumbs
# up with a skin tone (Noto Emoji has them); "e" + a combining acute (DejaVu has it); 中 and Linear B
# (no shipped font has them: printed as their names); a variation selector after a heart.
WRITTEN = (
    "Feel \U0001f642 again, see my \U0001f1ec\U0001f1e7 family, \U0001f469\u200d\U0001f4bb "
    "\U0001f44d\U0001f3fd, cafe\u0301, learn \u4e2d and \U00010000, \u2764\ufe0f end"
)
SHOWN = (
    "Feel \U0001f642 again, see my \U0001f1ec\U0001f1e7 family, \U0001f469\u200d\U0001f4bb "
    "\U0001f44d\U0001f3fd, café, learn [cjk unified ideograph-4e2d] and [linear b syllable b008 a], "
    "\u2764\ufe0f end"
)


def _emoji_agreement(dee: Agreement) -> Agreement:
    goal = dee.goals[0]
    wording = Words(WRITTEN, True, "Dee \U0001f642")
    person = replace(
        dee.signatures[0], method=SignatureMethod.TYPED, strokes=(), typed_name="Dee \U0001f642 Ashworth"
    )
    return replace(
        dee,
        person_name="Dee \U0001f642",
        goals=(replace(goal, wording=wording), *dee.goals[1:]),
        signatures=(person, dee.signatures[1]),
    )


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", flat(text)).replace("\u200b", "")


@pytest.mark.parametrize("easy_read", [False, True], ids=["full", "easy"])
def test_emoji_and_characters_beyond_the_fonts_read_back_as_written(
    dee: Agreement, tmp_path: Path, easy_read: bool
) -> None:
    agreement = _emoji_agreement(dee)
    data = render_agreement(agreement, easy_read=easy_read, invariant=True)
    path = write(tmp_path, "emoji.pdf", data)
    text = _nfc(pdf_text(path))
    assert _nfc(SHOWN) in text
    assert "Dee \U0001f642 Ashworth" in text  # the typed signature, drawn on the canvas
    assert "Dee \U0001f642" in _nfc(pdf_text(path, page=2))  # the running header
    # No code point cut short (ReportLab wrote U+1F642 as <1F642>: read back as U+1F64 or U+1F60).
    assert not [ch for ch in text if 0x1E00 <= ord(ch) <= 0x1FFF], text
    fonts = {row.split()[0].split("+")[-1]: row.split()[-5] for row in run("pdffonts", path).splitlines()[2:]}
    assert "NotoEmoji-Regular" in fonts  # embedded, as the pictures need
    assert set(fonts.values()) == {"yes"}, fonts
    assert render_agreement(agreement, easy_read=easy_read, invariant=True) == data


def test_an_agreement_with_emoji_signs_and_verifies(dee: Agreement) -> None:
    from careplan.documents.sign import sign_pdf
    from careplan.documents.verify import verify_pdf
    from tests.documents.test_sign_verify import MATCH, identity_for

    agreement = _emoji_agreement(dee)
    identity = identity_for("Careplan test service")
    signed = sign_pdf(render_agreement(agreement), identity)
    result = verify_pdf(signed, trusted=[identity.certificate], find_version={agreement.sha256: MATCH}.get)
    assert result.unchanged_line.startswith("✓ Unchanged"), result
    assert result.signer_line.startswith("✓ Signed by Careplan test service"), result


def test_every_character_is_printed_in_a_font_that_has_it() -> None:
    """No empty boxes: each run's font has each of its characters (glyph 0 is the box)."""
    from reportlab.pdfbase import pdfmetrics

    from careplan.documents.layout_glyphs import runs
    from careplan.documents.layout_styles import SANS, SANS_BOLD, SANS_ITALIC, fallback, text

    fonts = fallback()
    pieces = runs(WRITTEN + " \ue000 \U0001d5a0\U000e0100", fonts)  # private use, bold-less, invisible
    assert "".join(piece for _, piece in pieces).endswith(" [U+E000] \U0001d5a0")
    for font, piece in pieces:
        names = [SANS, SANS_BOLD, SANS_ITALIC] if font is None else [font]
        for name in names:
            glyphs = pdfmetrics.getFont(name).face.charToGlyph
            assert all(ord(ch) in glyphs for ch in piece), (name, piece)
    assert (
        text("<b>me</b> & \U0001f642")
        == '&lt;b&gt;me&lt;/b&gt; &amp; <font name="NotoEmoji">\U0001f642</font>'
    )


# --- drawn signatures -----------------------------------------------------------------------


def test_a_drawn_signature_is_scaled_into_its_box_the_right_way_up(tmp_path: Path) -> None:
    """Pad points run downwards from the top left; in the PDF the first (top) point is highest."""
    width, height = 200.0, 60.0
    drawing = SignatureDrawing(width, height, (((0.0, 0.0), (500.0, 300.0), (1000.0, 150.0)),))
    canvas = Canvas(str(tmp_path / "signature.pdf"), pageCompression=0)
    drawing.wrapOn(canvas, 400, 400)
    drawing.drawOn(canvas, 0, 0)
    points: list[tuple[float, float]] = []
    for line in canvas._code:
        numbers: list[float] = []
        for token in line.split():
            if re.fullmatch(r"-?[\d.]+", token):
                numbers.append(float(token))
            else:
                if token in ("m", "l", "c"):
                    points += list(zip(numbers[::2], numbers[1::2], strict=True))
                numbers = []
    path = [p for p in points if p != (0.0, 10.0) and p != (width, 10.0)]  # without the line to sign on
    assert len(path) >= 3
    assert all(0 <= x <= width and 0 <= y <= height for x, y in path)
    first, last = path[0], path[-1]
    assert first[1] > last[1]  # the pad's top point is drawn above its lower one
    assert last[0] - first[0] > width * 0.8  # a wide signature fills the width


def test_rendering_off_the_main_thread_gives_the_same_document(dee: Agreement) -> None:
    from concurrent.futures import ThreadPoolExecutor

    expected = {easy: render_agreement(dee, easy_read=easy, invariant=True) for easy in (False, True)}
    with ThreadPoolExecutor(max_workers=4) as pool:
        jobs = [
            (easy, pool.submit(render_agreement, dee, easy_read=easy, invariant=True))
            for easy in (False, True) * 3
        ]
        for easy, job in jobs:
            assert job.result(timeout=60) == expected[easy]


def test_the_printed_qr_code_scans(full_pdf: Path, dee: Agreement, tmp_path: Path) -> None:
    if shutil.which("zbarimg") is None:
        message = "zbarimg (zbar-tools) is not installed"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    last = int(pdf_info(full_pdf)["Pages"])
    run("pdftoppm", "-r", "150", "-png", "-f", str(last), "-l", str(last), full_pdf, tmp_path / "page")
    (image,) = tmp_path.glob("page*.png")
    assert run("zbarimg", "-q", "--raw", image).strip() == verification_payload(dee)
