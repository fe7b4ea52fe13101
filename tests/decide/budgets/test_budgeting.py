"""Method of Equal Shares and the greedy rule: hand-worked cases, pabutools, properties, errors."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

import numpy as np
import pytest
from gmpy2 import mpq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pabutools.election import (
    Additive_Cardinal_Sat,
    ApprovalBallot,
    ApprovalProfile,
    CardinalBallot,
    Cardinality_Sat,
    CardinalProfile,
    Cost_Sat,
    Project,
)
from pabutools.election import Instance as PabutoolsInstance
from pabutools.rules import (
    completion_by_rule_combination,
    greedy_utilitarian_welfare,
    method_of_equal_shares,
)

from radslag.decide.budgets.budgeting import (
    BudgetOutcome,
    Completion,
    Instance,
    Profile,
    Utility,
    approval_profile,
    cardinal_profile,
    equal_shares,
    greedy_utilitarian,
)

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
SAT_CLASSES = {"cost": Cost_Sat, "cardinality": Cardinality_Sat, "score": Additive_Cardinal_Sat}
# Round numbers make exact ties; thirds and tenths make floats disagree with exact arithmetic.
IDS = ["1", "2", "9", "10", "11", "a", "b", "x"]
COSTS = [0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 10.0, 0.1, 0.3, 0.7, 1 / 3, 2 / 3, 2.5]


@st.composite
def _pb(draw: st.DrawFn, scores: bool) -> tuple[Instance, Profile]:
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=6, unique=True))
    costs = draw(st.lists(st.sampled_from(COSTS), min_size=len(ids), max_size=len(ids)))
    budget = draw(st.sampled_from([1.0, 2.0, 3.0, 5.0, 7.0, 10.0, 12.0, 20.0, 0.9, 4.2]))
    instance = Instance(tuple(ids), costs, budget)
    # Few distinct ballots shared by many voters: the shape that produces ties.
    kinds = draw(st.lists(st.lists(st.sampled_from(ids), unique=True), min_size=1, max_size=3))
    ballots = draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=7))
    weights = draw(st.lists(st.integers(1, 3), min_size=len(ballots), max_size=len(ballots)))
    if scores:
        scored = [
            {project: float(1 + (len(project) + k) % 3) for k, project in enumerate(b)}
            for b in ballots
        ]
        return instance, cardinal_profile(instance, scored, weights)
    return instance, approval_profile(instance, ballots, weights)


@st.composite
def elections(draw: st.DrawFn) -> tuple[Instance, Profile, Utility]:
    utility: Utility = draw(st.sampled_from(["cost", "cardinality", "score"]))
    instance, profile = draw(_pb(scores=utility == "score"))
    return instance, profile, utility


def _pabutools(instance: Instance, profile: Profile) -> tuple[PabutoolsInstance, object]:
    """The same election in pabutools, integer weights as repeated ballots."""
    projects = [
        Project(p, _mpq(c)) for p, c in zip(instance.project_ids, instance.exact_costs, strict=True)
    ]
    theirs = PabutoolsInstance(projects, budget_limit=_mpq(instance.exact_budget))
    ballots = []
    for i in range(profile.n_voters):
        span = slice(profile.indptr[i], profile.indptr[i + 1])
        named = {
            projects[j]: mpq(float(v))
            for j, v in zip(profile.indices[span], profile.values[span], strict=True)
        }
        ballot = ApprovalBallot(named) if profile.kind == "approval" else CardinalBallot(named)
        ballots.extend([ballot] * int(profile.weights[i]))
    return theirs, ApprovalProfile(ballots) if profile.kind == "approval" else CardinalProfile(
        ballots
    )


def _mpq(amount: Fraction) -> object:
    return mpq(amount.numerator, amount.denominator)


def _names(allocation: Sequence[Project]) -> list[str]:
    return [project.name for project in allocation]


def _bought(outcome: BudgetOutcome, instance: Instance) -> list[str]:
    """Selected projects with a positive cost, in order (pabutools lists free ones as a set)."""
    cost = dict(zip(instance.project_ids, instance.costs, strict=True))
    return [project for project in outcome.selected if cost[project] > 0]


# Worked by hand ---------------------------------------------------------------------------


def test_it_buys_the_lowest_price_first_and_lets_poor_voters_pay_all_they_have() -> None:
    # Budget 9, three voters with 3 each, utility 1 per project (cardinality).
    # Round 1: s costs 3 for two voters, rho 1.5; q 2 for one, rho 2; p 6 for three, rho 2.
    # Round 2: voters 1 and 2 hold 1.5 < 2 so they pay all for p and voter 0 pays the other
    # 3: p needs rho 3, q still 2. After q, p's supporters hold 1 + 1.5 + 1.5 = 4 < 6.
    instance = Instance(("p", "q", "s"), [6, 2, 3], 9)
    profile = approval_profile(instance, [["p", "q"], ["p", "s"], ["p", "s"]])
    outcome = equal_shares(instance, profile, "cardinality")
    assert outcome.selected == ("s", "q")
    assert outcome.cost == 5
    s, q, p = (outcome.explanation(project) for project in "sqp")
    assert (s.why, s.round, s.rho, s.paid, s.payers) == ("equal_shares", 1, 1.5, 3.0, 2)
    assert (q.why, q.round, q.rho, q.paid, q.payers) == ("equal_shares", 2, 2.0, 2.0, 1)
    assert (p.why, p.round, p.rho, p.rival, p.rival_rho, p.money_left) == (
        "outbid",
        2,
        3.0,
        "q",
        2.0,
        4.0,
    )
    assert outcome.payments.tolist() == [0, 2, 0, 1.5, 0, 1.5]


def test_it_gives_a_quarter_of_the_voters_a_quarter_of_the_budget_where_greedy_does_not() -> None:
    # Three voters want a1..a4, one wants c; everything costs 1; budget 4, so each voter
    # holds 1. Greedy funds the four projects of the majority; Equal Shares funds three of
    # them (each at rho 1/3, the tie broken by id) and c, paid for by its voter alone.
    instance = Instance(("a1", "a2", "a3", "a4", "c"), [1, 1, 1, 1, 1], 4)
    majority = ["a1", "a2", "a3", "a4"]
    profile = approval_profile(instance, [majority, majority, majority, ["c"]])
    assert greedy_utilitarian(instance, profile).selected == ("a1", "a2", "a3", "a4")
    outcome = equal_shares(instance, profile)
    assert outcome.selected == ("a1", "a2", "a3", "c")
    a4, c = outcome.explanation("a4"), outcome.explanation("c")
    assert (a4.why, a4.rival, a4.money_left) == ("outbid", "a3", 0.0)
    assert a4.rho == pytest.approx(1 / 3)
    assert a4.rival_rho == pytest.approx(1 / 3)
    assert (c.why, c.round, c.rho, c.paid) == ("equal_shares", 4, 1.0, 1.0)


def test_it_breaks_ties_by_the_string_order_of_project_ids() -> None:
    instance = Instance(("9", "10"), [1, 1], 1)
    profile = approval_profile(instance, [["9", "10"]])
    assert equal_shares(instance, profile).selected == ("10",)
    assert greedy_utilitarian(instance, profile).selected == ("10",)


def test_it_gives_a_voter_of_weight_three_three_shares_of_the_budget() -> None:
    # Weights 3 and 1 of a budget of 4: the first municipality holds 3, the second 1.
    instance = Instance(("x", "y", "z"), [3, 3, 1], 4)
    profile = approval_profile(instance, [["x", "y"], ["z"]], weights=[3, 1])
    outcome = equal_shares(instance, profile)
    assert outcome.selected == ("x", "z")
    assert outcome.payments.tolist() == [3, 0, 1]
    assert outcome.explanation("y").why == "outbid"


def test_it_explains_projects_nobody_supports_or_could_ever_afford() -> None:
    instance = Instance(("cheap", "dear", "lonely", "free"), [1, 10, 1, 0], 4)
    profile = approval_profile(instance, [["cheap", "dear", "free"], ["dear"]])
    outcome = equal_shares(instance, profile, "cardinality")
    assert outcome.selected == ("free", "cheap")
    dear, lonely, free = (outcome.explanation(p) for p in ("dear", "lonely", "free"))
    assert (dear.why, dear.round, dear.money_left) == ("unaffordable", 0, 4.0)
    assert lonely.why == "no_support"
    assert (free.why, free.round, free.paid) == ("free", 1, 0.0)


def test_it_completes_by_raising_every_budget_until_nothing_more_fits() -> None:
    # Budget 10, two voters. With 5 each, X (6, both) costs each 3 and Y (4, voter 0) is
    # then out of reach; with 7 each voter 0 keeps 4 after X and buys Y too.
    instance = Instance(("X", "Y"), [6, 4], 10)
    profile = approval_profile(instance, [["X", "Y"], ["X"]])
    assert equal_shares(instance, profile).selected == ("X",)
    outcome = equal_shares(instance, profile, completion=Completion(step=1))
    assert outcome.selected == ("X", "Y")
    assert outcome.unit_budget == 7
    assert (outcome.explanation("Y").why, outcome.explanation("Y").rho) == ("equal_shares", 1.0)


def test_it_fills_what_is_left_greedily_and_says_what_did_not_fit() -> None:
    # With 1 each, only y is affordable. With 2 each, Equal Shares would buy y, x and z,
    # over the budget, so the outcome stays {y}. The greedy rule then tries z (2 voters for
    # 3) before x (1 voter for 2): z does not fit in the 2 left, x does.
    instance = Instance(("x", "y", "z"), [2, 1, 3], 3)
    profile = approval_profile(instance, [["x"], ["y", "z"], ["z"]])
    outcome = equal_shares(instance, profile, "cardinality", Completion(step=1))
    assert outcome.selected == ("y", "x")
    assert outcome.unit_budget == 1
    x, z = outcome.explanation("x"), outcome.explanation("z")
    assert (x.why, x.round, x.rho, x.budget_left) == ("greedy", 2, 2.0, 2.0)
    assert (z.why, z.budget_left) == ("did_not_fit", 2.0)


# Against pabutools ------------------------------------------------------------------------


@SETTINGS
@given(elections())
def test_it_selects_what_pabutools_selects_in_the_same_order(
    election: tuple[Instance, Profile, Utility],
) -> None:
    instance, profile, utility = election
    theirs_instance, theirs_profile = _pabutools(instance, profile)
    theirs = method_of_equal_shares(theirs_instance, theirs_profile, sat_class=SAT_CLASSES[utility])
    ours = equal_shares(instance, profile, utility)
    cost = dict(zip(instance.project_ids, instance.costs, strict=True))
    assert sorted(ours.selected) == sorted(_names(theirs))
    assert _bought(ours, instance) == [p for p in _names(theirs) if cost[p] > 0]


@settings(SETTINGS, max_examples=50)
@given(elections(), st.sampled_from([1.0, 0.5, None]))
def test_it_completes_as_pabutools_does(
    election: tuple[Instance, Profile, Utility], step: float | None
) -> None:
    instance, profile, utility = election
    theirs_instance, theirs_profile = _pabutools(instance, profile)
    sat = SAT_CLASSES[utility]
    # Our default raises by 1 % of the starting budget of a voter of weight 1.
    raise_by = (
        _mpq(instance.exact_budget) / int(profile.weights.sum()) / 100
        if step is None
        else mpq(step)
    )
    theirs = completion_by_rule_combination(
        theirs_instance,
        theirs_profile,
        [method_of_equal_shares, greedy_utilitarian_welfare],
        [{"sat_class": sat, "voter_budget_increment": raise_by}, {"sat_class": sat}],
    )
    ours = equal_shares(instance, profile, utility, Completion(step=step))
    assert sorted(ours.selected) == sorted(_names(theirs))


@SETTINGS
@given(elections())
def test_it_funds_what_pabutools_greedy_rule_funds(
    election: tuple[Instance, Profile, Utility],
) -> None:
    instance, profile, utility = election
    theirs_instance, theirs_profile = _pabutools(instance, profile)
    theirs = greedy_utilitarian_welfare(
        theirs_instance, theirs_profile, sat_class=SAT_CLASSES[utility]
    )
    assert sorted(greedy_utilitarian(instance, profile, utility).selected) == sorted(_names(theirs))


# Properties -------------------------------------------------------------------------------


@SETTINGS
@given(elections(), st.lists(st.floats(0.1, 10), min_size=7, max_size=7))
def test_it_never_spends_more_than_the_budget(
    election: tuple[Instance, Profile, Utility], weights: list[float]
) -> None:
    instance, profile, utility = election
    weighted = Profile(
        profile.n_projects,
        profile.indptr,
        profile.indices,
        profile.values,
        weights[: profile.n_voters],
        profile.kind,
    )
    for outcome in (
        equal_shares(instance, weighted, utility),
        equal_shares(instance, weighted, utility, Completion(step=0.5)),
        greedy_utilitarian(instance, weighted, utility),
    ):
        spent = sum(
            Fraction(float(instance.costs[instance.project_ids.index(p)])) for p in outcome.selected
        )
        assert spent <= Fraction(instance.budget)
    outcome = equal_shares(instance, weighted, utility)
    voter_of_entry = np.repeat(np.arange(weighted.n_voters), np.diff(weighted.indptr))
    paid = np.bincount(voter_of_entry, outcome.payments, minlength=weighted.n_voters)
    assert np.all(paid <= weighted.weights * outcome.unit_budget * (1 + 1e-9))


@SETTINGS
@given(st.data())
def test_it_funds_every_project_all_voters_approve_when_together_they_fit(
    data: st.DataObject,
) -> None:
    instance, profile = data.draw(_pb(scores=False))
    everyone = list(instance.project_ids[: data.draw(st.integers(1, len(instance.project_ids)))])
    ballots = [
        sorted(
            set(everyone)
            | {
                instance.project_ids[j]
                for j in profile.indices[profile.indptr[i] : profile.indptr[i + 1]]
            }
        )
        for i in range(profile.n_voters)
    ]
    profile = approval_profile(instance, ballots)
    approved_by_all = set.intersection(*(set(ballot) for ballot in ballots))
    unanimous = [
        p
        for p, c in zip(instance.project_ids, instance.costs, strict=True)
        if p in approved_by_all and c > 0
    ]
    total = sum(Fraction(float(instance.costs[instance.project_ids.index(p)])) for p in unanimous)
    if total <= Fraction(instance.budget):
        assert set(unanimous) <= set(equal_shares(instance, profile).selected)


@SETTINGS
@given(elections())
def test_it_changes_nothing_when_every_voter_is_duplicated(
    election: tuple[Instance, Profile, Utility],
) -> None:
    instance, profile, utility = election
    equal = Profile(
        profile.n_projects,
        profile.indptr,
        profile.indices,
        profile.values,
        np.ones(profile.n_voters),
        profile.kind,
    )
    rows = np.repeat(np.arange(profile.n_voters), 2)
    lengths = np.diff(profile.indptr)[rows]
    starts = np.repeat(profile.indptr[rows], lengths)
    positions = starts + np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    doubled = Profile(
        profile.n_projects,
        np.concatenate(([0], np.cumsum(lengths))),
        profile.indices[positions],
        profile.values[positions],
        np.ones(rows.size),
        profile.kind,
    )
    assert (
        equal_shares(instance, doubled, utility).selected
        == equal_shares(instance, equal, utility).selected
    )


@SETTINGS
@given(elections())
def test_it_explains_every_project_once_and_the_payments_add_up(
    election: tuple[Instance, Profile, Utility],
) -> None:
    instance, profile, utility = election
    outcome = equal_shares(instance, profile, utility)
    assert [e.project for e in outcome.explanations] == list(instance.project_ids)
    assert {e.project for e in outcome.explanations if e.selected} == set(outcome.selected)
    for e, cost in zip(outcome.explanations, instance.costs, strict=True):
        assert e.paid == pytest.approx(cost if e.why == "equal_shares" else 0.0)
        if e.why == "outbid":
            assert e.money_left is not None
            assert e.money_left < cost * (1 + 1e-9)


# Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Instance(("a", "b"), [1, -1], 5), "costs: project 'b' has a negative cost"),
        (lambda: Instance(("a",), [1], 0), "budget: must be positive"),
        (lambda: Instance(("a",), [float("nan")], 5), "costs: contains NaN"),
        (lambda: Instance(("a", "b"), [1], 5), "lengths do not match"),
        (lambda: Instance(("a", "a"), [1, 1], 5), "project_ids: 'a' appears twice"),
        (
            lambda: approval_profile(Instance(("a",), [1], 5), [["a"], ["b"]]),
            r"ballots\[1\]: unknown project 'b'",
        ),
        (
            lambda: approval_profile(Instance(("a",), [1], 5), [["a"]], weights=[0]),
            "weights: voter 0",
        ),
        (
            lambda: approval_profile(Instance(("a",), [1], 5), [["a"]], weights=[1, 1]),
            "weights: 2 weights for 1",
        ),
        (lambda: approval_profile(Instance(("a",), [1], 5), [["a", "a"]]), "names project 0 twice"),
        (lambda: cardinal_profile(Instance(("a",), [1], 5), [{"a": -1}]), "negative score"),
        (lambda: Completion(step=0), "step: must be positive"),
    ],
)
def test_it_rejects_bad_input_naming_the_problem(build: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build()  # type: ignore[operator]


def test_it_rejects_a_profile_over_other_projects_or_with_ordinal_ballots() -> None:
    instance = Instance(("a", "b"), [1, 1], 2)
    other = approval_profile(Instance(("a",), [1], 2), [["a"]])
    with pytest.raises(ValueError, match="profile: ballots are over 1 projects, instance has 2"):
        equal_shares(instance, other)
    ordinal = Profile(2, [0, 2], [1, 0], [1.0, 2.0], [1.0], "ordinal")
    with pytest.raises(ValueError, match="ordinal ballots carry no utilities"):
        equal_shares(instance, ordinal)
    with pytest.raises(ValueError, match="utility: expected"):
        greedy_utilitarian(instance, approval_profile(instance, [["a"]]), "joy")  # type: ignore[arg-type]
