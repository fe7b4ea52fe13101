"""Submitting a need: the form, the near-duplicate offer, and the live check while typing."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radslag.accounts import permissions
from radslag.accounts.permissions import MunicipalAction, signed_in
from radslag.core import idempotency, text_limits
from radslag.needs import index
from radslag.needs.forms import NeedForm
from radslag.needs.models import TEXT_MIN_LENGTH, Need
from radslag.needs.support import earlier_submission, kept_version, merge, submit_once


@signed_in
def need_create(request: HttpRequest) -> HttpResponse:
    permissions.require(
        permissions.municipalities_for(request.user, MunicipalAction.SUBMIT_NEED).exists()
    )
    if request.method == "POST":
        key = idempotency.usable(request.POST.get("idempotency_key"))
        earlier = earlier_submission(request.user, key)
        if earlier is not None:
            # The same form posted again: answer as the first time, store nothing.
            return _submitted(request, earlier)
    form = NeedForm(request.POST or None, user=request.user)
    similar: list[index.SimilarNeed] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # The offer's buttons say what was chosen without JavaScript: "ny" as the decision,
        # a merge by the id it names.
        decision = data["decision"] or (NeedForm.MERGE if data["merge_with"] else "")
        target = None
        if decision == NeedForm.MERGE:
            target = Need.objects.open().filter(pk=data["merge_with"]).first()
        if decision not in (NeedForm.NEW, NeedForm.MERGE):
            similar = index.similar_needs(data["title"], data["text"])
        if not similar:
            need = form.save(commit=False)
            need.created_by = request.user
            # Submitted and merged together, or neither: a merge chosen is never half done.
            with transaction.atomic():
                need, created = submit_once(need, data["supporters"], data["idempotency_key"])
                if created and target is not None:
                    merge(target, need)
            return _submitted(request, need)
    return render(request, "needs/form.html", {"form": form, "similar": similar})


def _submitted(request: HttpRequest, need: Need) -> HttpResponse:
    """The answer to a submission: its page, or the page of the one it was merged into."""
    kept = kept_version(need)
    if kept.pk == need.pk:
        messages.success(request, _("Tack! Inlägget är inlämnat."))
        return redirect(need)
    messages.success(
        request,
        _(
            "Inlägget är sammanslaget med ”%(title)s”. Er text finns kvar och stödet är "
            "nu %(after)s kommuner."
        )
        % {"title": kept.title, "after": kept.supports.count()},
    )
    return redirect(kept)


@require_POST
def similar_check(request: HttpRequest) -> HttpResponse:
    """The near-duplicates of what is being typed, for the form's live hint.

    A POST, with the form's CSRF token: a text of thousands of characters does not fit in a
    URL (servers answer 414 Request-URI Too Long).
    """
    title = request.POST.get("title", "")[: text_limits.TITLE]
    text = text_limits.bounded(request.POST.get("text", ""))
    similar = index.similar_needs(title, text) if len(text.strip()) >= TEXT_MIN_LENGTH else []
    return render(request, "needs/_similar_hint.html", {"similar": similar})
