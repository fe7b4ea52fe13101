"""Opening a submitted self-assessment again, so that a mistake in it can be corrected.

The assessment becomes a draft again: it leaves the national picture and the comparisons
until it is submitted anew. Who reopened it, when and why is recorded, with the submission
that was undone.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from radslag.maturity.models import Assessment, Reopening


class NotReopenableError(ValueError):
    """The assessment is not a submitted one of the municipality's own."""


def reopen(assessment: Assessment, user: User, reason: str) -> Reopening:
    """Turn ``assessment`` back into a draft and record who did it and why.

    Raises:
        NotReopenableError: if it is a draft (perhaps reopened meanwhile by someone else) or
            example data, which is replaced by the simulator, never edited.
    """
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if locked.is_example:
            raise NotReopenableError(_("Exempeldata kan inte öppnas igen."))
        if not locked.is_submitted:
            raise NotReopenableError(_("Självskattningen är inte inskickad och kan redan ändras."))
        record = Reopening.objects.create(
            assessment=locked,
            reopened_by=user,
            reason=reason,
            submitted_at=locked.submitted_at,
            submitted_by=locked.submitted_by,
        )
        locked.status = Assessment.Status.DRAFT
        locked.submitted_at = None
        locked.submitted_by = None
        locked.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
    return record
