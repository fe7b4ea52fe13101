"""Fair council selection: LEXIMIN, maximin and Nash lotteries, seeded draws, audits."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from bench.committee_bench import council_example, sortition_maximin
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from radslag.decide.committee import lottery as committee_lottery
from radslag.decide.committee.lottery import RELAXATION_EXACT, _close_gap
from radslag.decide.committee.lp import PanelFinder, panel_weights_for_marginals
from radslag.decide.committee.panels import expand_compositions
from radslag.decide.committee.relaxation import face_walk, relaxed_leximin
from radslag.decide.committee.selection import (
    InfeasibleQuotasError,
    Pool,
    Quotas,
    _compile,
    audit_panel,
    draw_panel,
    leximin_lottery,
    lottery_generator,
    maximin_lottery,
    nash_lottery,
    population_weights,
    proportional_quotas,
)

SMALL = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _pool(rng: np.random.Generator, n: int, values: list[int]) -> Pool:
    columns = {
        f"f{f}": [f"v{code}" for code in rng.integers(0, count, n)]
        for f, count in enumerate(values)
    }
    return Pool.from_columns(columns)


def _meets_quotas(pool: Pool, quotas: Quotas, panel: np.ndarray) -> bool:
    if len(panel) != quotas.panel_size or len(set(panel.tolist())) != len(panel):
        return False
    for feature, by_value in quotas.bounds.items():
        f = pool.feature_index(feature)
        labels = [pool.values[f][code] for code in pool.codes[panel, f]]
        for value, (low, high) in by_value.items():
            if not low <= labels.count(value) <= high:
                return False
    return True


@st.composite
def small_instances(draw: st.DrawFn) -> tuple[Pool, Quotas]:
    """A pool of 4–8 candidates with quotas built around one panel, so some panel meets them."""
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    n = draw(st.integers(4, 8))
    k = draw(st.integers(1, n - 1))
    pool = _pool(rng, n, draw(st.lists(st.integers(2, 3), min_size=1, max_size=3)))
    panel = rng.choice(n, k, replace=False)
    bounds = {}
    for f, feature in enumerate(pool.features):
        counts = np.bincount(pool.codes[panel, f], minlength=len(pool.values[f]))
        bounds[feature] = {
            value: (max(0, int(c) - int(rng.integers(0, 2))), int(c) + int(rng.integers(0, 2)))
            for value, c in zip(pool.values[f], counts, strict=True)
        }
    return pool, Quotas(k, bounds)


def _brute_force_leximin(pool: Pool, quotas: Quotas) -> np.ndarray:
    """LEXIMIN over every quota-satisfying panel, fixing one candidate at a time by LP.

    Independent of the column generation: a candidate is fixed at the level's value when an LP
    shows its probability cannot rise above it while the others keep theirs.
    """
    n = pool.n_candidates
    panels = [
        np.array(panel)
        for panel in itertools.combinations(range(n), quotas.panel_size)
        if _meets_quotas(pool, quotas, np.array(panel))
    ]
    incidence = np.zeros((n, len(panels)))
    for p, panel in enumerate(panels):
        incidence[panel, p] = 1.0
    reachable = incidence.sum(axis=1) > 0
    fixed = np.where(reachable, np.nan, 0.0)
    ones = np.ones((1, len(panels)))

    def best(objective: np.ndarray, floor: float) -> float:
        free = np.isnan(fixed)
        rows = np.vstack([-incidence[free], -incidence[~free]])
        bounds = np.concatenate([np.full(free.sum(), -floor), -fixed[~free] + 1e-9])
        result = linprog(-objective, rows, bounds, ones, [1.0], bounds=(0, None))
        assert result.status == 0
        return float(-result.fun)

    while np.isnan(fixed).any():
        free = np.isnan(fixed)
        rows = np.hstack([np.vstack([-incidence[free], -incidence[~free]]), np.zeros((n, 1))])
        rows[: free.sum(), -1] = 1.0
        bounds = np.concatenate([np.zeros(free.sum()), -fixed[~free] + 1e-9])
        objective = np.append(np.zeros(len(panels)), -1.0)
        result = linprog(
            objective, rows, bounds, np.append(ones, 0)[None, :], [1.0], bounds=(0, None)
        )
        level = float(result.x[-1])
        for i in np.flatnonzero(free):
            if best(incidence[i], level - 1e-9) <= level + 1e-7:
                fixed[i] = level
    return fixed


@SMALL
@given(small_instances())
def test_it_agrees_with_leximin_solved_by_brute_force_over_all_panels(
    instance: tuple[Pool, Quotas],
) -> None:
    pool, quotas = instance
    lottery = leximin_lottery(pool, quotas)
    np.testing.assert_allclose(
        lottery.selection_probabilities, _brute_force_leximin(pool, quotas), atol=1e-6
    )


@SMALL
@given(small_instances())
def test_it_puts_only_quota_satisfying_panels_in_every_lottery(
    instance: tuple[Pool, Quotas],
) -> None:
    pool, quotas = instance
    for method in (leximin_lottery, maximin_lottery, nash_lottery):
        lottery = method(pool, quotas)
        assert all(_meets_quotas(pool, quotas, panel) for panel in lottery.panels)
        assert lottery.probabilities.sum() == pytest.approx(1.0)
        assert lottery.selection_probabilities.sum() == pytest.approx(quotas.panel_size)


def test_it_gives_every_candidate_k_over_n_without_quotas() -> None:
    pool = _pool(np.random.default_rng(1), 40, [3, 4])
    for method in (leximin_lottery, maximin_lottery, nash_lottery):
        lottery = method(pool, Quotas(7))
        np.testing.assert_allclose(lottery.selection_probabilities, 7 / 40, atol=1e-7)


@pytest.fixture(scope="module")
def quota_pool() -> tuple[Pool, Quotas]:
    """120 candidates whose pool over-represents some values, with quotas around other shares."""
    rng = np.random.default_rng(7)
    columns = {
        "size": rng.choice(["small", "medium", "large"], 120, p=[0.6, 0.3, 0.1]).tolist(),
        "region": rng.choice(["east", "south", "north"], 120, p=[0.5, 0.35, 0.15]).tolist(),
        "ai": rng.choice(["yes", "no"], 120, p=[0.2, 0.8]).tolist(),
    }
    pool = Pool.from_columns(columns)
    quotas = Quotas(
        15,
        {
            "size": {"small": (5, 7), "medium": (4, 6), "large": (3, 4)},
            "region": {"east": (5, 6), "south": (5, 6), "north": (3, 4)},
            "ai": {"yes": (5, 8)},
        },
    )
    return pool, quotas


def test_it_makes_selection_probabilities_sum_to_the_panel_size(
    quota_pool: tuple[Pool, Quotas],
) -> None:
    pool, quotas = quota_pool
    lottery = leximin_lottery(pool, quotas)
    assert lottery.selection_probabilities.sum() == pytest.approx(15, abs=1e-9)
    assert all(_meets_quotas(pool, quotas, panel) for panel in lottery.panels)


def test_it_reaches_the_maximin_optimum_at_the_first_leximin_level(
    quota_pool: tuple[Pool, Quotas],
) -> None:
    pool, quotas = quota_pool
    leximin = leximin_lottery(pool, quotas)
    maximin = maximin_lottery(pool, quotas)
    assert maximin.lowest_probability == pytest.approx(leximin.lowest_probability, abs=1e-7)
    # LEXIMIN raises what maximin leaves low: its sorted probabilities dominate from below.
    low = np.sort(leximin.selection_probabilities)[:30]
    assert np.all(low >= np.sort(maximin.selection_probabilities)[:30].min() - 1e-7)


def test_it_reaches_the_same_maximin_as_sortition_algorithms(
    quota_pool: tuple[Pool, Quotas],
) -> None:
    pool, quotas = quota_pool
    theirs, _seconds = sortition_maximin(pool, quotas, seed=1)
    assert maximin_lottery(pool, quotas).lowest_probability == pytest.approx(theirs, abs=1e-6)


def test_it_finds_the_same_leximin_through_the_relaxation_as_by_column_generation(
    quota_pool: tuple[Pool, Quotas],
) -> None:
    messages: list[str] = []
    shortcut = leximin_lottery(*quota_pool, progress=messages.append)
    levels = leximin_lottery(*quota_pool, use_relaxation=False)
    assert RELAXATION_EXACT in messages
    np.testing.assert_allclose(
        shortcut.selection_probabilities, levels.selection_probabilities, atol=1e-7
    )
    assert shortcut.levels == levels.levels


def test_it_walks_the_relaxed_leximin_point_into_quota_satisfying_panels(
    quota_pool: tuple[Pool, Quotas],
) -> None:
    problem = _compile(*quota_pool)[0]
    relaxed, _levels = relaxed_leximin(problem)
    finder = PanelFinder(problem)
    weights = np.random.default_rng(3).random(problem.n_types)
    _panels, best_before = finder.best(weights)
    panels, mass = face_walk(finder, relaxed)
    assert mass < 1e-9
    assert len(panels) <= problem.n_types
    assert all(finder.satisfies_quotas(panel) for panel in panels)
    # The walk restricts the MIP to faces one solve at a time and leaves it as it was.
    assert finder.best(weights)[1] == pytest.approx(best_before, abs=1e-9)


def test_it_closes_the_gap_a_walk_stopped_short_leaves(quota_pool: tuple[Pool, Quotas]) -> None:
    problem = _compile(*quota_pool)[0]
    relaxed, _levels = relaxed_leximin(problem)
    finder = PanelFinder(problem)
    panels, _mass = face_walk(finder, relaxed)
    half = panels[: len(panels) // 2]
    compositions = np.array(half)
    weights = panel_weights_for_marginals(compositions, problem.sizes, relaxed)
    assert np.max(relaxed - weights @ compositions / problem.sizes) > 1e-3
    closed = np.array(_close_gap(finder, half, relaxed))
    weights = panel_weights_for_marginals(closed, problem.sizes, relaxed)
    assert np.max(relaxed - weights @ closed / problem.sizes) <= 1e-9
    assert all(finder.satisfies_quotas(panel) for panel in closed)


def test_it_falls_back_to_column_generation_when_a_solver_fails_on_the_relaxation(
    quota_pool: tuple[Pool, Quotas], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = leximin_lottery(*quota_pool).selection_probabilities

    def failing(problem: object) -> None:
        raise RuntimeError("HiGHS could not solve the relaxed level: kUnknown")

    monkeypatch.setattr(committee_lottery, "relaxed_leximin", failing)
    messages: list[str] = []
    lottery = leximin_lottery(*quota_pool, progress=messages.append)
    assert any(message.startswith("relaxation failed") for message in messages)
    np.testing.assert_allclose(lottery.selection_probabilities, expected, atol=1e-7)


def test_it_falls_back_to_column_generation_when_the_relaxation_is_no_lottery() -> None:
    # Seven types of three features and a panel of three. The LP relaxation gives the first
    # type a sixth, but no quota-satisfying panel includes it, so the LEXIMIN lottery gives
    # it nothing and the relaxation's answer is no lottery at all.
    types = [(0, 0, 2), (0, 2, 0), (0, 1, 1), (0, 2, 2), (1, 2, 2), (1, 0, 0), (1, 1, 1)]
    sizes = [2, 1, 2, 2, 2, 1, 2]
    codes = [t for t, size in zip(types, sizes, strict=True) for _ in range(size)]
    pool = Pool.from_columns({f"f{f}": [f"v{c[f]}" for c in codes] for f in range(3)})
    quotas = Quotas(
        3,
        {
            "f0": {"v0": (0, 3), "v1": (2, 3)},
            "f1": {"v0": (0, 1), "v1": (0, 0), "v2": (2, 3)},
            "f2": {"v0": (0, 1), "v1": (0, 0), "v2": (2, 2)},
        },
    )
    relaxed, _levels = relaxed_leximin(_compile(pool, quotas)[0])
    assert relaxed[0] == pytest.approx(1 / 6, abs=1e-7)
    messages: list[str] = []
    lottery = leximin_lottery(pool, quotas, progress=messages.append)
    assert RELAXATION_EXACT not in messages
    assert any(message.endswith("column generation follows") for message in messages)
    np.testing.assert_allclose(
        lottery.selection_probabilities, _brute_force_leximin(pool, quotas), atol=1e-7
    )
    assert lottery.selection_probabilities[:2] == pytest.approx([0, 0], abs=1e-9)


def test_it_gives_nash_welfare_no_lower_than_leximin(quota_pool: tuple[Pool, Quotas]) -> None:
    pool, quotas = quota_pool
    nash = nash_lottery(pool, quotas).selection_probabilities
    leximin = leximin_lottery(pool, quotas).selection_probabilities
    assert np.log(nash).sum() >= np.log(leximin).sum() - 1e-7
    assert nash.min() <= leximin.min() + 1e-7


def test_it_gives_no_probability_to_candidates_no_panel_can_include() -> None:
    pool = Pool.from_columns({"group": ["a", "a", "b", "b", "b"]})
    lottery = leximin_lottery(pool, Quotas(2, {"group": {"a": (2, 2)}}))
    np.testing.assert_allclose(lottery.selection_probabilities, [1, 1, 0, 0, 0], atol=1e-9)
    assert lottery.unreachable.tolist() == [2, 3, 4]
    assert lottery.lowest_probability == pytest.approx(1.0)


@SMALL
@given(st.data())
def test_it_expands_compositions_into_panels_with_the_same_probabilities(
    data: st.DataObject,
) -> None:
    sizes = data.draw(st.lists(st.integers(1, 6), min_size=1, max_size=4))
    rows = data.draw(st.integers(1, 5))
    seats = data.draw(st.integers(1, sum(sizes)))
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    type_of = np.repeat(np.arange(len(sizes)), sizes)
    compositions = np.array(
        [
            np.bincount(type_of[rng.choice(sum(sizes), seats, replace=False)], minlength=len(sizes))
            for _ in range(rows)
        ]
    )
    weights = np.array(data.draw(st.lists(st.floats(0.01, 1), min_size=rows, max_size=rows)))
    weights /= weights.sum()
    offsets = np.cumsum([0, *sizes])
    members = [np.arange(offsets[t], offsets[t + 1]) for t in range(len(sizes))]
    panels, probabilities = expand_compositions(compositions, weights, members)
    expected = np.repeat(weights @ compositions / sizes, sizes)
    selection = np.zeros(offsets[-1])
    np.add.at(selection, panels.reshape(-1), np.repeat(probabilities, panels.shape[1]))
    np.testing.assert_allclose(selection, expected, atol=1e-9)
    for panel in panels:
        assert len(set(panel.tolist())) == len(panel)


def test_it_replays_a_seeded_draw(quota_pool: tuple[Pool, Quotas]) -> None:
    lottery = leximin_lottery(*quota_pool)
    first = draw_panel(lottery, "Lotto 2025-03-14: 4 11 19 23 28 33 35")
    again = draw_panel(lottery, "Lotto 2025-03-14: 4 11 19 23 28 33 35")
    assert first.index == again.index
    np.testing.assert_array_equal(first.members, again.members)
    assert draw_panel(lottery, 20250314).seed == "20250314"
    assert draw_panel(lottery, 20250314).index == draw_panel(lottery, "20250314").index
    tickets = {draw_panel(lottery, seed).ticket for seed in range(20)}
    assert len(tickets) == 20


def test_it_documents_the_seed_hash() -> None:
    # SHA-256("1") read as an integer seeds SeedSequence and PCG64: anyone can rebuild it.
    import hashlib

    digest = int.from_bytes(hashlib.sha256(b"1").digest())
    expected = np.random.Generator(np.random.PCG64(np.random.SeedSequence(digest))).random()
    assert lottery_generator(1).random() == expected


def test_it_computes_the_same_lottery_twice(quota_pool: tuple[Pool, Quotas]) -> None:
    first, second = leximin_lottery(*quota_pool), leximin_lottery(*quota_pool)
    np.testing.assert_array_equal(first.panels, second.panels)
    np.testing.assert_array_equal(first.probabilities, second.probabilities)


def test_it_audits_a_panel_that_copies_the_population_with_distance_zero() -> None:
    pool = Pool.from_columns(
        {"size": ["s", "s", "l", "l", "l", "l"], "region": ["e", "w", "e", "w", "e", "w"]}
    )
    audit = audit_panel(pool, [0, 3, 4])
    assert [feature.distance for feature in audit.features] == [0.0, pytest.approx(1 / 6)]
    exact = audit_panel(pool, [0, 3, 4], {"size": {"s": 1, "l": 2}, "region": {"e": 2, "w": 1}})
    assert [feature.distance for feature in exact.features] == [0.0, 0.0]


def test_it_ranks_the_worst_represented_features_first() -> None:
    pool = Pool.from_columns({"size": ["s", "s", "l", "l"], "region": ["e", "w", "e", "w"]})
    audit = audit_panel(pool, [0, 1])
    assert audit.worst_features == ("size", "region")
    assert audit.features[0].distance == pytest.approx(0.5)
    assert audit.features[0].largest_gap == ("l", pytest.approx(-0.5))
    weighted = audit_panel(pool, [0, 1], population_weights(pool, [1, 1, 0, 0]))
    assert weighted.features[0].distance == pytest.approx(0.0)
    assert "TVD" in audit.table()


def test_it_audits_the_current_council_against_the_municipalities() -> None:
    # Golden case from docs/council-selection.md: the 290 municipalities by size class (2022
    # population) and landsdel, and the 13 municipalities of the current council.
    sizes = ("under 15 000", "15 000–49 999", "50 000–199 999", "200 000 and over")
    population = {"size": dict(zip(sizes, [131, 110, 45, 4], strict=True))}
    council_sizes = [1, 0, 0, 0, 2, 1, 1, 2, 2, 3, 3, 2, 0]
    pool = Pool.from_columns(
        {"size": [sizes[code] for code in council_sizes]}, values={"size": sizes}
    )
    audit = audit_panel(pool, range(13), population)
    assert audit.features[0].distance == pytest.approx(0.293, abs=5e-4)


def test_it_rejects_a_panel_larger_than_the_pool() -> None:
    pool = Pool.from_columns({"size": ["s", "m", "l"]})
    with pytest.raises(ValueError, match="panel_size: 4 seats but the pool has only 3"):
        leximin_lottery(pool, Quotas(4))


def test_it_rejects_unknown_features_and_values() -> None:
    pool = Pool.from_columns({"size": ["s", "m", "l"]})
    with pytest.raises(ValueError, match="unknown feature 'region'"):
        leximin_lottery(pool, Quotas(2, {"region": {"east": (0, 1)}}))
    with pytest.raises(ValueError, match="unknown value 'xl' of feature 'size'"):
        leximin_lottery(pool, Quotas(2, {"size": {"xl": (0, 1)}}))


def test_it_rejects_a_minimum_above_the_maximum() -> None:
    pool = Pool.from_columns({"size": ["s", "m", "l"]})
    with pytest.raises(ValueError, match="size=s has min 2 > max 1"):
        maximin_lottery(pool, Quotas(2, {"size": {"s": (2, 1)}}))


def test_it_names_the_quotas_that_cannot_be_met_and_how_to_relax_them() -> None:
    pool = Pool.from_columns({"size": ["s", "s", "m", "m", "l"], "ai": ["y", "n", "n", "n", "y"]})
    with pytest.raises(InfeasibleQuotasError, match="size=l needs at least 2") as error:
        leximin_lottery(pool, Quotas(3, {"size": {"l": (2, 2)}}))
    assert [str(change) for change in error.value.relaxation] == ["size=l: min 2 → 1"]
    with pytest.raises(ValueError, match="size: minimums add up to 4, more than 3 seats"):
        leximin_lottery(pool, Quotas(3, {"size": {"s": (2, 2), "m": (2, 2)}}))
    with pytest.raises(ValueError, match="maximums add up to 2, fewer than 3 seats"):
        leximin_lottery(pool, Quotas(3, {"ai": {"y": (0, 1), "n": (0, 1)}}))


def test_it_names_quotas_that_clash_only_together() -> None:
    pool = Pool.from_columns({"size": ["s", "s", "l", "l"], "ai": ["y", "y", "n", "n"]})
    quotas = Quotas(2, {"size": {"s": (2, 2)}, "ai": {"n": (1, 2)}})
    with pytest.raises(InfeasibleQuotasError, match="cannot all be met together") as error:
        nash_lottery(pool, quotas)
    assert (
        sum(abs(c.new[0] - c.old[0]) + abs(c.new[1] - c.old[1]) for c in error.value.relaxation)
        == 1
    )
    # Relaxing one bound suffices, but both quotas are part of the clash.
    assert "size=s (min 2, max 2)" in error.value.problems[0]
    assert "ai=n (min 1, max 2)" in error.value.problems[0]
    assert error.value.clashing == (("size", "s"), ("ai", "n"))


def test_it_names_the_quota_beyond_its_pool_as_the_clash() -> None:
    pool = Pool.from_columns({"size": ["s", "s", "m", "m", "l"]})
    with pytest.raises(InfeasibleQuotasError) as error:
        leximin_lottery(pool, Quotas(3, {"size": {"l": (2, 2), "s": (0, 2)}}))
    assert error.value.clashing == (("size", "l"),)


def test_it_builds_quotas_around_population_shares() -> None:
    pool = Pool.from_columns({"size": ["s"] * 6 + ["l"] * 4})
    assert proportional_quotas(pool, 5).bounds == {"size": {"l": (2, 2), "s": (3, 3)}}
    weighted = proportional_quotas(pool, 5, weights=[1] * 6 + [6] * 4, slack=0.2)
    assert weighted.bounds == {"size": {"l": (3, 5), "s": (0, 2)}}


def test_it_runs_the_council_example_in_the_docs(capsys: pytest.CaptureFixture[str]) -> None:
    council_example().main()
    printed = capsys.readouterr().out
    assert "min probability 0.0414 (k/n = 0.0414)" in printed
    drawn = printed.split("Drawn council: ")[1].splitlines()[0].split(", ")
    assert len(drawn) == 12
    assert "size       TVD                      0.293" in printed
    assert "Worst represented first: size, region" in printed
