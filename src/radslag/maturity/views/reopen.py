"""A convener opens a submitted self-assessment again, with a reason, so it can be corrected."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radslag.accounts.permissions import Action, can
from radslag.maturity.forms import ReopenForm
from radslag.maturity.models import Assessment
from radslag.maturity.reopening import NotReopenableError, reopen
from radslag.maturity.views.assessment import read_only
from radslag.maturity.views.national import municipality_or_404


@require_POST
def reopen_assessment(request: HttpRequest, code: str, year: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    municipality = municipality_or_404(code)
    assessment = get_object_or_404(
        Assessment.objects.select_related("model"), municipality=municipality, year=year
    )
    if not can(request.user, Action.REOPEN_ASSESSMENT):
        raise PermissionDenied(_("Bara sammankallande kan öppna en inskickad självskattning igen."))
    form = ReopenForm(request.POST)
    if not form.is_valid():
        return read_only(request, municipality, assessment, status=400, reopen_form=form)
    try:
        reopen(assessment, request.user, form.cleaned_data["reason"])
    except NotReopenableError as refusal:
        messages.error(request, str(refusal))
        return redirect(assessment.get_absolute_url())
    messages.success(
        request,
        _(
            "Självskattningen för %(year)s är öppnad igen och kan rättas. Den räknas inte i "
            "jämförelserna förrän den skickas in på nytt."
        )
        % {"year": year},
    )
    return redirect(assessment.get_absolute_url())
