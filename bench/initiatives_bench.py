"""A national budget round and the value model at full scale: 290 municipalities approving
among 60 initiatives, the portfolio chosen by Equal Shares with its completion, explained and
set beside the greedy rule, as the budget round's page computes it; and the value model's
estimate for every municipality and area.

Runs Django in this process on a fresh SQLite database with the reference data. Approvals are
simulated: each municipality approves each initiative with a probability drawn per initiative
(popular and niche initiatives). Goal (issue "Initiatives and recommendations"): the portfolio
computed and explained in under 1 s.
"""

from __future__ import annotations

import time

import numpy as np

from bench.database import fresh_database

INITIATIVES = 60
SEED = 20261205
REPEATS = 5


def main() -> None:
    fresh_database("initiatives")
    from radslag.initiatives import budget
    from radslag.initiatives.models import Approval, AssumptionSet, BudgetRound, Initiative
    from radslag.initiatives.value import compute_national_value
    from radslag.municipalities.models import Municipality

    rng = np.random.default_rng(SEED)
    costs = rng.integers(1, 20, INITIATIVES) * 1_000_000
    initiatives = Initiative.objects.bulk_create(
        Initiative(
            title=f"Initiativ {n}",
            type="natverk",
            description="",
            cost_low=int(cost * 0.8),
            cost_high=int(cost * 1.2),
        )
        for n, cost in enumerate(costs)
    )
    round_ = BudgetRound.objects.create(
        title="Bench", budget=150_000_000, weighting="sqrt_population"
    )
    round_.initiatives.set(initiatives)
    popularity = rng.beta(1.2, 3.0, INITIATIVES)
    codes = list(Municipality.objects.values_list("code", flat=True))
    approvals = [
        Approval(round=round_, initiative=initiative, municipality_id=code)
        for code in codes
        for initiative, chance in zip(initiatives, popularity, strict=True)
        if rng.random() < chance
    ]
    Approval.objects.bulk_create(approvals, batch_size=5000)
    times = []
    chosen = None
    for _ in range(REPEATS):
        start = time.perf_counter()
        chosen = budget.portfolio(round_)
        times.append(time.perf_counter() - start)
    assert chosen is not None
    greedy_cost = chosen.greedy_cost
    print(
        f"{len(codes)} municipalities, {INITIATIVES} initiatives, {len(approvals)} approvals, "
        f"budget {round_.budget / 1e6:.0f} MSEK, weighting sqrt_population"
    )
    print("| step | seconds (median of 5) | goal |")
    print("|---|---:|---|")
    print(
        "| portfolio: Equal Shares + completion + greedy + explanations | "
        f"{np.median(times):.3f} | < 1 s |"
    )
    print(
        f"\nEqual Shares chose {len(chosen.selected)} initiatives for "
        f"{chosen.cost / 1e6:.1f} MSEK; "
        f"the greedy rule would have spent {greedy_cost / 1e6:.1f} MSEK; "
        f"{len(chosen.differs_from_greedy)} initiatives differ; every line explained: "
        f"{all(line.explanation.why for line in chosen.lines)}"
    )
    assumptions = AssumptionSet.objects.current()
    assert assumptions is not None
    start = time.perf_counter()
    value = compute_national_value(assumptions)
    seconds = time.perf_counter() - start
    assert value is not None
    low, central, high = (total / 1e9 for total in value.estimate.total())
    print(
        f"value model, 290 municipalities × {len(value.areas)} areas: {seconds:.3f} s; national "
        f"benefit {central:.1f} (from {low:.1f} to {high:.1f}) billion SEK a year, calibration "
        f"factor {value.estimate.factor:.2f}"
    )
