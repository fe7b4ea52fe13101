"""The two pages of signing in through a municipality's identity provider: the start, which
sends the browser to the provider, and the return, where Rådslag checks what came back."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from radslag.accounts.oidc import REFUSAL_ATTRIBUTE, oidc_enabled


class _Callback(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    def login_failure(self) -> HttpResponse:
        reason = getattr(self.request, REFUSAL_ATTRIBUTE, None) or _(
            "Inloggningen genom din identitetsleverantör gick inte igenom. Försök igen, eller "
            "logga in med användarnamn och lösenord."
        )
        messages.error(self.request, reason)
        return redirect("accounts:login")


def start(request: HttpRequest) -> HttpResponse:
    if not oidc_enabled():
        raise Http404(_("Inloggning genom en identitetsleverantör är inte inställd här."))
    response: HttpResponse = OIDCAuthenticationRequestView.as_view()(request)
    return response


def callback(request: HttpRequest) -> HttpResponse:
    if not oidc_enabled():
        raise Http404(_("Inloggning genom en identitetsleverantör är inte inställd här."))
    response: HttpResponse = _Callback.as_view()(request)
    return response
