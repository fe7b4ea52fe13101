"""Who may do what: the one place views ask.

Until memberships per municipality exist, writing is for staff accounts (conveners); every
view that writes goes through ``staff_required`` so that the rules can change here alone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

View = Callable[..., HttpResponse]


def may_write(user: object) -> bool:
    return bool(getattr(user, "is_active", False) and getattr(user, "is_staff", False))


def staff_required(view: View) -> View:
    """Send a visitor to the login page, and refuse a signed-in person without the right.

    Django's ``staff_member_required`` sends both to the admin's login, which tells a signed-in
    person nothing about why they cannot go on.
    """

    @wraps(view)
    def guarded(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_write(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded
