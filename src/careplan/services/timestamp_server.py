"""The RFC 3161 timestamp server that agreement signatures use (PAdES B-T), a setting of the service."""

from __future__ import annotations

from urllib.parse import urlparse

from careplan.domain.actor import Actor
from careplan.domain.errors import InvalidInput
from careplan.domain.permissions import Action
from careplan.domain.records import Setting
from careplan.domain.text import one_line
from careplan.services.unit_of_work import unit_of_work
from careplan.storage.database import Database

TIMESTAMP_SETTING_KEY = "signing_timestamp_server"


def configured_timestamp_url(db: Database) -> str | None:
    """The RFC 3161 timestamp server signatures use (PAdES B-T), or None for none (B-B)."""
    with db.session() as session:
        setting = session.get(Setting, TIMESTAMP_SETTING_KEY)
        url = setting.value.get("url") if setting is not None else None
    return url if isinstance(url, str) and url else None


def set_timestamp_url(db: Database, actor: Actor, url: str | None) -> None:
    """Set (or, with None or an empty text, clear) the timestamp server's address."""
    cleaned = one_line(url or "", "the timestamp server's address", "url")
    if cleaned:
        parsed = urlparse(cleaned)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise InvalidInput(
                "That is not the address of a timestamp server (it should start with https://).", "url"
            )
    with unit_of_work(db, actor, Action.MANAGE_SIGNING_CERTIFICATE) as work:
        setting = work.session.get(Setting, TIMESTAMP_SETTING_KEY)
        if setting is None:
            work.session.add(Setting(key=TIMESTAMP_SETTING_KEY, value={"url": cleaned or None}))
        else:
            setting.value = {"url": cleaned or None}
        work.audit("update", "setting", None, ("signing_timestamp_server",))
