"""Who may do what with the self-assessments, in one place each.

Until the accounts app brings roles per municipality, conveners are the staff users.
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from radslag.maturity.models import Assessment


def may_reopen(user: AbstractBaseUser | AnonymousUser, assessment: Assessment) -> bool:
    """Whether ``user`` may open ``assessment`` again after it was submitted: conveners only."""
    # The assessment is an argument so that a later rule can depend on its municipality.
    del assessment
    return bool(user.is_active and getattr(user, "is_staff", False))
