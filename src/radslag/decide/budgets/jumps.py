"""How far every voter's budget can be raised before an Equal Shares outcome can change.

One run of the Method of Equal Shares at the unit budget ``b`` is a sequence of decisions:
which projects the supporters can afford, whose price per unit of utility ρ is lowest, and
which supporters pay all they have. With the decisions fixed, every voter's remaining budget
and every price is an affine function of the starting budget ``b'`` (a voter who pays all it
has keeps nothing; the others pay ρ · u with ρ affine in ``b'``; Peters, Pierczyński &
Skowron 2021, "Proportional participatory budgeting with additive utilities", NeurIPS,
Definition 4.1). So every decision is an affine inequality in ``b'``, and the run repeats
exactly for every ``b'`` from ``b`` up to the first root of one of them. The completion
(:mod:`radslag.decide.budgets.completion`) jumps to the first raise at or past that root
instead of stepping through raises that cannot change the outcome: the parametric view of a
sequence of linear decisions (Gal 1995, "Postoptimal analyses, parametric programming, and
related topics", ch. 3).

Everything is exact (:class:`fractions.Fraction`); the root found is a lower bound on the
first change, so jumping there never skips an outcome.
"""

from __future__ import annotations

from fractions import Fraction

from radslag.decide.budgets.equal_shares import EqualSharesRun
from radslag.decide.budgets.exact_shares import as_fraction, exact_utility
from radslag.decide.budgets.support import SupportMatrix

LARGEST = 20_000
"""Above this many (voter, project) entries times rounds the exact replay, in Python fractions,
costs more than the float runs it saves (a replay of the 290-voter, 60-project benchmark
election took 0.6 s, some 75 runs' worth); such instances are stepped."""


class _Horizon:
    """The least offset ``x ≥ 0`` at which one of the conditions ``d0 + d1 · x ⋈ 0`` may fail."""

    def __init__(self) -> None:
        self.offset: Fraction | None = None

    def keep(self, d0: Fraction, d1: Fraction) -> None:
        """Add the condition ``d0 + d1 · x ≥ 0`` (or ``> 0``), which holds at ``x = 0``."""
        if d1 < 0:
            root = d0 / -d1
            self.offset = root if self.offset is None else min(self.offset, root)


def unchanged_until(support: SupportMatrix, run: EqualSharesRun, unit: Fraction) -> Fraction | None:
    """Return ``t ≥ unit``: the run at every unit budget in ``[unit, t)`` makes ``run``'s choices.

    ``None`` means no decision ever changes. ``unit`` itself means none is proved not to (the
    instance is too large to replay, or the replay does not meet ``run``'s choices).
    """
    weights = [as_fraction(w) for w in support.weights.tolist()]
    level = [unit] * len(weights)  # each voter's budget at ``unit`` ...
    slope = [Fraction(1)] * len(weights)  # ... and how it moves with the starting budget
    costs = support.exact_costs
    active = {
        j for j in range(len(costs)) if costs[j] > 0 and support.starts[j + 1] > support.starts[j]
    }
    horizon = _Horizon()
    bought = [j for j in run.selected if costs[j] > 0]
    if support.voters.size * (len(bought) + 1) > LARGEST:
        return unit
    for winner in [*bought, None]:
        prices: dict[int, tuple[Fraction, Fraction, set[int]]] = {}
        for j in sorted(active):
            lo, hi = int(support.starts[j]), int(support.starts[j + 1])
            voters = support.voters[lo:hi].tolist()
            exact = exact_utility(support, j)
            utility = {
                i: exact(u) for i, u in zip(voters, support.utilities[lo:hi].tolist(), strict=True)
            }
            money = sum((weights[i] * level[i] for i in voters), Fraction(0))
            money_slope = sum((weights[i] * slope[i] for i in voters), Fraction(0))
            if money < costs[j]:
                horizon.keep(costs[j] - money, -money_slope)
                active.discard(j)
                continue
            horizon.keep(money - costs[j], money_slope)
            prices[j] = _affine_price(costs[j], voters, utility, (weights, level, slope), horizon)
        if winner is None:
            return None if horizon.offset is None else unit + horizon.offset
        if (
            winner not in prices
            or min(prices, key=lambda j: (prices[j][0], int(support.ranks[j]))) != winner
        ):
            return unit
        rho, rho_slope, poor = prices.pop(winner)
        for rho_j, slope_j, _ in prices.values():
            horizon.keep(rho_j - rho, slope_j - rho_slope)
        lo, hi = int(support.starts[winner]), int(support.starts[winner + 1])
        exact = exact_utility(support, winner)
        for i, u in zip(
            support.voters[lo:hi].tolist(), support.utilities[lo:hi].tolist(), strict=True
        ):
            if i in poor:
                level[i], slope[i] = Fraction(0), Fraction(0)
            else:
                level[i] -= rho * exact(u)
                slope[i] -= rho_slope * exact(u)
        active.discard(winner)
    raise AssertionError("unreachable: the loop returns after the last round")


def _affine_price(
    cost: Fraction,
    voters: list[int],
    utility: dict[int, Fraction],
    budgets: tuple[list[Fraction], list[Fraction], list[Fraction]],
    horizon: _Horizon,
) -> tuple[Fraction, Fraction, set[int]]:
    """ρ of one project as ``(value, slope)`` and who pays all it has; adds the conditions."""
    weights, level, slope = budgets
    order = sorted(voters, key=lambda i: level[i] / utility[i])
    remaining, rich_utility = cost, sum((weights[i] * utility[i] for i in voters), Fraction(0))
    remaining_slope = Fraction(0)
    poor: set[int] = set()
    for i in order:
        rho = remaining / rich_utility
        if rho * utility[i] <= level[i]:
            break
        poor.add(i)
        remaining -= weights[i] * level[i]
        remaining_slope -= weights[i] * slope[i]
        rich_utility -= weights[i] * utility[i]
    rho, rho_slope = remaining / rich_utility, remaining_slope / rich_utility
    for i in voters:
        d0, d1 = level[i] - rho * utility[i], slope[i] - rho_slope * utility[i]
        horizon.keep(*((-d0, -d1) if i in poor else (d0, d1)))
    return rho, rho_slope, poor
