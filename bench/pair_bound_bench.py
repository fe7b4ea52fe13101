"""The fewest votes a fixed pair design that knows the true strengths needs for τ ≥ 0.9.

The grid of ``pair_design_bench`` asks the adaptive design for at most 0.8× catch-up's votes in
every cell. A design can save votes in two ways: by how it spreads the votes over the pairs
(the allocation), and by reacting to the votes already cast (a pair that the current fit
misorders gets votes, whatever the truth). This benchmark measures the first alone: the best
allocation, fixed for the round, when the answer is known. Where the adaptive design needs
fewer votes than that, its gain comes from reacting to the votes.

To first order in the votes, the fitted log-strengths are Gaussian around the truth with the
inverse of the Fisher information as covariance (the design's information matrix, Chaloner, K. &
Verdinelli, I. (1995), "Bayesian experimental design: a review", *Statistical Science* 10(3),
273-304). A design shows pair ``(i, j)`` ``w_ij`` times; each showing carries information
``I(Δ_ij)`` about ``Δ_ij = θ_i - θ_j`` under the bench's voters (a coin flip from 10 % of them,
"kan inte avgöra" answers dropped, as the fit drops them). The information matrix is the
Laplacian with conductances ``w_ij I(Δ_ij)``, and the variance of an estimated difference is the
effective resistance ``R_ij`` between the two items in that network (Ghosh, A., Boyd, S. &
Saberi, A. (2008), "Minimizing effective resistance of a graph", *SIAM Review* 50(1), 37-66).
The expected number of pairs the fit puts in the wrong order is
``D(w) = Σ_{i<j} Φ(-|Δ_ij| / √R_ij)``, and the expected Kendall's τ is ``1 - 2 D / P`` over the
``P`` pairs. Catch-up shows every pair about equally often, the uniform design.

For each truth of the grid's report seeds the benchmark searches the design, knowing ``Δ``, that
reaches expected τ = 0.9 with the fewest votes (exponentiated-gradient descent on the shares of
the pairs, from three starts: uniform, the pairs of close neighbours, and shares ∝ the density
of items around each pair), and reports its votes over the uniform design's. The search can find
a local optimum only (``D`` is not convex in ``w``), so the ratio says what a fixed design that
knows the truth achieves, not a proven floor, and it is no floor at all for adaptive designs.
The second table runs that design, fixed, in the grid's simulator with the survey's fit.
``RADSLAG_BENCH_QUICK=1``: 10 seeds.
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np
from scipy.special import expit, ndtr

from bench.pair_design_bench import (
    CANNOT_DECIDE,
    CATCH_UP,
    NOISY_SHARE,
    REPORT_SEEDS,
    SIZES,
    SPREADS,
    Settings,
    compare_votes,
    draw_pairs,
    run_round,
    run_single_threaded,
    true_strengths,
)
from radslag.decide.rankings.bradley_terry import PairwiseFit
from radslag.decide.validation import FloatArray, IntArray

TAU_GOAL = 0.9
STARTS = ("uniform", "neighbours", "density")
# 80 steps and 2 rounds already agree with 400 and 3 to four digits on the 100-item cells.
STEPS = 100
ROUNDS = 2
# The least share of the votes a pair keeps, times the number of pairs.
FLOOR = 1e-6
WORKERS = 2
ORACLE = "design knowing the truth"
# (σ, votes per item): the grid's budget at σ = 1, five times it at σ = 0.5.
SIMULATED_CELLS = ((0.5, 1500), (1.0, 300))


def information(delta: FloatArray) -> FloatArray:
    """Fisher information about ``Δ`` in one showing of a pair, under the bench's voters."""
    p = expit(delta)
    decided = 1.0 - CANNOT_DECIDE * (1.0 - np.abs(2.0 * p - 1.0))
    slope = (1.0 - NOISY_SHARE) * p * (1.0 - p)
    left_wins = NOISY_SHARE / 2 + (1.0 - NOISY_SHARE) * p
    return np.asarray(decided * slope**2 / (left_wins * (1.0 - left_wins)), dtype=np.float64)


