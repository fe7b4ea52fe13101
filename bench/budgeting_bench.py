"""Participatory budgets: Rådslag's Method of Equal Shares against pabutools.

Both run in this process on the same elections; "identical" means the same projects selected
in the same order. pabutools (``method_of_equal_shares``, default lexicographic tie-breaking)
computes with exact ``gmpy2`` fractions; Rådslag in floating point with an exact fallback.

1. The pabulib files in ``tests/decide/budgets/data``: Warsaw-Wesoła 2017 (real, complete), an
   excerpt of Toulouse 2019 (cumulative ballots, score utilities) and the file pabutools ships
   in its tests; plain Equal Shares, and completed: budgets raised by 1 % of a voter's share at a
   time (pabutools: ``voter_budget_increment``), then the greedy rule (pabutools:
   ``completion_by_rule_combination`` with ``greedy_utilitarian_welfare``).
2. A synthetic election the size of Rådslag's council: 290 voters (the municipalities, equal
   weights, as pabutools has no weights) approving 1 + Poisson(9) of 60 projects whose costs
   are lognormal around 2 M SEK, budget 30 % of the total cost; plain and completed.
3. A synthetic election the size of Warsaw 2021 (pabulib ``poland_warszawa_2021_``: 106
   projects, 95 899 voters, 8.3 approvals a voter). Assumptions, since only the sizes are
   matched: budget 24.8 M PLN; costs lognormal (σ 1.5) scaled to total four times the budget,
   rounded to 1 000 PLN (median ≈ 0.3 M PLN); each voter approves 1 + Poisson(7.3) projects
   drawn without replacement with probability ∝ a lognormal (σ 1) popularity. pabutools runs
   once there (it takes seconds to minutes); Rådslag's time is the best of three.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
from gmpy2 import mpq
from pabutools.election import Additive_Cardinal_Sat, ApprovalBallot, ApprovalProfile, Cost_Sat
from pabutools.election import Instance as PabutoolsInstance
from pabutools.election import Project as PabutoolsProject
from pabutools.election import parse_pabulib as pabutools_parse
from pabutools.rules import (
    completion_by_rule_combination,
    greedy_utilitarian_welfare,
    method_of_equal_shares,
)

from radslag.decide.budgets.budgeting import Completion, Instance, Profile, Utility, equal_shares
from radslag.decide.budgets.pabulib import read_pabulib

DATA = Path(__file__).resolve().parent.parent / "tests" / "decide" / "budgets" / "data"
COUNCIL_PROJECTS = 60
COUNCIL_VOTERS = 290
WARSAW_PROJECTS = 106
WARSAW_VOTERS = 95_899
WARSAW_APPROVALS = 8.3
WARSAW_BUDGET = 24_800_000.0
SPEED_GOAL = 0.5
RATIO_GOAL = 30.0


def main() -> None:
    """Print the table of both benchmarks and whether the goals are met."""
    header = ("instance", "rule", "projects", "voters", "identical", "ours (s)", "pabutools (s)")
    print(" | ".join((*header, "ratio")))
    print(" | ".join("---" for _ in range(len(header) + 1)))
    for path in sorted(DATA.glob("*.pb")):
        election = read_pabulib(path)
        if election.profile.kind == "ordinal":
            continue
        theirs = pabutools_parse(str(path))
        utility: Utility = "cost" if election.profile.kind == "approval" else "score"
        for completion in (None, Completion()):
            ours = (election.instance, election.profile, utility, completion)
            _row(path.stem, ours, theirs, repeats=5)
    instance, profile = council_sized(np.random.default_rng(290))
    for completion in (None, Completion()):
        theirs = _as_pabutools(instance, profile)
        _row("synthetic council size", (instance, profile, "cost", completion), theirs, 3)
    instance, profile = warsaw_sized(np.random.default_rng(2021))
    start = time.process_time()
    ours = (instance, profile, "cost", None)
    identical, our_time, their_time = _row(
        "synthetic Warsaw 2021 size", ours, _as_pabutools(instance, profile), 3
    )
    met = identical and our_time < SPEED_GOAL and their_time / our_time >= RATIO_GOAL
    print(
        f"\nWarsaw-size goals (identical, under {SPEED_GOAL} s, at least {RATIO_GOAL:.0f}x):"
        f" {'met' if met else 'NOT met'}; CPU time of that row, both libraries and three runs"
        f" of ours: {time.process_time() - start:.1f} s on a shared machine."
    )


def _row(
    name: str,
    ours: tuple[Instance, Profile, Utility, Completion | None],
    theirs: tuple[Any, Any],
    repeats: int,
) -> tuple[bool, float, float]:
    instance, profile, utility, completion = ours
    outcome, our_time = _best_time(
        lambda: equal_shares(instance, profile, utility, completion), repeats
    )
    sat = Cost_Sat if utility == "cost" else Additive_Cardinal_Sat
    if completion is None:

        def pabutools_rule() -> Any:
            return method_of_equal_shares(*theirs, sat_class=sat)

    else:
        # Completion() raises by 1 % of the starting budget of a voter; so does this.
        raise_by = _mpq(instance.exact_budget) / profile.n_voters / 100

        def pabutools_rule() -> Any:
            return completion_by_rule_combination(
                *theirs,
                [method_of_equal_shares, greedy_utilitarian_welfare],
                [{"sat_class": sat, "voter_budget_increment": raise_by}, {"sat_class": sat}],
            )

    big = profile.n_voters > 10_000
    expected, their_time = _best_time(pabutools_rule, 1 if big else repeats)
    cost = dict(zip(instance.project_ids, instance.costs.tolist(), strict=True))
    names = [project.name for project in expected]
    # pabutools lists free projects first as a set, then the rest in the order chosen.
    bought = [p for p in outcome.selected if cost[p] > 0]
    identical = sorted(names) == sorted(outcome.selected) and bought == [
        p for p in names if cost[p] > 0
    ]
    rule = "equal shares" if completion is None else "equal shares, raised budgets, greedy"
    cells = (
        name,
        rule,
        str(len(instance.project_ids)),
        str(profile.n_voters),
        "yes" if identical else "NO",
        f"{our_time:.4f}",
        f"{their_time:.4f}",
        _ratio(their_time / our_time),
    )
    print(" | ".join(cells), flush=True)
    return identical, our_time, their_time


def _ratio(ratio: float) -> str:
    return f"{ratio:.0f}x" if ratio >= 10 else f"{ratio:.1f}x"


def _best_time(run: Callable[[], Any], repeats: int) -> tuple[Any, float]:
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return result, best


def warsaw_sized(rng: np.random.Generator) -> tuple[Instance, Profile]:
    """A synthetic approval election with the sizes of Warsaw 2021 (see the module docstring)."""
    m, n = WARSAW_PROJECTS, WARSAW_VOTERS
    raw = rng.lognormal(0.0, 1.5, m)
    costs = np.maximum(np.round(raw / raw.sum() * 4 * WARSAW_BUDGET, -3), 1_000.0)
    popularity = np.log(rng.lognormal(0.0, 1.0, m)).astype(np.float32)
    lengths = np.minimum(1 + rng.poisson(WARSAW_APPROVALS - 1, n), m)
    # Gumbel top-k: the k largest of log-popularity plus Gumbel noise are a sample without
    # replacement with probabilities proportional to popularity.
    keys = popularity[None, :] + rng.gumbel(size=(n, m)).astype(np.float32)
    ranked = np.argsort(-keys, axis=1)
    indices = ranked[np.arange(m)[None, :] < lengths[:, None]]
    instance = Instance(tuple(str(j + 1) for j in range(m)), costs, WARSAW_BUDGET)
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    profile = Profile(m, indptr, indices, np.ones(indices.size), np.ones(n), "approval")
    return instance, profile


def council_sized(rng: np.random.Generator) -> tuple[Instance, Profile]:
    """290 voters (Sweden's municipalities, equal weights) and 60 projects of about 2 M SEK."""
    m, n = COUNCIL_PROJECTS, COUNCIL_VOTERS
    costs = np.round(rng.lognormal(np.log(2e6), 1.0, m), -4)
    budget = float(np.round(0.3 * costs.sum(), -4))
    popularity = np.log(rng.lognormal(0.0, 1.0, m))
    lengths = np.minimum(1 + rng.poisson(9, n), m)
    keys = popularity[None, :] + rng.gumbel(size=(n, m))
    indices = np.argsort(-keys, axis=1)[np.arange(m)[None, :] < lengths[:, None]]
    instance = Instance(tuple(str(j + 1) for j in range(m)), costs, budget)
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    profile = Profile(m, indptr, indices, np.ones(indices.size), np.ones(n), "approval")
    return instance, profile


def _mpq(amount: Fraction) -> Any:
    return mpq(amount.numerator, amount.denominator)


def _as_pabutools(instance: Instance, profile: Profile) -> tuple[Any, Any]:
    projects = [
        PabutoolsProject(project, _mpq(cost))
        for project, cost in zip(instance.project_ids, instance.exact_costs, strict=True)
    ]
    theirs = PabutoolsInstance(projects, budget_limit=_mpq(instance.exact_budget))
    ballots = [
        ApprovalBallot(
            [projects[j] for j in profile.indices[profile.indptr[i] : profile.indptr[i + 1]]]
        )
        for i in range(profile.n_voters)
    ]
    return theirs, ApprovalProfile(ballots)


if __name__ == "__main__":
    main()
