"""Why each project was or was not funded: payments, prices and the project that won instead.

Equal Shares explains itself in its own currency (Peters, Pierczyński & Skowron 2021;
equalshares.net's "explanations" of the Wieliczka and Świecie outcomes): a funded project was
bought in some round at a price ρ per unit of utility, each supporter paying ``min(budget,
ρ · utility)``; a project that lost needed a higher ρ than the project bought in the round
that left its supporters, afterwards, with less money than it costs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

import numpy as np

from radslag.decide.budgets.equal_shares import EqualSharesRun
from radslag.decide.budgets.support import SupportMatrix
from radslag.decide.validation import FloatArray

Why = Literal[
    "free", "equal_shares", "greedy", "no_support", "unaffordable", "outbid", "did_not_fit"
]
"""Funded: ``free`` (cost 0), ``equal_shares`` (bought by its supporters), ``greedy`` (by the
greedy rule or completion). Not funded: ``no_support``, ``unaffordable`` (its supporters never
held its cost), ``outbid`` (another project was bought first and its supporters could then no
longer pay), ``did_not_fit`` (the greedy rule reached it when too little budget was left)."""


@dataclass(frozen=True)
class ProjectExplanation:
    """The story of one project in an outcome.

    Attributes
    ----------
    project : str
        The project id.
    selected : bool
        Whether it was funded.
    why : Why
        The reason, as a code a user interface can phrase.
    supporters : int
        Voters for whom the project has positive utility.
    payers, paid : int, float
        How many supporters paid for it and how much in total (Equal Shares only; the
        per-voter amounts are in :attr:`BudgetOutcome.payments`).
    round : int or None
        Funded: its position in the order of funding (1-based). ``outbid``: the position of
        the rival that was funded instead; ``unaffordable``: 0.
    rho : float or None
        Price per unit of utility. Equal Shares: the ρ its supporters paid, or for a project
        that lost, the ρ it would have needed in the round it lost. Greedy rule: its cost per
        unit of total utility.
    rival, rival_rho : str or None, float or None
        ``outbid``: the project funded in the round it lost, and the ρ paid for that project.
    money_left : float or None
        ``outbid`` and ``unaffordable``: what its supporters held after that round (less than
        its cost).
    budget_left : float or None
        Projects the greedy rule reached: the budget left at that moment.
    """

    project: str
    selected: bool
    why: Why
    supporters: int
    payers: int
    paid: float
    round: int | None = None
    rho: float | None = None
    rival: str | None = None
    rival_rho: float | None = None
    money_left: float | None = None
    budget_left: float | None = None


class Stages(NamedTuple):
    """What each stage of a rule did: Equal Shares (if run), then the greedy rule."""

    equal_shares: EqualSharesRun | None
    greedy: tuple[int, ...]
    budget_left: dict[int, float]
    greedy_prices: FloatArray


def _number(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None


def explain(
    project_ids: Sequence[str], support: SupportMatrix, stages: Stages
) -> tuple[ProjectExplanation, ...]:
    """Explain every project, in instance order."""
    m = len(project_ids)
    run = stages.equal_shares
    supporters = np.diff(support.starts)
    paid, payers = np.zeros(m), np.zeros(m, dtype=np.int64)
    order = list(stages.greedy)
    if run is not None:
        paid = np.bincount(support.voter_projects, run.payments, minlength=m).astype(np.float64)
        payers = np.bincount(support.voter_projects, run.payments > 0, minlength=m).astype(np.int64)
        order = [*run.selected, *stages.greedy]
    position = {project: index + 1 for index, project in enumerate(order)}
    explanations = []
    for j, project in enumerate(project_ids):
        base = ProjectExplanation(
            project=project,
            selected=False,
            why="no_support",
            supporters=int(supporters[j]),
            payers=int(payers[j]),
            paid=float(paid[j]),
            budget_left=stages.budget_left.get(j),
        )
        if run is not None:
            base = _explain_equal_shares(base, j, project_ids, run, position)
        if j in stages.budget_left:
            greedy = j in stages.greedy
            base = replace(
                base,
                selected=greedy,
                why="greedy" if greedy else "did_not_fit",
                round=position[j] if greedy else base.round,
                rho=_number(stages.greedy_prices[j]) if greedy or run is None else base.rho,
            )
        explanations.append(base)
    return tuple(explanations)


def _explain_equal_shares(
    base: ProjectExplanation,
    j: int,
    project_ids: Sequence[str],
    run: EqualSharesRun,
    position: dict[int, int],
) -> ProjectExplanation:
    if j in run.selected:
        why: Why = "free" if run.rounds[j] == 0 else "equal_shares"
        return replace(base, selected=True, why=why, round=position[j], rho=float(run.rho[j]))
    if run.rounds[j] < 0:
        return base
    if run.rounds[j] == 0:
        return replace(base, why="unaffordable", round=0, money_left=_number(run.money_left[j]))
    rival = int(run.rivals[j])
    return replace(
        base,
        why="outbid",
        round=position[rival],
        rho=_number(run.rho[j]),
        rival=project_ids[rival],
        rival_rho=float(run.rho[rival]),
        money_left=float(run.money_left[j]),
    )