class Truth:
    """One round's true log-strengths, with the pairs' differences and information."""

    def __init__(self, log_strengths: FloatArray) -> None:
        self.n = len(log_strengths)
        self.first, self.second = np.triu_indices(self.n, k=1)
        self.gap = np.abs(log_strengths[self.first] - log_strengths[self.second])
        self.information = information(self.gap)
        self.log_strengths = log_strengths

    def resistances(self, votes: FloatArray) -> FloatArray:
        """Variance of each estimated difference when pair k is shown ``votes[k]`` times."""
        return self._pair_spread(self._pseudo_inverse(votes))

    def discordance(self, votes: FloatArray) -> float:
        """Expected number of pairs the fit puts in the wrong order."""
        return float(ndtr(-self.gap / np.sqrt(self.resistances(votes))).sum())

    def gradient(self, votes: FloatArray) -> tuple[float, FloatArray]:
        """``D`` and its derivative in each pair's votes.

        ``∂R_ab/∂w_k = -I_k (b_abᵀ L⁺ b_k)²``, so ``∂D/∂w_k = -I_k b_kᵀ L⁺ C L⁺ b_k`` with ``C``
        the Laplacian of ``c_ab = φ(z_ab) |Δ_ab| / (2 R_ab^{3/2})``.
        """
        pseudo_inverse = self._pseudo_inverse(votes)
        resistance = self._pair_spread(pseudo_inverse)
        z = self.gap / np.sqrt(resistance)
        weight = np.exp(-0.5 * z**2) / np.sqrt(2.0 * np.pi) * self.gap / (2.0 * resistance**1.5)
        sandwich = pseudo_inverse @ self._laplacian(weight) @ pseudo_inverse
        return float(ndtr(-z).sum()), -self.information * self._pair_spread(sandwich)

    def votes_for_goal(self, shares: FloatArray) -> float:
        """Votes at which the design with these shares reaches expected τ = 0.9.

        ``R`` scales as ``1 / votes`` for fixed shares, so one solve gives ``R`` per vote and
        the votes follow by bisection on ``D``.
        """
        allowed = (1.0 - TAU_GOAL) / 2.0 * len(self.gap)
        unit = self.resistances(shares)
        low, high = 1.0, 1e9
        for _ in range(60):
            middle = np.sqrt(low * high)
            discordant = ndtr(-self.gap * np.sqrt(middle / unit)).sum()
            low, high = (middle, high) if discordant > allowed else (low, middle)
        return float(high)

    def _pair_spread(self, matrix: FloatArray) -> FloatArray:
        """``(e_a - e_b)ᵀ M (e_a - e_b)`` for every pair ``a < b``."""
        diagonal = matrix.diagonal()
        return np.asarray(
            diagonal[self.first] + diagonal[self.second] - 2.0 * matrix[self.first, self.second]
        )

    def _laplacian(self, weights: FloatArray) -> FloatArray:
        matrix = np.zeros((self.n, self.n))
        matrix[self.first, self.second] = -weights
        matrix[self.second, self.first] = -weights
        matrix[np.diag_indices(self.n)] = -matrix.sum(axis=1)
        return matrix

    def _pseudo_inverse(self, votes: FloatArray) -> FloatArray:
        laplacian = self._laplacian(votes * self.information)
        ones = np.full((self.n, self.n), 1.0 / self.n)
        return np.asarray(np.linalg.inv(laplacian + ones) - ones)


def start_shares(truth: Truth, start: str) -> FloatArray:
    """A first design to improve: uniform, close neighbours, or ∝ the density around a pair."""
    if start == "uniform":
        shares = np.ones(len(truth.gap))
    elif start == "neighbours":
        typical = np.median(np.abs(np.diff(np.sort(truth.log_strengths))))
        shares = np.exp(-truth.gap / (4.0 * typical)) + 1e-3
    else:
        order = np.sort(truth.log_strengths)
        bandwidth = 1.06 * np.std(order) * truth.n ** (-0.2)
        centre = (truth.log_strengths[:, None] - order[None, :]) / bandwidth
        density = np.exp(-0.5 * centre**2).sum(axis=1)
        shares = (density[truth.first] * density[truth.second]) ** (1 / 3) * np.exp(
            -truth.gap / np.std(order)
        )
    return np.asarray(shares / shares.sum())


def improve(truth: Truth, shares: FloatArray) -> tuple[FloatArray, float]:
    """Exponentiated-gradient descent on the shares; returns them and their votes to the goal."""
    votes = truth.votes_for_goal(shares)
    for _ in range(ROUNDS):
        step = 0.0
        current, slope = truth.gradient(shares * votes)
        for _ in range(STEPS):
            # The gradient on the simplex: against the shares' own average slope.
            centred = slope - float(shares @ slope)
            largest = float(np.abs(centred).max())
            # No share moves by more than a factor e² per step, and none reaches zero: a pair
            # dropped from the design can cut the items apart, where the variances are infinite.
            step = min(step or 0.5 / largest, 2.0 / largest)
            trial = np.maximum(shares * np.exp(-step * centred), FLOOR / len(shares))
            trial /= trial.sum()
            try:
                value, trial_slope = truth.gradient(trial * votes)
            except np.linalg.LinAlgError:
                value = np.inf
            if value < current:
                shares, current, slope = trial, value, trial_slope
                step *= 1.2
            else:
                step *= 0.5
                if step * largest < 1e-6:
                    break
        votes = truth.votes_for_goal(shares)
    return shares, votes


def best_design(truth: Truth) -> tuple[FloatArray, float, str]:
    """The best shares found over the starts, their votes to the goal, and the start."""
    best: tuple[FloatArray, float, str] | None = None
    for start in STARTS:
        shares, votes = improve(truth, start_shares(truth, start))
        if best is None or votes < best[1]:
            best = shares, votes, start
    assert best is not None
    return best


