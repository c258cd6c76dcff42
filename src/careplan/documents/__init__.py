"""Agreement documents: rendering the PDF, signing it with the service's certificate, verifying it.

Sits beside ``gui`` and ``cli``; calls ``services``; never imports Qt.

The contract between rendering, signing and verifying (keep it in one place: here):

- Every agreement PDF carries, in its document information, ``Subject`` =
  ``"Careplan agreement"`` and ``Keywords`` = ``"careplan-document:<document id>
  careplan-plan:<plan key> careplan-version:<version number> careplan-sha256:<64 hex digits>"``
  (space separated), and from this version ``careplan-audit:<event number>-<64 hex digits>``: the
  audit trail's newest event when the agreement was made, an anchor for ``careplan audit verify``
  (:mod:`careplan.services.audit_anchors`). The same document id, version and SHA-256 are
  printed in the verification section, and the QR code holds ``careplan:verify:<document id>:<sha256>``.
- The SHA-256 is ``careplan.services.canonical.plan_sha256`` of the plan version: the fingerprint
  both signatures carry.
- The document id is ``CP-<plan version id>-<first 8 hex digits of the sha256>`` upper case
  (:func:`careplan.services.canonical.document_id`: the use case that issues an agreement names it).
"""

from careplan.services.canonical import document_id

__all__ = ["SUBJECT", "document_id", "keywords", "parse_keywords"]

KEYWORD_DOCUMENT = "careplan-document"
KEYWORD_PLAN = "careplan-plan"
KEYWORD_VERSION = "careplan-version"
KEYWORD_SHA256 = "careplan-sha256"
KEYWORD_AUDIT = "careplan-audit"
SUBJECT = "Careplan agreement"


def keywords(document: str, plan_key: str, version: int, sha256: str, audit: str | None = None) -> str:
    text = (
        f"{KEYWORD_DOCUMENT}:{document} {KEYWORD_PLAN}:{plan_key} "
        f"{KEYWORD_VERSION}:{version} {KEYWORD_SHA256}:{sha256}"
    )
    return f"{text} {KEYWORD_AUDIT}:{audit}" if audit else text


def parse_keywords(text: str) -> dict[str, str]:
    """The Careplan fields found in a Keywords string (unknown words are ignored)."""
    found: dict[str, str] = {}
    for word in text.split():
        key, _, value = word.partition(":")
        if key in (KEYWORD_DOCUMENT, KEYWORD_PLAN, KEYWORD_VERSION, KEYWORD_SHA256, KEYWORD_AUDIT) and value:
            found[key] = value
    return found
