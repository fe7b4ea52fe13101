"""Taking part in a wiki survey through a municipality's link: no account, one pair at a time.

A vote is posted with both items' ids and the chosen side (named submit buttons, so it works
without JavaScript) and answered with a redirect to the next pair, so reloading or going back
never posts a vote again.
"""

from __future__ import annotations

import numpy as np
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radslag.core import idempotency
from radslag.council import statements, survey
from radslag.council.forms import ProposalForm
from radslag.council.models import Item, Link, PairVote, Round, StatementVote


def _session(request: HttpRequest) -> str:
    if request.session.session_key is None:
        request.session.save()
    return str(request.session.session_key)


def participate(request: HttpRequest, token: str) -> HttpResponse:
    link = survey.find_link(token)
    reason = survey.refusal(link)
    if link is not None and link.round.kind == Round.Kind.STATEMENTS:
        return _statements(request, token, link, reason)
    if request.method == "POST":
        if link is None:
            return _refused(request, reason, status=404)
        session = survey.session_digest(link.round, _session(request))
        try:
            survey.record_vote(
                link,
                session,
                request.POST.get("left"),
                request.POST.get("right"),
                request.POST.get("choice", ""),
                key=idempotency.usable(request.POST.get("idempotency_key")),
            )
        except survey.VoteRefusedError as refused:
            messages.error(request, refused.message)
        return redirect("council:participate", token=token)
    if link is None or reason is not None:
        return _refused(request, reason, status=404 if link is None else 410)
    # Looking sets no cookie: a session starts with the first vote.
    key = request.session.session_key
    session = survey.session_digest(link.round, key) if key else ""
    pair = survey.next_pair(link.round, session, np.random.default_rng())
    context = {
        "link": link,
        "round": link.round,
        "pair": pair,
        "token": token,
        "choices": PairVote.Choice,
        "votes_by_session": PairVote.objects.filter(
            round=link.round, session_digest=session
        ).count(),
        "proposal_form": ProposalForm(),
        "vote_key": idempotency.new_key(),
    }
    return render(request, "council/participate.html", context)


@require_POST
def propose(request: HttpRequest, token: str) -> HttpResponse:
    link = survey.find_link(token)
    form = ProposalForm(request.POST)
    if link is None:
        return _refused(request, survey.refusal(link), status=404)
    if not form.is_valid():
        messages.error(request, _("Skriv ditt förslag, högst 200 tecken."))
        return redirect("council:participate", token=token)
    try:
        survey.propose_item(link, form.cleaned_data["label"])
    except survey.VoteRefusedError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request, _("Tack! Förslaget visas för andra när en samordnare har godkänt det.")
        )
    return redirect("council:participate", token=token)


def _statements(request: HttpRequest, token: str, link: Link, reason: str | None) -> HttpResponse:
    if request.method == "POST":
        session = survey.session_digest(link.round, _session(request))
        try:
            statements.record_stance(
                link, session, request.POST.get("statement"), request.POST.get("stance", "")
            )
        except survey.VoteRefusedError as refused:
            messages.error(request, refused.message)
        return redirect("council:participate", token=token)
    if reason is not None:
        return _refused(request, reason, status=410)
    key = request.session.session_key
    session = survey.session_digest(link.round, key) if key else ""
    context = {
        "link": link,
        "round": link.round,
        "statement": statements.next_statement(link.round, session, np.random.default_rng()),
        "token": token,
        "stances": StatementVote.Stance,
        "answered": statements.answered_by(link.round, session),
        "total": link.round.items.filter(status=Item.Status.ACTIVE).count(),
        "proposal_form": ProposalForm(),
    }
    return render(request, "council/participate_statements.html", context)


def _refused(request: HttpRequest, reason: str | None, status: int) -> HttpResponse:
    return render(request, "council/refused.html", {"reason": reason}, status=status)
