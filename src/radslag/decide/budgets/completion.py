"""Completing an Equal Shares outcome that leaves money unspent, by raising every voter's budget.

The Method of Equal Shares often spends well under the budget. Both completions here rerun it
with every voter's starting budget raised by a fixed step, again and again, and keep the last
outcome that stays within the real budget (Peters, Pierczyński & Skowron 2021, "Proportional
participatory budgeting with additive utilities", NeurIPS, section 4.1; equalshares.net,
"completion"). They differ only in when an outcome counts as complete:

``until="approved-project"``
    pabutools' ``method_of_equal_shares(..., voter_budget_increment=step)``. With the unit
    budget ``b_k = b_0 + k · step`` for ``k = 0, 1, ...``: if the outcome at ``b_k`` costs more
    than the budget, return the outcome at ``b_{k-1}``; if no project that someone supports
    and that is not funded would still fit, return the outcome at ``b_k``.
``until="any-project"``
    pabutools' ``exhaustion_by_budget_increase(..., rule=method_of_equal_shares)``: the same,
    but complete only once no project at all fits, including projects nobody supports (which
    Equal Shares never funds), and with a bound: once ``b_k`` passes
    ``budget · (voters + 1) / total weight`` (pabutools' ``budget_bound``) return the outcome
    at ``b_{k-1}``.

Both end: once a unit budget lets each voter alone pay for every supported project, every
supported project is funded in an order that no longer depends on the budget, so raising
further changes nothing (nobody pays all it has, so prices and payments no longer depend on
the budget) and the loop returns what the rule would return at its end, with the first unit
budget that gives it.

Raises that cannot change the outcome are not run: after each run the completion jumps to the
first raise at which one of that run's decisions can change (:mod:`radslag.decide.budgets.jumps`),
so add-one over thousands of raises takes a handful of runs on small instances. A limit on the
number of runs remains, to bound the time; reaching it raises :class:`CompletionLimitError`
naming it rather than return an outcome the rule does not give.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

import numpy as np

from radslag.decide.budgets.amounts import as_amount
from radslag.decide.budgets.equal_shares import EqualSharesRun, run_equal_shares
from radslag.decide.budgets.exact_shares import as_fraction
from radslag.decide.budgets.jumps import unchanged_until
from radslag.decide.budgets.profiles import Instance
from radslag.decide.budgets.support import SupportMatrix
from radslag.decide.validation import as_float_array

CompletionEnd = Literal["approved-project", "any-project"]
"""When a raised outcome is complete: no supported project fits, or no project at all fits."""


class CompletionLimitError(RuntimeError):
    """The completion reached ``max_steps`` raises before the end its rule defines."""


@dataclass(frozen=True)
class Completion:
    """Complete an Equal Shares outcome that leaves money unspent (see the module docstring).

    After the raised runs, if ``greedy``, projects are added by the greedy rule while they fit,
    as pabutools' ``completion_by_rule_combination`` with ``greedy_utilitarian_welfare``.

    Attributes
    ----------
    step : float or None
        The raise per unit of weight, in currency. ``None`` raises by 1 % of the starting
        budget each time (pabutools' ``exhaustion_by_budget_increase`` raises the total
        budget by 1 %); ``1.0`` is the "add-one" of equalshares.net, which takes one run per
        unit of currency and so suits many voters with small shares.
    greedy : bool
        Whether to fill what is left by the greedy rule.
    until : CompletionEnd
        Which of the two rules of the module docstring: ``"approved-project"`` (the default)
        or ``"any-project"``.
    max_steps : int
        At most this many raised runs; a completion that needs more raises
        :class:`CompletionLimitError` naming this limit.
    """

    step: float | None = None
    greedy: bool = True
    until: CompletionEnd = "approved-project"
    max_steps: int = 100_000

    def __post_init__(self) -> None:
        if self.step is not None:
            step = float(as_float_array("step", self.step, ndim=0))
            if step <= 0:
                raise ValueError(f"step: must be positive, got {step}")
        if self.until not in ("approved-project", "any-project"):
            raise ValueError(
                f"until: expected 'approved-project' or 'any-project', got {self.until!r}"
            )
        if self.max_steps < 0:
            raise ValueError(f"max_steps: must be ≥ 0, got {self.max_steps}")


def total_cost(instance: Instance, projects: Iterable[int]) -> Fraction:
    """Return the exact total cost of ``projects``."""
    return sum((instance.exact_costs[j] for j in projects), Fraction(0))


def fits_more(instance: Instance, funded: Sequence[int], among: Iterable[int]) -> bool:
    """Whether one more project from ``among`` would fit (the outcome is not exhaustive)."""
    left = instance.exact_budget - total_cost(instance, funded)
    chosen = set(funded)
    return any(instance.exact_costs[j] <= left for j in among if j not in chosen)


def raise_budgets(
    instance: Instance,
    support: SupportMatrix,
    first: tuple[EqualSharesRun, Fraction],
    completion: Completion,
) -> tuple[EqualSharesRun, Fraction]:
    """Return the run the completion keeps and its unit budget; ``first`` is the plain run.

    Raises
    ------
    CompletionLimitError
        If the rule's end is not reached within ``completion.max_steps`` raises.
    """
    supported = np.flatnonzero((np.diff(support.starts) > 0) & (support.costs > 0)).tolist()
    among = supported if completion.until == "approved-project" else range(instance.costs.size)
    budget = instance.exact_budget
    best, best_unit = first
    start = best_unit
    raise_by = start / 100 if completion.step is None else as_amount("step", completion.step)
    weights = support.weights
    total_weight = sum((as_fraction(float(w)) for w in weights.tolist()), Fraction(0))
    bound = budget * (weights.size + 1) / total_weight if total_weight else Fraction(0)
    # From this unit budget on, every voter alone can pay for every supported project.
    lightest = as_fraction(float(weights.min())) if weights.size else Fraction(1)
    saturated = total_cost(instance, supported) / lightest
    step, next_step, runs = 0, 1, 0
    plateau = _Plateau()
    while fits_more(instance, best.selected, among):
        step = max(step + 1, next_step)
        unit = start + step * raise_by
        if completion.until == "any-project" and (unit > bound or best_unit >= saturated):
            break
        runs += 1
        if runs > completion.max_steps:
            raise CompletionLimitError(
                f"completion: the rule needs more than max_steps = {completion.max_steps}"
                f" runs raised by {float(raise_by)} per unit of weight; raise max_steps or the"
                " step"
            )
        run = run_equal_shares(support, unit)
        if total_cost(instance, run.selected) > budget:
            break
        plateau.seen(run.selected == best.selected)
        best, best_unit = run, unit
        if not plateau.worth_a_jump():
            continue
        # Raises before the first one at which a decision of this run can change give this
        # run again: skip them.
        until = unchanged_until(support, run, unit)
        if until is None and completion.until == "any-project":
            break  # the rule would rerun this outcome up to its bound and keep it
        if until is not None:
            next_step = math.ceil((until - start) / raise_by)
            plateau.jumped(next_step - step - 1)
    return best, best_unit


class _Plateau:
    """When replaying a run to find the next change is likely to cost less than stepping.

    The replay is exact and costs more than a run, so it is tried only once the outcome has
    repeated ``patience`` times in a row; a jump that skips fewer raises than that doubles the
    patience, so instances whose outcome changes at nearly every raise are just stepped.
    """

    def __init__(self) -> None:
        self.patience = 2
        self.repeats = 0

    def seen(self, repeated: bool) -> None:
        self.repeats = self.repeats + 1 if repeated else 0

    def worth_a_jump(self) -> bool:
        return self.repeats >= self.patience

    def jumped(self, skipped: int) -> None:
        self.repeats = 0
        if skipped < self.patience:
            self.patience *= 2
