"""Votes needed: the adaptive pair design against All Our Ideas' catch-up, over a grid.

Grid: log-strengths ~ N(0, σ²) for σ = 0.25, 0.5, 1, 2; 100 and 300 items; in every cell 10 % of
the votes come from noisy voters (a coin flip) and a voter answers "kan inte avgöra" with
probability 0.2 · (1 - |2p - 1|), p the true chance that the left item wins (a fifth of the
coin-flip pairs, none of the clear ones); such an answer costs a vote and tells the fit nothing.
Budget: 300 votes per item (30 000 for 100 items, 90 000 for 300).

Each round refits ``fit_bradley_terry`` as the survey does, when the votes have grown by a
twentieth (at least 100), and ranks by it; only the choice of pairs differs. The adaptive
design runs with the round's goal set as a convener would: the full order for Kendall's τ,
the top 10 for the top-10 precision. A goal counts as reached at the vote count after which it
held at every later refit up to the budget; a round that never settles counts as above it.

Seeds: the design's settings (``DEFAULT_PAIRS_PER_ITEM``, ``DEFAULT_PATIENCE``,
``DEFAULT_EXPLORATION``) were chosen on
``TUNING_SEEDS`` only; the grid reports ``REPORT_SEEDS``, which nothing was chosen on.
``RADSLAG_BENCH_QUICK=1``: 100 items, 10 report seeds.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy.special import expit

from radslag.decide.rankings.bradley_terry import PairwiseFit, fit_bradley_terry
from radslag.decide.rankings.pair_design import (
    DEFAULT_EXPLORATION,
    DEFAULT_PAIRS_PER_ITEM,
    DEFAULT_PATIENCE,
    advance_since_shown,
    design_pairs,
    propose_pairs,
    starvation_bound,
)
from radslag.decide.validation import FloatArray, IntArray

SPREADS = (0.25, 0.5, 1.0, 2.0)
SIZES = (100, 300)
VOTES_PER_ITEM = 300
# Where neither method reaches τ ≥ 0.9 within the grid's budget, the ratio is measured again
# with five times the votes: `RADSLAG_PAIR_EXTENDED=1` for 100 items at the two lowest spreads,
# `RADSLAG_PAIR_EXTENDED=300` for 300 items at σ = 0.5 (at σ = 0.25, 100 items with that budget
# reach τ ≥ 0.9 on about a quarter of the seeds only).
EXTENDED_VOTES_PER_ITEM = 1500
EXTENDED_CELLS = {"1": ((100,), SPREADS[:2]), "300": ((300,), SPREADS[1:2])}
TUNING_SEEDS = range(1000, 1040)
REPORT_SEEDS = range(5000, 5040)
NOISY_SHARE = 0.1
CANNOT_DECIDE = 0.2
TOP_K = 10
TAU_GOAL = 0.9
PRECISION_GOAL = 0.9
FIRST_BATCH = 100
BATCH_SHARE = 0.05
WORKERS = 2
TIMING_CALLS = 200

_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
PairSource = Callable[[int, np.random.Generator, PairwiseFit | None], IntArray]
CATCH_UP, ORDER, TOP = "catch-up", "adaptive, goal: full order", "adaptive, goal: top 10"


@dataclass(frozen=True)
class Settings:
    pairs_per_item: float = DEFAULT_PAIRS_PER_ITEM
    patience: float = DEFAULT_PATIENCE
    exploration: float = DEFAULT_EXPLORATION


@dataclass(frozen=True)
class Outcome:
    """One simulated round: votes after which each goal held for good (None: not in budget)."""

    tau: int | None
    precision: int | None
    tau_at_budget: float
    precision_at_budget: float


def main() -> None:
    """Print the grid, from a child process with single-threaded BLAS (steadier on 2 cores)."""
    if os.environ.get("OPENBLAS_NUM_THREADS") == "1":
        quick = os.environ.get("RADSLAG_BENCH_QUICK") == "1"
        _print_timing()
        seeds = list(REPORT_SEEDS)[:10] if quick else list(REPORT_SEEDS)
        extended = os.environ.get("RADSLAG_PAIR_EXTENDED")
        if extended in EXTENDED_CELLS:
            sizes, spreads = EXTENDED_CELLS[extended]
            print_grid(seeds, sizes, Settings(), spreads, EXTENDED_VOTES_PER_ITEM)
            return
        print_grid(seeds, SIZES[:1] if quick else SIZES, Settings())
        return
    run_single_threaded("bench.pair_design_bench")


def run_single_threaded(module: str) -> None:
    """Run ``module.main()`` in a child process with single-threaded BLAS."""
    single_threaded = dict.fromkeys(_THREAD_VARIABLES, "1")
    root = str(Path(__file__).resolve().parent.parent)
    search_path = os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))
    subprocess.run(
        [sys.executable, "-c", f"import {module} as b; b.main()"],
        env={**os.environ, **single_threaded, "PYTHONPATH": search_path},
        check=True,
    )


def print_grid(
    seeds: list[int],
    sizes: tuple[int, ...],
    settings: Settings,
    spreads: tuple[float, ...] = SPREADS,
    votes_per_item: int = VOTES_PER_ITEM,
) -> None:
    """Simulate every cell for ``seeds`` and print the grid as bench/README.md shows it."""
    cells = [(n, spread) for n in sizes for spread in spreads]
    tasks = [
        (n, spread, seed, method, settings, votes_per_item)
        for n, spread in cells
        for seed in seeds
        for method in (CATCH_UP, ORDER, TOP)
    ]
    started = time.perf_counter()
    with ProcessPoolExecutor(WORKERS) as pool:
        outcomes = list(pool.map(_run_task, tasks, chunksize=1))
    seconds = time.perf_counter() - started
    results = {task[:4]: outcome for task, outcome in zip(tasks, outcomes, strict=True)}
    print(
        f"### Votes needed, {len(seeds)} seeds ({seeds[0]}–{seeds[-1]}), pairs per item "
        f"{settings.pairs_per_item}, patience {settings.patience}, exploration "
        f"{settings.exploration}\n"
    )
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')} UTC, {platform.node()}, Python "
        f"{platform.python_version()}, {WORKERS} processes, {seconds / 60:.1f} min. Median votes "
        f"(reached: seeds within the budget of {votes_per_item} votes per item); at budget: "
        "median over seeds of the measure after the last vote.\n"
    )
    print(
        "| items | σ | τ ≥ 0.9: adaptive | catch-up | ratio | τ at budget | "
        "top-10 ≥ 0.9: adaptive | catch-up | ratio | top-10 at budget |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, spread in cells:
        budget = votes_per_item * n
        base = [results[n, spread, seed, CATCH_UP] for seed in seeds]
        order = [results[n, spread, seed, ORDER] for seed in seeds]
        top = [results[n, spread, seed, TOP] for seed in seeds]
        tau = compare_votes([r.tau for r in order], [r.tau for r in base], budget)
        precision = compare_votes([r.precision for r in top], [r.precision for r in base], budget)
        tau_end = _pair_of_medians(
            [r.tau_at_budget for r in order], [r.tau_at_budget for r in base]
        )
        top_end = _pair_of_medians(
            [r.precision_at_budget for r in top], [r.precision_at_budget for r in base]
        )
        print(f"| {n} | {spread} | {tau} | {tau_end} | {precision} | {top_end} |")
    print(flush=True)


def compare_votes(ours: list[int | None], theirs: list[int | None], budget: int) -> str:
    """Median votes and seeds reached for both methods, and their ratio, as table cells."""
    ours_median, theirs_median = _median(ours, budget), _median(theirs, budget)
    reached = f"{sum(v is not None for v in ours)}/{len(ours)}"
    reached_base = f"{sum(v is not None for v in theirs)}/{len(theirs)}"
    if theirs_median > budget:
        ratio = "catch-up not in budget"
    else:
        ratio = f"**{ours_median / theirs_median:.2f}**"
    return (
        f"{_shown(ours_median, budget)} ({reached}) | {_shown(theirs_median, budget)} "
        f"({reached_base}) | {ratio}"
    )


def _pair_of_medians(ours: list[float], theirs: list[float]) -> str:
    return f"{np.median(ours):.3f} vs {np.median(theirs):.3f}"


def _median(values: list[int | None], budget: int) -> float:
    # Rounds that never reach a goal count as above the budget, so the median stays honest.
    return float(np.median([budget + 1 if v is None else v for v in values]))


def _shown(votes: float, budget: int) -> str:
    return f"> {budget:,}" if votes > budget else f"{votes:,.0f}"


def _run_task(task: tuple[int, float, int, str, Settings, int]) -> Outcome:
    n, spread, seed, method, settings, votes_per_item = task
    return run_round(n, spread, seed, method, settings, votes_per_item)


def run_round(
    n: int,
    spread: float,
    seed: int,
    method: str,
    settings: Settings,
    votes_per_item: int = VOTES_PER_ITEM,
    source: PairSource | None = None,
) -> Outcome:
    """Simulate one round to the budget; the truth depends on the cell and seed only.

    ``source(batch, rng, fit)`` draws the pairs instead of ``method`` (which still seeds the
    voters' answers), given the latest fit (None before the first vote): ``pair_bound_bench``
    and ``pair_reaction_bench`` run their yardsticks through it.
    """
    truth = true_strengths(n, spread, seed)
    rng = np.random.default_rng([seed, n, round(spread * 100), len(method)])
    true_top = set(np.argsort(-truth)[:TOP_K].tolist())
    budget = votes_per_item * n
    wins = np.zeros((n, n))
    pair_shows = np.zeros((n, n))
    since: FloatArray | None = None
    fit: PairwiseFit | None = None
    votes = 0
    checkpoints: list[tuple[int, float, float]] = []
    while votes < budget:
        batch = min(max(FIRST_BATCH, int(votes * BATCH_SHARE)), budget - votes)
        if source is not None:
            pairs = source(batch, rng, fit)
        elif method == CATCH_UP:
            pairs = _catch_up(pair_shows, batch, rng)
        else:
            # The design plans for the votes until the next refit, as the survey's does.
            pairs = propose_pairs(
                fit,
                n,
                batch,
                rng,
                top_k=TOP_K if method == TOP else None,
                since_shown=since,
                patience=settings.patience,
                pairs_per_item=settings.pairs_per_item,
                exploration=settings.exploration,
            )
            since = advance_since_shown(since, pairs, n)
        np.add.at(pair_shows, (pairs.min(axis=1), pairs.max(axis=1)), 1)
        winners, losers = _answers(truth, pairs, rng)
        np.add.at(wins, (winners, losers), 1)
        votes += batch
        winner, loser = np.nonzero(wins)
        fit = fit_bradley_terry(winner, loser, n, weights=wins[winner, loser])
        found = len(true_top & set(fit.order[:TOP_K].tolist())) / TOP_K
        checkpoints.append((votes, _kendall_tau(fit.log_strengths, truth), found))
    counts, taus, precisions = (np.array(column) for column in zip(*checkpoints, strict=True))
    return Outcome(
        tau=_reached_for_good(counts, taus >= TAU_GOAL),
        precision=_reached_for_good(counts, precisions >= PRECISION_GOAL),
        tau_at_budget=float(taus[-1]),
        precision_at_budget=float(precisions[-1]),
    )


def true_strengths(n: int, spread: float, seed: int) -> FloatArray:
    """The round's true log-strengths: they depend on the cell and the seed only."""
    return np.random.default_rng([seed, n, round(spread * 100)]).normal(0.0, spread, n)


def _answers(
    truth: FloatArray, pairs: IntArray, rng: np.random.Generator
) -> tuple[IntArray, IntArray]:
    """Winners and losers of the decisive answers; "kan inte avgöra" answers are dropped."""
    left, right = pairs[:, 0], pairs[:, 1]
    p = expit(truth[left] - truth[right])
    undecided = rng.random(len(p)) < CANNOT_DECIDE * (1.0 - np.abs(2.0 * p - 1.0))
    noisy = rng.random(len(p)) < NOISY_SHARE
    left_wins = rng.random(len(p)) < np.where(noisy, 0.5, p)
    decisive = ~undecided
    winners = np.where(left_wins, left, right)[decisive]
    losers = np.where(left_wins, right, left)[decisive]
    return winners, losers


def _catch_up(pair_shows: FloatArray, batch: int, rng: np.random.Generator) -> IntArray:
    """AOI catch-up: pair k drawn ∝ min(1 / (n_k + 1), 0.05), n_k its shows so far.

    The weights are taken at the batch's start; they are all 0.05 until a pair has been shown
    19 times, which at 300 votes per item almost never happens, so this is the exact rule.
    """
    n = len(pair_shows)
    first, second = np.triu_indices(n, k=1)
    weights = np.minimum(1.0 / (pair_shows[first, second] + 1.0), 0.05)
    return draw_pairs(first, second, np.cumsum(weights), batch, rng)


def draw_pairs(
    first: IntArray,
    second: IntArray,
    cumulative: FloatArray,
    batch: int,
    rng: np.random.Generator,
) -> IntArray:
    """``batch`` pairs ``(first[k], second[k])`` drawn ∝ weight, each side first half the time."""
    chosen = np.searchsorted(cumulative, rng.random(batch) * cumulative[-1], side="right")
    chosen = np.minimum(chosen, len(first) - 1)
    pairs = np.column_stack([first[chosen], second[chosen]]).astype(np.int64)
    swap = rng.random(batch) < 0.5
    pairs[swap] = pairs[swap, ::-1]
    return pairs


def _kendall_tau(estimate: FloatArray, truth: FloatArray) -> float:
    """Kendall's τ for untied data; scipy's general version costs more than a refit here."""
    first, second = np.triu_indices(len(truth), k=1)
    agree = np.sign(estimate[first] - estimate[second]) * np.sign(truth[first] - truth[second])
    return float(agree.mean())


def _reached_for_good(votes: IntArray, met: npt.NDArray[np.bool_]) -> int | None:
    """Votes after which the goal held at every later refit up to the budget, else None."""
    if not met[-1]:
        return None
    missed = np.flatnonzero(~met)
    return int(votes[missed[-1] + 1] if len(missed) else votes[0])


def _print_timing() -> None:
    """Time the design of a fit and the draw on every vote, 300 items, 30 000 votes."""
    n = 300
    rng = np.random.default_rng(7)
    truth = rng.normal(size=n)
    first = rng.integers(0, n, 30_000)
    second = (first + rng.integers(1, n, len(first))) % n
    winners, losers = _answers(truth, np.column_stack([first, second]), rng)
    fit = fit_bradley_terry(winners, losers, n)
    since = rng.integers(0, 100, n)
    print("### Time to propose pairs, 300 items, fit of 30 000 votes\n")
    print(
        f"Draws: median of {TIMING_CALLS} calls, single-threaded BLAS. `design_pairs` runs once per"
    )
    print("fit (the survey keeps it with the fit); `propose` draws the pairs of one page.\n")
    print("| goal | `design_pairs` ms (median of 20) | `propose` 1 pair ms |")
    print("|---|---:|---:|")
    for goal in (None, TOP_K):
        design = design_pairs(fit, n, top_k=goal, horizon=3000)
        # The survey plans for a tenth of its votes: 3 000 here.
        design_ms = _median_ms(partial(design_pairs, fit, n, top_k=goal, horizon=3000), 20)
        draw_ms = _median_ms(partial(design.propose, 1, rng, since_shown=since))
        name = "full order" if goal is None else f"top {goal}"
        print(f"| {name} | {design_ms:.1f} | {draw_ms:.3f} |")
    print(f"\nStarvation bound at 300 items: {starvation_bound(n):,} votes.\n", flush=True)


def _median_ms(call: Callable[[], object], calls: int = TIMING_CALLS) -> float:
    timings = []
    for _ in range(calls):
        started = time.perf_counter()
        call()
        timings.append(time.perf_counter() - started)
    return 1000 * float(np.median(timings))
