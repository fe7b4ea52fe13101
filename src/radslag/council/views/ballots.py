"""A council member ranks a round's items; the form works without JavaScript."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from radslag.council import ballots
from radslag.council.forms import BallotForm
from radslag.council.models import Ballot, Item
from radslag.council.views.rounds import visible_round


@login_required
def rank(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = visible_round(request, pk)
    if not ballots.may_cast(request.user, round_):
        raise PermissionDenied
    items = list(round_.items.filter(status=Item.Status.ACTIVE).order_by("id"))
    earlier = Ballot.objects.filter(round=round_, person_id=request.user.pk).first()
    form = BallotForm(
        request.POST or None, items=items, initial_ranks=earlier.ranks if earlier else {}
    )
    if request.method == "POST" and form.is_valid():
        try:
            ballots.cast(request.user, round_, form.positions())
        except ballots.BallotRefusedError as refused:
            messages.error(request, refused.message)
        else:
            messages.success(
                request, _("Din rangordning är sparad. Du kan ändra den medan omgången är öppen.")
            )
            return redirect(round_)
    context = {"round": round_, "form": form, "earlier": earlier}
    return render(request, "council/rank.html", context)
