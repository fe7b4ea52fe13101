"""Money amounts: read exactly, compared exactly, and the same outcomes as pabutools' fractions."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from gmpy2 import mpq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pabutools.election import ApprovalBallot, ApprovalProfile, Cost_Sat, Project
from pabutools.election import Instance as PabutoolsInstance
from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares

from radslag.decide.budgets.amounts import amount_text, as_amount, parse_amount
from radslag.decide.budgets.budgeting import (
    Instance,
    approval_profile,
    equal_shares,
    greedy_utilitarian,
)
from radslag.decide.budgets.pabulib import parse_pabulib
from radslag.decide.budgets.pabulib_writer import format_pabulib

TENTHS = """META
key;value
budget;0,3
vote_type;approval
PROJECTS
project_id;cost
a;0.1
b;0.2
c;0.3
VOTES
voter_id;vote
1;a
2;b
3;c
"""


def test_it_funds_the_project_that_a_third_of_a_decimal_budget_pays_for() -> None:
    election = parse_pabulib(TENTHS)
    assert election.instance.exact_budget == Fraction(3, 10)
    assert election.instance.exact_costs == (Fraction(1, 10), Fraction(2, 10), Fraction(3, 10))
    # Each voter holds 0.3 / 3 = 0.1 exactly; in binary floats 0.1 is more than a third of 0.3.
    assert equal_shares(election.instance, election.profile).selected == ("a",)


def test_the_greedy_rule_funds_two_tenths_and_one_tenth_within_three_tenths() -> None:
    instance = Instance(["a", "b"], [0.2, 0.1], 0.3)
    profile = approval_profile(instance, [["a"], ["a"], ["b"]])
    assert greedy_utilitarian(instance, profile).selected == ("a", "b")


def test_it_writes_decimal_amounts_back_as_they_were_read() -> None:
    election = parse_pabulib(TENTHS)
    assert "budget;0.3\n" in format_pabulib(election)
    assert parse_pabulib(format_pabulib(election)).instance == election.instance


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.1, Fraction(1, 10)),
        (Decimal("102533.36"), Fraction(10253336, 100)),
        (3, Fraction(3)),
        (Fraction(1, 3), Fraction(1, 3)),
    ],
)
def test_an_amount_is_the_decimal_it_is_written_as(value: object, expected: Fraction) -> None:
    assert as_amount("cost", value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [(float("nan"), "cost: nan is not a finite"), ("1", "cost: expected an amount")],
)
def test_it_rejects_what_is_not_a_finite_amount(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        as_amount("cost", value)


def test_it_reads_and_writes_amounts_with_commas_and_many_decimals() -> None:
    assert parse_amount(" 12,50 ") == Fraction(25, 2)
    assert amount_text(Fraction(1, 8)) == "0.125"
    assert amount_text(Fraction(-25, 2)) == "-12.5"
    with pytest.raises(ValueError, match="'12 kr' is not a number"):
        parse_amount("12 kr")


# Tenths and cents that binary floats cannot hold; budgets that are sums or multiples of costs
# make the exact comparisons that rounding decides wrongly.
_AMOUNTS = st.sampled_from(["0.1", "0.2", "0.3", "0.7", "1.1", "0.05", "2.35", "3"]).map(Decimal)


@st.composite
def _decimal_elections(draw: st.DrawFn) -> tuple[list[Decimal], Decimal, list[list[int]]]:
    m = draw(st.integers(1, 5))
    costs = draw(st.lists(_AMOUNTS, min_size=m, max_size=m))
    subset = draw(st.lists(st.sampled_from(costs), min_size=1, max_size=m))
    budget = draw(st.sampled_from([sum(subset), costs[0] * draw(st.integers(1, 6))]))
    ballots = draw(
        st.lists(st.lists(st.integers(0, m - 1), unique=True, max_size=3), min_size=1, max_size=6)
    )
    return costs, budget, ballots


SETTINGS = settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(_decimal_elections())
def test_it_selects_what_pabutools_selects_with_exact_decimal_amounts(
    election: tuple[list[Decimal], Decimal, list[list[int]]],
) -> None:
    costs, budget, ballots = election
    ids = [str(j) for j in range(len(costs))]
    instance = Instance(ids, costs, budget)
    profile = approval_profile(instance, [[ids[j] for j in ballot] for ballot in ballots])
    projects = [Project(p, mpq(str(c))) for p, c in zip(ids, costs, strict=True)]
    theirs = PabutoolsInstance(projects, budget_limit=mpq(str(budget)))
    voters = ApprovalProfile([ApprovalBallot([projects[j] for j in b]) for b in ballots])
    expected = method_of_equal_shares(theirs, voters, sat_class=Cost_Sat)
    ours = equal_shares(instance, profile)
    assert sorted(ours.selected) == sorted(p.name for p in expected)
    greedy = greedy_utilitarian_welfare(theirs, voters, sat_class=Cost_Sat)
    assert sorted(greedy_utilitarian(instance, profile).selected) == sorted(p.name for p in greedy)
