"""The council's page and its rounds: conveners create and steer them, representatives share
their municipality's link, everyone sees what is open and what was published."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from radslag.accounts import permissions
from radslag.council import ballots, scoring, survey
from radslag.council.forms import RoundForm
from radslag.council.models import Item, Link, Round
from radslag.council.seats import current_seats

# Which status a round may move to from each.
NEXT_STATUS = {
    Round.Status.DRAFT: (Round.Status.OPEN,),
    Round.Status.OPEN: (Round.Status.CLOSED,),
    Round.Status.CLOSED: (Round.Status.OPEN, Round.Status.PUBLISHED),
    Round.Status.PUBLISHED: (),
}

# Links are made before a round opens and while it is open.
LINKABLE = (Round.Status.DRAFT, Round.Status.OPEN)


def _may_manage(request: HttpRequest) -> bool:
    return permissions.can(request.user, permissions.Action.MANAGE_ROUNDS)


def visible_round(request: HttpRequest, pk: int) -> Round:
    round_ = get_object_or_404(Round, pk=pk)
    if round_.status == Round.Status.DRAFT and not _may_manage(request):
        raise Http404(_("Omgången finns inte."))
    return round_


def index(request: HttpRequest) -> HttpResponse:
    rounds = Round.objects.exclude(status=Round.Status.DRAFT)
    context = {
        "open_rounds": rounds.filter(status=Round.Status.OPEN),
        "finished_rounds": rounds.filter(status__in=(Round.Status.CLOSED, Round.Status.PUBLISHED)),
        "drafts": Round.objects.filter(status=Round.Status.DRAFT) if _may_manage(request) else [],
        "may_manage": _may_manage(request),
        "insider": _may_manage(request) or permissions.is_council_member(request.user),
        "seats": current_seats(),
        "may_seat": permissions.can(request.user, permissions.Action.COMPOSE_COUNCIL),
    }
    return render(request, "council/index.html", context)


def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = visible_round(request, pk)
    codes = permissions.municipalities_for(
        request.user, permissions.MunicipalAction.SHARE_ROUND_LINK
    )
    own_links = Link.objects.filter(
        round=round_, municipality__in=codes, withdrawn_at__isnull=True
    ).select_related("municipality")
    context = {
        "round": round_,
        "items": round_.items.filter(status=Item.Status.ACTIVE),
        "proposed": round_.items.filter(status=Item.Status.PROPOSED),
        "may_manage": _may_manage(request),
        "next_status": NEXT_STATUS[Round.Status(round_.status)],
        "link_municipalities": codes
        if round_.status in LINKABLE and round_.kind in survey.LINKED_KINDS
        else [],
        "own_links": own_links,
        "new_link": request.session.pop(f"council-link-{round_.pk}", None),
        "vote_count": round_.pair_votes.count()
        + round_.ballots.count()
        + round_.statement_votes.count()
        + round_.scoring_sheets.count(),
        "date_refusal": round_.date_refusal() if round_.status == Round.Status.OPEN else None,
        "may_rank": ballots.may_cast(request.user, round_),
        "may_score": scoring.may_score(request.user, round_),
        "may_edit_criteria": scoring.may_edit_criteria(request.user, round_),
        "criteria": round_.criteria.order_by("position", "id"),
        "municipality_count": len(
            set(round_.pair_votes.values_list("municipality", flat=True).distinct())
            | set(round_.statement_votes.values_list("municipality", flat=True).distinct())
            | set(
                round_.scoring_sheets.exclude(municipality=None)
                .values_list("municipality", flat=True)
                .distinct()
            )
        ),
        "link_count": round_.links.filter(withdrawn_at__isnull=True).count(),
    }
    return render(request, "council/round.html", context)


@login_required
def round_create(request: HttpRequest) -> HttpResponse:
    if not _may_manage(request):
        raise PermissionDenied
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            round_ = form.save(commit=False)
            round_.created_by = request.user  # type: ignore[assignment]
            round_.save()
            Item.objects.bulk_create(
                Item(round=round_, label=label, source=source)
                for label, source in form.chosen_items
            )
            if round_.kind == Round.Kind.SCORING:
                scoring.create_default_criteria(round_)
        messages.success(request, _("Omgången är skapad som utkast."))
        return redirect(round_)
    return render(request, "council/round_form.html", {"form": form})


@require_POST
@login_required
def round_status(request: HttpRequest, pk: int) -> HttpResponse:
    if not _may_manage(request):
        raise PermissionDenied
    round_ = get_object_or_404(Round, pk=pk)
    wanted = request.POST.get("status", "")
    if wanted not in NEXT_STATUS[Round.Status(round_.status)]:
        messages.error(request, _("Omgången kan inte gå från sin status till den valda."))
    elif wanted == Round.Status.OPEN and round_.items.filter(status=Item.Status.ACTIVE).count() < 2:
        messages.error(request, _("En omgång behöver minst två alternativ för att öppna."))
    else:
        round_.status = wanted
        round_.save(update_fields=["status"])
        messages.success(
            request, _("Omgången är nu: %(status)s.") % {"status": round_.get_status_display()}
        )
    return redirect(round_)


@require_POST
@login_required
def moderate(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    if not _may_manage(request):
        raise PermissionDenied
    item = get_object_or_404(Item, pk=item_pk, round_id=pk, status=Item.Status.PROPOSED)
    decision = request.POST.get("decision")
    if decision in (Item.Status.ACTIVE, Item.Status.REJECTED):
        item.status = decision
        item.save(update_fields=["status"])
    return redirect(item.round)


@require_POST
@login_required
def link_create(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = visible_round(request, pk)
    code = request.POST.get("municipality", "")
    allowed = permissions.municipalities_for(
        request.user, permissions.MunicipalAction.SHARE_ROUND_LINK
    )
    municipality = allowed.filter(code=code).first()
    if municipality is None:
        raise PermissionDenied
    if round_.kind not in survey.LINKED_KINDS:
        messages.error(
            request, _("Omgången besvaras av rådets ledamöter, inte genom en kommuns länk.")
        )
        return redirect(round_)
    if round_.status not in LINKABLE:
        messages.error(request, _("Omgången är stängd; nya länkar behövs inte."))
        return redirect(round_)
    _link, token = survey.create_link(round_, municipality, request.user)
    request.session[f"council-link-{round_.pk}"] = {
        "municipality": municipality.name,
        "url": request.build_absolute_uri(reverse("council:participate", args=[token])),
    }
    return redirect(round_)
