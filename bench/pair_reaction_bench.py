"""What reacting to the votes can give, in the two cells where the grid misses its goal.

The grid of ``pair_design_bench`` misses 0.8× catch-up's votes for the full order at σ = 0.5
(with five times its budget, the only way to reach τ ≥ 0.9 there). ``pair_bound_bench`` shows
that the allocation alone, fixed for the round and knowing the truth, saves only about an
eighth of the votes there, so the rest has to come from reacting to the votes already cast.
This benchmark brackets that gain with two designs run in the grid's own simulator, against
catch-up on the same seeds:

* **Sees the fit's errors** (a yardstick, not a design a survey can run): every vote goes to a
  pair drawn uniformly among the pairs the latest fit puts in the wrong order, which it knows
  from the true strengths. It says how far reacting could go with perfect knowledge of where
  the fit is wrong.
* **Posterior draws** (a design a survey could run): for every ``FIRST_BATCH`` votes, one draw
  ``θ̃`` from the fit's Laplace posterior, and the votes go to pairs drawn uniformly among
  those ``θ̃`` orders differently from the fit's estimate. A pair is thus asked in proportion to
  the posterior chance that the fit has it wrong, the probability matching of Thompson, W. R.
  (1933), "On the likelihood that one unknown probability exceeds another in view of the
  evidence of two samples", *Biometrika* 25(3/4), 285-294, here over the set of misordered pairs
  instead of the best arm. It has no setting to tune.

Both start as catch-up does (pairs alike) until the first fit, and fall back to it when their
set of pairs is empty. The planned design's figures for the same seeds are the grid's (the
rounds are deterministic). Report seeds only; ``RADSLAG_BENCH_QUICK=1``: 100 items, 10 seeds.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from bench.pair_design_bench import (
    CATCH_UP,
    EXTENDED_VOTES_PER_ITEM,
    FIRST_BATCH,
    REPORT_SEEDS,
    PairSource,
    Settings,
    compare_votes,
    draw_pairs,
    run_round,
    run_single_threaded,
    true_strengths,
)
from radslag.decide.rankings.bradley_terry import PairwiseFit
from radslag.decide.validation import FloatArray, IntArray

CELLS = ((100, 0.5), (300, 0.5))
SEES_ERRORS = "reacting, sees the fit's errors"
POSTERIOR = "reacting, posterior draws"
METHODS = (SEES_ERRORS, POSTERIOR, CATCH_UP)
WORKERS = 2


def sees_errors(truth: FloatArray) -> PairSource:
    """Pairs drawn alike among those the fit orders against ``truth``."""
    first, second = np.triu_indices(len(truth), k=1)
    truly_first = truth[first] > truth[second]

    def draw(batch: int, rng: np.random.Generator, fit: PairwiseFit | None) -> IntArray:
        if fit is None:
            return _alike(first, second, np.ones(len(first), dtype=bool), batch, rng)
        estimate = fit.log_strengths
        wrong = (estimate[first] > estimate[second]) != truly_first
        return _alike(first, second, wrong, batch, rng)

    return draw


def posterior_draws(n_items: int) -> PairSource:
    """Pairs drawn alike among those a posterior draw orders differently from the estimate."""
    first, second = np.triu_indices(n_items, k=1)

    def draw(batch: int, rng: np.random.Generator, fit: PairwiseFit | None) -> IntArray:
        if fit is None or fit.covariance is None:
            return _alike(first, second, np.ones(len(first), dtype=bool), batch, rng)
        estimate = fit.log_strengths
        # The covariance is of the centred strengths, so singular: draw through its eigenbasis.
        values, vectors = np.linalg.eigh(fit.covariance)
        scale = vectors * np.sqrt(np.clip(values, 0.0, None))
        fitted_first = estimate[first] > estimate[second]
        chunks = []
        for start in range(0, batch, FIRST_BATCH):
            size = min(FIRST_BATCH, batch - start)
            sample = estimate + scale @ rng.standard_normal(n_items)
            doubted = (sample[first] > sample[second]) != fitted_first
            chunks.append(_alike(first, second, doubted, size, rng))
        return np.vstack(chunks)

    return draw


def _alike(
    first: IntArray,
    second: IntArray,
    chosen: np.ndarray,
    batch: int,
    rng: np.random.Generator,
) -> IntArray:
    """``batch`` pairs drawn alike among the ``chosen`` ones (among all if none is chosen)."""
    if not chosen.any():
        chosen = np.ones(len(first), dtype=bool)
    return draw_pairs(first[chosen], second[chosen], np.cumsum(np.ones(chosen.sum())), batch, rng)


def simulate(task: tuple[int, float, int, str]) -> int | None:
    """Votes to τ ≥ 0.9 for good in the grid's simulated round, five times its budget."""
    n, spread, seed, method = task
    source: PairSource | None = None
    if method == SEES_ERRORS:
        source = sees_errors(true_strengths(n, spread, seed))
    elif method == POSTERIOR:
        source = posterior_draws(n)
    return run_round(n, spread, seed, method, Settings(), EXTENDED_VOTES_PER_ITEM, source).tau


def main() -> None:
    """Print votes to τ ≥ 0.9 for both reacting designs against catch-up, per cell."""
    if os.environ.get("OPENBLAS_NUM_THREADS") != "1":
        run_single_threaded("bench.pair_reaction_bench")
        return
    quick = os.environ.get("RADSLAG_BENCH_QUICK") == "1"
    seeds = list(REPORT_SEEDS)[:10] if quick else list(REPORT_SEEDS)
    cells = CELLS[:1] if quick else CELLS
    tasks = [
        (n, spread, seed, method) for n, spread in cells for seed in seeds for method in METHODS
    ]
    started = time.perf_counter()
    with ProcessPoolExecutor(WORKERS) as pool:
        reached = list(pool.map(simulate, tasks, chunksize=1))
    minutes = (time.perf_counter() - started) / 60
    print("### Reacting to the votes: full order, five times the grid's budget\n")
    print(
        f"Seeds {seeds[0]}–{seeds[-1]} (the grid's report seeds), {WORKERS} processes, "
        f"{minutes:.1f} min; median votes to τ ≥ 0.9 for good (seeds reached), as in the grid.\n"
    )
    print("| items | σ | design | τ ≥ 0.9: design | catch-up | ratio |")
    print("|---:|---:|---|---:|---:|---:|")
    per_cell = len(seeds) * len(METHODS)
    for index, (n, spread) in enumerate(cells):
        chunk = reached[index * per_cell : (index + 1) * per_cell]
        base = chunk[METHODS.index(CATCH_UP) :: len(METHODS)]
        for position, method in enumerate(METHODS[:-1]):
            ours = chunk[position :: len(METHODS)]
            compared = compare_votes(ours, base, n * EXTENDED_VOTES_PER_ITEM)
            print(f"| {n} | {spread} | {method} | {compared} |")
    print(flush=True)