def round_truth(n: int, spread: float, seed: int) -> Truth:
    """The same truth as the grid's round for this cell and seed."""
    return Truth(true_strengths(n, spread, seed))


def oracle_ratio(task: tuple[int, float, int]) -> tuple[float, str]:
    """Best votes to the goal over the starts, as a share of the uniform design's."""
    truth = round_truth(*task)
    uniform = truth.votes_for_goal(np.full(len(truth.gap), 1.0 / len(truth.gap)))
    _, votes, start = best_design(truth)
    return votes / uniform, start


def simulate(task: tuple[int, float, int, str, int]) -> int | None:
    """Votes to τ ≥ 0.9 for good in the grid's simulated round, for catch-up or the oracle."""
    n, spread, seed, method, votes_per_item = task
    if method == CATCH_UP:
        return run_round(n, spread, seed, CATCH_UP, Settings(), votes_per_item).tau
    truth = round_truth(n, spread, seed)
    cumulative = np.cumsum(best_design(truth)[0])

    def draw(batch: int, rng: np.random.Generator, _fit: PairwiseFit | None) -> IntArray:
        return draw_pairs(truth.first, truth.second, cumulative, batch, rng)

    return run_round(n, spread, seed, ORACLE, Settings(), votes_per_item, draw).tau


def main() -> None:
    """Print the first-order ratios per cell, then the simulated check at 100 items."""
    if os.environ.get("OPENBLAS_NUM_THREADS") != "1":
        run_single_threaded("bench.pair_bound_bench")
        return
    print_first_order()
    print_simulated()


def print_simulated() -> None:
    """The design found, fixed for the round, in the grid's simulator against catch-up."""
    seeds = _seeds()
    started = time.perf_counter()
    print("### The same design in the grid's simulator, 100 items\n")
    print(
        "| σ | votes per item | τ ≥ 0.9: design knowing the truth | catch-up | ratio | "
        "first-order ratio |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for spread, votes_per_item in SIMULATED_CELLS:
        tasks = [
            (100, spread, seed, method, votes_per_item)
            for seed in seeds
            for method in (ORACLE, CATCH_UP)
        ]
        with ProcessPoolExecutor(WORKERS) as pool:
            reached = list(pool.map(simulate, tasks, chunksize=1))
            predicted = list(pool.map(oracle_ratio, [(100, spread, s) for s in seeds]))
        compared = compare_votes(reached[0::2], reached[1::2], 100 * votes_per_item)
        print(
            f"| {spread} | {votes_per_item} | {compared} | "
            f"{np.median([ratio for ratio, _ in predicted]):.3f} |"
        )
    minutes = (time.perf_counter() - started) / 60
    print(
        f"\nSeeds {seeds[0]}–{seeds[-1]}, {WORKERS} processes, {minutes:.1f} min; votes to τ ≥ 0.9 "
        "for good, as in the grid, with the survey's fit.\n",
        flush=True,
    )


def _seeds() -> list[int]:
    quick = os.environ.get("RADSLAG_BENCH_QUICK") == "1"
    return list(REPORT_SEEDS)[:10] if quick else list(REPORT_SEEDS)


def print_first_order() -> None:
    """Print, per cell, the median ratio of the best design found to the uniform design."""
    seeds = _seeds()
    sizes = SIZES[:1] if os.environ.get("RADSLAG_BENCH_QUICK") == "1" else SIZES
    cells = [(n, spread) for n in sizes for spread in SPREADS]
    tasks = [(n, spread, seed) for n, spread in cells for seed in seeds]
    started = time.perf_counter()
    with ProcessPoolExecutor(WORKERS) as pool:
        results = list(pool.map(oracle_ratio, tasks, chunksize=1))
    minutes = (time.perf_counter() - started) / 60
    print(f"### A design that knows the truth: votes to expected τ ≥ {TAU_GOAL} over catch-up's\n")
    print(
        f"Seeds {seeds[0]}–{seeds[-1]} (the grid's report seeds), {WORKERS} processes, "
        f"{minutes:.1f} min; first-order variances, exponentiated-gradient search from "
        f"{', '.join(STARTS)}.\n"
    )
    print("| items | σ | ratio: median | lowest | highest | best start (count) |")
    print("|---:|---:|---:|---:|---:|---|")
    for index, (n, spread) in enumerate(cells):
        chunk = results[index * len(seeds) : (index + 1) * len(seeds)]
        ratios = np.array([ratio for ratio, _ in chunk])
        starts = [start for _, start in chunk]
        counted = ", ".join(f"{s} {starts.count(s)}" for s in STARTS if starts.count(s))
        print(
            f"| {n} | {spread} | **{np.median(ratios):.3f}** | {ratios.min():.3f} | "
            f"{ratios.max():.3f} | {counted} |"
        )
    print(flush=True)
