"""Signing in and out with Rådslag's own pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from radslag.accounts.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from radslag.accounts.oidc import oidc_enabled


def login(request: HttpRequest) -> HttpResponseBase:
    context: dict[str, object] = {
        "oidc_enabled": oidc_enabled(),
        "oidc_provider_name": settings.OIDC_PROVIDER_NAME,
    }
    if settings.DEMO:
        context |= {"demo_accounts": DEMO_ACCOUNTS, "demo_password": DEMO_PASSWORD}
    view = auth_views.LoginView.as_view(
        template_name="accounts/login.html",
        redirect_authenticated_user=False,
        extra_context=context,
    )
    return view(request)


def logout(request: HttpRequest) -> HttpResponseBase:
    # Django's LogoutView answers only POST, so no link or prefetch can sign a person out.
    return auth_views.LogoutView.as_view(template_name="accounts/logged_out.html")(request)
