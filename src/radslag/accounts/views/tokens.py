"""A person's API keys: made and revoked on their own page; a key is shown once."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radslag.accounts import tokens
from radslag.accounts.forms import ApiTokenForm
from radslag.accounts.models import ApiToken

NEW_KEY = "accounts-new-api-key"


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _key, token = tokens.create(request.user, form.cleaned_data["name"])
        request.session[NEW_KEY] = token
        return redirect("accounts:tokens")
    context = {
        "form": form,
        "keys": ApiToken.objects.filter(person_id=request.user.pk),
        "new_key": request.session.pop(NEW_KEY, None),
    }
    return render(request, "accounts/tokens.html", context)


@require_POST
@login_required
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    # Only one's own keys exist here: another person's id is simply not found.
    key = get_object_or_404(ApiToken, pk=pk, person_id=request.user.pk, revoked_at__isnull=True)
    tokens.revoke(key)
    messages.success(request, _("Nyckeln ”%(name)s” är återkallad.") % {"name": key.name})
    return redirect("accounts:tokens")
