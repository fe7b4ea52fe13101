"""Completing an Equal Shares outcome: both rules by name, their ends, and pabutools' answers."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from gmpy2 import mpq
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pabutools.election import ApprovalBallot, ApprovalProfile, Cost_Sat, Project
from pabutools.election import Instance as PabutoolsInstance
from pabutools.rules import exhaustion_by_budget_increase, method_of_equal_shares

from radslag.decide.budgets.budgeting import (
    Completion,
    CompletionLimitError,
    Instance,
    approval_profile,
    equal_shares,
)
from radslag.decide.budgets.equal_shares import run_equal_shares
from radslag.decide.budgets.jumps import unchanged_until
from radslag.decide.budgets.support import SupportMatrix, support_matrix

SETTINGS = settings(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
LONG_COSTS = [13_500, 9_500, 15_500, 7_000]
LONG_BUDGET = 36_166
LONG_BALLOTS = [["0"], ["1"], ["2"], ["3"], ["0", "1", "3"], ["1", "2"]]


def _pabutools(costs: list[int], budget: int, ballots: list[list[str]]) -> tuple[object, object]:
    projects = [Project(str(j), mpq(cost)) for j, cost in enumerate(costs)]
    profile = ApprovalProfile([ApprovalBallot([projects[int(p)] for p in b]) for b in ballots])
    return PabutoolsInstance(projects, budget_limit=mpq(budget)), profile


def _ours(costs: list[int], budget: int, ballots: list[list[str]]) -> tuple[Instance, object]:
    instance = Instance([str(j) for j in range(len(costs))], costs, budget)
    return instance, approval_profile(instance, ballots)


def test_add_one_reaches_its_end_past_a_thousand_raises_as_pabutools_does() -> None:
    instance, profile = _ours(LONG_COSTS, LONG_BUDGET, LONG_BALLOTS)
    outcome = equal_shares(instance, profile, completion=Completion(step=1.0, greedy=False))
    theirs = method_of_equal_shares(
        *_pabutools(LONG_COSTS, LONG_BUDGET, LONG_BALLOTS),
        sat_class=Cost_Sat,
        voter_budget_increment=1,
    )
    assert sorted(outcome.selected) == sorted(p.name for p in theirs) == ["1", "2", "3"]
    # 3 306 raises of one unit on top of the starting share of 36 166 / 6.
    assert outcome.unit_budget == pytest.approx(LONG_BUDGET / 6 + 3_306)


def test_it_raises_an_error_naming_the_limit_rather_than_stop_short() -> None:
    instance, profile = _ours(LONG_COSTS, LONG_BUDGET, LONG_BALLOTS)
    with pytest.raises(CompletionLimitError, match="max_steps = 2"):
        equal_shares(instance, profile, completion=Completion(step=1.0, max_steps=2))


def test_it_jumps_over_the_raises_that_cannot_change_the_outcome() -> None:
    # 3 306 raises of one unit, but the outcome changes only at a few of them.
    instance, profile = _ours(LONG_COSTS, LONG_BUDGET, LONG_BALLOTS)
    outcome = equal_shares(instance, profile, completion=Completion(step=1.0, max_steps=15))
    assert outcome.unit_budget == pytest.approx(LONG_BUDGET / 6 + 3_306)


UNAPPROVED_COSTS = [10, 7, 3, 3, 9, 18]
UNAPPROVED_BUDGET = 23
UNAPPROVED_BALLOTS = [["5"], ["5", "1"], ["5"], ["1"]]


def test_the_two_rules_differ_when_a_project_nobody_approved_still_fits() -> None:
    instance, profile = _ours(UNAPPROVED_COSTS, UNAPPROVED_BUDGET, UNAPPROVED_BALLOTS)
    theirs = _pabutools(UNAPPROVED_COSTS, UNAPPROVED_BUDGET, UNAPPROVED_BALLOTS)
    approved = equal_shares(instance, profile, completion=Completion(greedy=False))
    any_project = equal_shares(
        instance, profile, completion=Completion(until="any-project", greedy=False)
    )
    increment = mpq(UNAPPROVED_BUDGET, 4 * 100)
    expected_approved = method_of_equal_shares(
        *theirs, sat_class=Cost_Sat, voter_budget_increment=increment
    )
    expected_any = exhaustion_by_budget_increase(
        *theirs, method_of_equal_shares, {"sat_class": Cost_Sat}
    )
    assert sorted(approved.selected) == sorted(p.name for p in expected_approved)
    assert sorted(any_project.selected) == sorted(p.name for p in expected_any)
    assert (approved.selected, any_project.selected) == (("1",), ("5",))


@st.composite
def _elections(draw: st.DrawFn) -> tuple[list[int], int, list[list[str]]]:
    m = draw(st.integers(2, 5))
    costs = draw(st.lists(st.integers(1, 20), min_size=m, max_size=m))
    budget = draw(st.integers(5, 40))
    ids = [str(j) for j in range(m)]
    ballots = draw(
        st.lists(st.lists(st.sampled_from(ids), unique=True, max_size=3), min_size=1, max_size=5)
    )
    return costs, budget, ballots


@settings(SETTINGS, max_examples=40)
@given(_elections())
def test_any_project_completion_equals_pabutools_exhaustion_by_budget_increase(
    election: tuple[list[int], int, list[list[str]]],
) -> None:
    costs, budget, ballots = election
    instance, profile = _ours(costs, budget, ballots)
    ours = equal_shares(instance, profile, completion=Completion(until="any-project", greedy=False))
    theirs = exhaustion_by_budget_increase(
        *_pabutools(costs, budget, ballots), method_of_equal_shares, {"sat_class": Cost_Sat}
    )
    assert sorted(ours.selected) == sorted(p.name for p in theirs)


@st.composite
def _long_elections(draw: st.DrawFn) -> tuple[list[int], int, list[list[str]]]:
    """Costs of thousands against shares of about a thousand: add-one needs many raises."""
    m = draw(st.integers(3, 4))
    costs = draw(st.lists(st.integers(20, 80).map(lambda c: c * 100), min_size=m, max_size=m))
    ids = [str(j) for j in range(m)]
    ballots = draw(
        st.lists(
            st.lists(st.sampled_from(ids), unique=True, min_size=1, max_size=2),
            min_size=4,
            max_size=6,
        )
    )
    budget = draw(st.integers(sum(costs) // 2, sum(costs) - 1))
    return costs, budget, ballots


# Most drawn elections end within 1 000 raises and are filtered out; that is expected here.
@settings(
    SETTINGS,
    max_examples=25,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(_long_elections())
def test_add_one_equals_pabutools_add_one_where_it_needs_over_a_thousand_raises(
    election: tuple[list[int], int, list[list[str]]],
) -> None:
    costs, budget, ballots = election
    instance, profile = _ours(costs, budget, ballots)
    ours = equal_shares(instance, profile, completion=Completion(step=1.0, greedy=False))
    assume(ours.unit_budget - budget / len(ballots) > 1_000)
    theirs = method_of_equal_shares(
        *_pabutools(costs, budget, ballots), sat_class=Cost_Sat, voter_budget_increment=1
    )
    assert sorted(ours.selected) == sorted(p.name for p in theirs)


def _support(costs: list[int], ballots: list[list[str]]) -> SupportMatrix:
    """Cost utilities, voter-major entries: what the completion hands to the jump."""
    pairs = [(i, int(p)) for i, ballot in enumerate(ballots) for p in sorted(ballot, key=int)]
    voters = np.array([i for i, _ in pairs], dtype=np.int64)
    projects = np.array([p for _, p in pairs], dtype=np.int64)
    utilities = np.array([float(costs[p]) for p in projects], dtype=np.float64)
    ranks = np.argsort(np.argsort([str(j) for j in range(len(costs))])).astype(np.int64)
    amounts = (np.array(costs, dtype=np.float64), tuple(Fraction(c) for c in costs))
    return support_matrix(
        amounts, ranks, np.ones(len(ballots)), (voters, projects, utilities), True
    )


@settings(SETTINGS, max_examples=150)
@given(_elections(), st.fractions(1, 30), st.fractions(0, 1).filter(lambda f: f < 1))
def test_every_unit_budget_before_the_jump_gives_the_same_run(
    election: tuple[list[int], int, list[list[str]]], unit: Fraction, share: Fraction
) -> None:
    costs, _, ballots = election
    support = _support(costs, ballots)
    run = run_equal_shares(support, unit)
    until = unchanged_until(support, run, unit)
    later = unit + 1000 * share if until is None else unit + (until - unit) * share
    assert run_equal_shares(support, later).selected == run.selected
