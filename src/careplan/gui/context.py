"""What every window and page needs, passed in explicitly (no global registry): the member of
staff signed in and the database they work in, one object made at sign-in
(:class:`careplan.services.signed_in.SignedInStaff`)."""

from __future__ import annotations

from careplan.services.signed_in import SignedInStaff

AppContext = SignedInStaff
"""The app's name for the signed-in member of staff (every window, page and dialog takes one)."""
