"""Budget rounds: municipalities approve initiatives, and the Method of Equal Shares chooses the
portfolio, explained initiative by initiative and set beside the greedy choice.

Each municipality that approved anything is a voter with the round's weighting (equal, square
root of population or population: :func:`radslag.decide.rankings.aggregation.municipality_shares`)
and an equal share of the budget in proportion to its weight; an initiative's cost is the
middle of its cost range, and a municipality's benefit from an approved initiative is its cost
(approval ballots with cost utilities, as in most participatory budgets). Money Equal Shares
leaves unspent is completed as equalshares.net does: the shares are raised while the outcome
stays within the budget, then the rest filled greedily.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from radslag.accounts import permissions
from radslag.core.schedule import outside_dates
from radslag.decide.budgets import (
    BudgetOutcome,
    Completion,
    Instance,
    ProjectExplanation,
    approval_profile,
    equal_shares,
    greedy_utilitarian,
)
from radslag.decide.rankings.aggregation import municipality_shares
from radslag.initiatives.models import Approval, BudgetRound, Initiative
from radslag.municipalities.models import Municipality, populations


class BudgetRefusedError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def approve(user: Any, round_: BudgetRound, code: str, initiative_ids: Iterable[Any]) -> int:
    """Make the municipality's approvals in the round exactly ``initiative_ids``; the number
    approved. Refused, and nothing changed, when the round is closed, the person may not act
    for the municipality, or an initiative is not in the round."""
    if round_.status != BudgetRound.Status.OPEN:
        raise BudgetRefusedError(_("Budgetomgången är stängd och tar inte emot godkännanden."))
    if outside := outside_dates(None, round_.closes_on):
        raise BudgetRefusedError(outside)
    if not permissions.may_act_for(user, permissions.MunicipalAction.APPROVE_INITIATIVES, code):
        raise BudgetRefusedError(_("Du kan bara godkänna för en kommun du företräder."))
    in_round = set(round_.initiatives.values_list("pk", flat=True))
    try:
        chosen = {int(pk) for pk in initiative_ids}
    except (TypeError, ValueError):
        raise BudgetRefusedError(_("Ett initiativ finns inte i omgången.")) from None
    if not chosen <= in_round:
        raise BudgetRefusedError(_("Ett initiativ finns inte i omgången."))
    with transaction.atomic():
        locked = BudgetRound.objects.select_for_update().get(pk=round_.pk)
        if locked.status != BudgetRound.Status.OPEN:
            raise BudgetRefusedError(_("Budgetomgången är stängd och tar inte emot godkännanden."))
        Approval.objects.filter(round=round_, municipality_id=code).exclude(
            initiative_id__in=chosen
        ).delete()
        have = set(
            Approval.objects.filter(round=round_, municipality_id=code).values_list(
                "initiative_id", flat=True
            )
        )
        Approval.objects.bulk_create(
            Approval(round=round_, initiative_id=pk, municipality_id=code, approved_by=user)
            for pk in sorted(chosen - have)
        )
    return len(chosen)


def close(round_: BudgetRound) -> None:
    with transaction.atomic():
        BudgetRound.objects.filter(pk=round_.pk, status=BudgetRound.Status.OPEN).update(
            status=BudgetRound.Status.CLOSED, closed_at=timezone.now()
        )
    round_.refresh_from_db()


@dataclass(frozen=True)
class Payment:
    municipality: Municipality
    amount: float


@dataclass(frozen=True)
class PortfolioLine:
    initiative: Initiative
    cost: float
    selected: bool
    explanation: ProjectExplanation
    approvals: int
    payments: list[Payment]  # largest first
    greedy_selected: bool
    rival: Initiative | None


@dataclass(frozen=True)
class Portfolio:
    lines: list[PortfolioLine]  # selected first in the order chosen, then the others
    cost: float
    budget: float
    municipalities: int
    approvals: int
    greedy_cost: float
    cheapest: float

    @property
    def selected(self) -> list[PortfolioLine]:
        return [line for line in self.lines if line.selected]

    @property
    def differs_from_greedy(self) -> list[PortfolioLine]:
        return [line for line in self.lines if line.selected != line.greedy_selected]


def portfolio(round_: BudgetRound) -> Portfolio | None:
    """The portfolio Equal Shares chooses from the round's approvals, or None before any.

    A closed round's portfolio is kept in the cache: its approvals cannot change, and the key
    names the latest change of its initiatives, so an edited cost is seen at once."""
    if round_.status != BudgetRound.Status.CLOSED:
        return _portfolio(round_)
    changed = round_.initiatives.aggregate(latest=Max("updated_at"))["latest"]
    stamps = [moment.isoformat() if moment else "-" for moment in (round_.closed_at, changed)]
    key = f"initiatives:portfolio:{round_.pk}:{'/'.join(stamps)}".replace(" ", "T")
    found = cache.get(key, _MISSING)
    if found is _MISSING:
        found = _portfolio(round_)
        cache.set(key, found, 3600)
    return found  # type: ignore[no-any-return]


_MISSING = object()


def _portfolio(round_: BudgetRound) -> Portfolio | None:
    initiatives = list(round_.initiatives.order_by("pk"))
    rows = list(
        Approval.objects.filter(round=round_).values_list("municipality_id", "initiative_id")
    )
    if not initiatives or not rows:
        return None
    ids = [str(initiative.pk) for initiative in initiatives]
    costs = [initiative.cost_central for initiative in initiatives]
    ballots: dict[str, list[str]] = {}
    for code, initiative_id in rows:
        ballots.setdefault(code, []).append(str(initiative_id))
    codes = sorted(ballots)
    sizes = populations()
    weights = municipality_shares(
        [float(sizes.get(code) or 1.0) for code in codes], round_.weighting
    ) * len(codes)
    instance = Instance(ids, costs, round_.budget)
    profile = approval_profile(instance, [ballots[code] for code in codes], weights)
    outcome = equal_shares(instance, profile, completion=Completion())
    greedy = greedy_utilitarian(instance, profile)
    return _explained(round_, initiatives, codes, profile, outcome, greedy, len(rows))


def _explained(
    round_: BudgetRound,
    initiatives: list[Initiative],
    codes: list[str],
    profile: Any,
    outcome: BudgetOutcome,
    greedy: BudgetOutcome,
    approvals: int,
) -> Portfolio:
    by_id = {str(initiative.pk): initiative for initiative in initiatives}
    municipalities = Municipality.objects.in_bulk(codes)
    paid: dict[str, list[Payment]] = {}
    for voter, code in enumerate(codes):
        start, end = profile.indptr[voter], profile.indptr[voter + 1]
        for entry in range(start, end):
            amount = float(outcome.payments[entry])
            if amount > 0:
                project = initiatives[int(profile.indices[entry])]
                paid.setdefault(str(project.pk), []).append(Payment(municipalities[code], amount))
    counts: dict[str, int] = {}
    for voter in range(len(codes)):
        for entry in range(profile.indptr[voter], profile.indptr[voter + 1]):
            key = str(initiatives[int(profile.indices[entry])].pk)
            counts[key] = counts.get(key, 0) + 1
    order = {project: position for position, project in enumerate(outcome.selected)}
    greedy_chosen = set(greedy.selected)
    lines = [
        PortfolioLine(
            initiative=by_id[explanation.project],
            cost=by_id[explanation.project].cost_central,
            selected=explanation.selected,
            explanation=explanation,
            approvals=counts.get(explanation.project, 0),
            payments=sorted(paid.get(explanation.project, []), key=lambda p: -p.amount),
            greedy_selected=explanation.project in greedy_chosen,
            rival=by_id.get(explanation.rival) if explanation.rival else None,
        )
        for explanation in outcome.explanations
    ]
    lines.sort(key=lambda line: (order.get(str(line.initiative.pk), len(order)), -line.approvals))
    return Portfolio(
        lines=lines,
        cost=outcome.cost,
        budget=float(round_.budget),
        municipalities=len(codes),
        approvals=approvals,
        greedy_cost=greedy.cost,
        cheapest=min(initiative.cost_central for initiative in initiatives),
    )
