"""A round's dates: whether it takes answers today. Rounds stay open until a convener closes
them, but a participant arriving before the first day or after the last is told so, and what
they send is counted nowhere."""

from __future__ import annotations

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _


def outside_dates(
    opens_on: datetime.date | None,
    closes_on: datetime.date | None,
    today: datetime.date | None = None,
) -> str | None:
    """Why answers are not taken today (both dates count as days of the round), or None."""
    today = today or timezone.localdate()
    if opens_on is not None and today < opens_on:
        return _("Omgången öppnar den %(date)s.") % {"date": formats.date_format(opens_on)}
    if closes_on is not None and today > closes_on:
        return _("Omgången stängde den %(date)s och tar inte emot fler svar.") % {
            "date": formats.date_format(closes_on)
        }
    return None
