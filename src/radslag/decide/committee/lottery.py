"""LEXIMIN, maximin and Nash lotteries over panel compositions.

LEXIMIN tries the LP relaxation first (:mod:`radslag.decide.committee.relaxation`). The
column generation algorithms follow Flanigan, Gölz, Gupta, Hennig and Procaccia (2021), "Fair
algorithms for selecting citizens' assemblies", Nature 596, 548–552 (Methods and their
published code): an LP over the panels found so far, and a MIP (:class:`PanelFinder`) that
finds the quota-satisfying panel most worth adding. Here both run in HiGHS and work on
candidate types (see :mod:`radslag.decide.committee.lp`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from radslag.decide.committee.lp import (
    MARGINAL_TOLERANCE,
    PRICING_GAP,
    LevelLP,
    NashMaster,
    PanelFinder,
    TypedQuotas,
    panel_weights_for_marginals,
)
from radslag.decide.committee.relaxation import face_walk, pinned_types, relaxed_leximin
from radslag.decide.validation import FloatArray, IntArray

# The relaxation's LEXIMIN point is accepted when the panels found give every type its
# probability to within this.
DECOMPOSITION_TOLERANCE = 1e-9
# The progress line that says the relaxation's point is the LEXIMIN lottery.
RELAXATION_EXACT = "relaxation: exact"
# Rounds of column generation that may close the gap a stuck walk leaves before the
# fallback; each round is one LP and up to 1 + EXTRA_PANELS MIPs.
CLOSING_ROUNDS = 50
# Weight of the best duals so far in the point where new panels are priced (Wentges smoothing).
SMOOTHING = 0.5
# Extra MIP solves per LP solve that look for more panels to add (Flanigan et al. use 10).
EXTRA_PANELS = 10
# Nash column generation stops when no panel improves the welfare by more than this fraction
# of the number of candidates (the Frank–Wolfe gap bounds the welfare still to gain).
NASH_GAP = 1e-7
# Multiplicative-weights rounds before column generation. Flanigan et al. run one per candidate;
# over types a few dozen give column generation enough to start from, and every further round
# is a MIP solve: on the 290/12 council, 300 rounds took 2.8 s and 30 rounds 0.4 s, with the
# same selection probabilities (bench/committee_bench.py).
INITIAL_ROUNDS = 30


@dataclass(frozen=True, eq=False)
class TypeLottery:
    """A lottery over compositions, the output of the type-level algorithms.

    Attributes
    ----------
    compositions : IntArray, shape (n_panels, n_types)
        Members taken from each type, one row per panel.
    probabilities : FloatArray, shape (n_panels,)
        Probability of each composition; sums to 1.
    unreachable : IntArray
        Types that no quota-satisfying panel includes.
    levels : int
        LEXIMIN levels solved (1 for maximin, 0 for Nash).
    mip_solves : int
        Panel MIPs solved, including the initial ones.
    """

    compositions: IntArray
    probabilities: FloatArray
    unreachable: IntArray
    levels: int
    mip_solves: int

    def type_probabilities(self, sizes: IntArray) -> FloatArray:
        """Selection probability of a candidate of each type."""
        return np.asarray(self.probabilities @ self.compositions / sizes, dtype=np.float64)


class _Columns:
    """The distinct compositions found so far."""

    def __init__(self) -> None:
        self.rows: list[IntArray] = []
        self._seen: set[bytes] = set()

    def add(self, compositions: list[IntArray]) -> list[IntArray]:
        """Add the compositions not yet known and return them."""
        new = []
        for composition in compositions:
            key = composition.tobytes()
            if key not in self._seen:
                self._seen.add(key)
                self.rows.append(composition)
                new.append(composition)
        return new

    def matrix(self) -> IntArray:
        return np.array(self.rows, dtype=np.int64)


def initial_columns(
    finder: PanelFinder, rounds: int, start: list[IntArray] | None = None
) -> tuple[_Columns, IntArray]:
    """Find diverse panels to start from and the types no panel can include.

    Besides the panels in ``start``, first, as Flanigan et al. do, a few rounds of
    multiplicative weights: each found panel makes its members less attractive for the next.
    Then panels that reach each type not yet covered; a type the MIP cannot include in any
    panel is returned as unreachable.
    """
    sizes = finder.problem.sizes
    columns = _Columns()
    columns.add(start or [])
    weights = np.ones(len(sizes))
    for _ in range(rounds):
        found, _value = finder.best(weights)
        if not found:
            break
        best = found[-1]
        if not columns.add([best]):
            weights = 0.9 * weights + 0.1  # a repeat: flatten the weights to mix things up
        weights = weights * 0.8 ** (best / sizes)
        weights *= len(weights) / weights.sum()
    covered = np.zeros(len(sizes), dtype=bool)
    for composition in columns.rows:
        covered |= composition > 0
    unreachable = []
    while not covered.all():
        # Ask for the panel covering the most still-uncovered types at once.
        found, value = finder.best(np.where(covered, 0.0, 1.0 / sizes))
        if not found or value <= 0.0:
            unreachable = list(np.flatnonzero(~covered))
            break
        columns.add(found)
        for composition in found:
            covered |= composition > 0
    return columns, np.array(unreachable, dtype=np.int64)


def _price(finder: PanelFinder, y: FloatArray, cap: float) -> list[IntArray]:
    """Panels that violate the dual constraint ``sum_t x[t] y[t] / sizes[t] <= cap``."""
    sizes = finder.problem.sizes
    found, value = finder.best(y / sizes)
    if value <= cap + PRICING_GAP:
        return []
    return [p for p in found if float(p @ (y / sizes)) > cap + PRICING_GAP]


def leximin_compositions(
    problem: TypedQuotas,
    *,
    maximin_only: bool = False,
    progress: Callable[[str], None] | None = None,
    use_relaxation: bool = True,
) -> TypeLottery:
    """LEXIMIN (or maximin) lottery over compositions.

    First the shortcut of :mod:`radslag.decide.committee.relaxation`: the LEXIMIN point of the
    quotas' LP relaxation, written as a lottery over quota-satisfying panels by
    :func:`face_walk` (and :func:`_close_gap` when the walk stops short). When that succeeds
    it is the LEXIMIN lottery. Otherwise, and for maximin, the column generation of Flanigan
    et al. (:func:`_leximin_by_levels`) runs, starting from the panels found so far.

    Parameters
    ----------
    problem : TypedQuotas
        The selection problem over types; must be feasible.
    maximin_only : bool
        Stop after the first level: the maximin lottery.
    progress : callable, optional
        Called with a line of text after each step.
    use_relaxation : bool
        Try the relaxation first (LEXIMIN only).

    Returns
    -------
    TypeLottery
        A vertex of the final LP over the panels found, so at most ``n_types + 1``
        compositions.
    """
    finder = PanelFinder(problem)
    report = progress or (lambda message: None)
    start: list[IntArray] = []
    if use_relaxation and not maximin_only:
        try:
            lottery, start = _leximin_by_relaxation(finder, report)
        except RuntimeError as error:
            # A solver failure on the shortcut costs time, not the answer.
            lottery = None
            report(f"relaxation failed ({error})")
        report(RELAXATION_EXACT if lottery else "relaxation: no lottery, column generation follows")
        if lottery is not None:
            return lottery
    return _leximin_by_levels(finder, start, maximin_only, report)


def _leximin_by_relaxation(
    finder: PanelFinder, report: Callable[[str], None]
) -> tuple[TypeLottery | None, list[IntArray]]:
    """The relaxation's LEXIMIN lottery when it is one, and the panels found on the way."""
    problem = finder.problem
    relaxed, levels = relaxed_leximin(problem)
    report(f"LP relaxation: {levels} levels")
    panels, mass = face_walk(finder, relaxed)
    lottery = _lottery_for(problem, panels, relaxed, levels, finder.solves)
    report(f"walk: {len(panels)} panels, {finder.solves} MIPs, probability left {mass:.1e}")
    if lottery is None:
        panels = _close_gap(finder, panels, relaxed)
        report(f"closing the gap: {len(panels)} panels, {finder.solves} MIPs")
        lottery = _lottery_for(problem, panels, relaxed, levels, finder.solves)
    return lottery, panels


def _close_gap(finder: PanelFinder, panels: list[IntArray], target: FloatArray) -> list[IntArray]:
    """More panels, until a lottery over them gives every type ``target`` or none can.

    When the walk gets stuck short of the end, the point it started from may still be a
    lottery: the walk can leave ``P_I`` on the way. Column generation on the LP of
    :meth:`LevelLP.require` decides: it stops when the shortfall is within
    ``DECOMPOSITION_TOLERANCE``, when a Lagrangian bound (the pricing MIP's value at the LP's
    duals minus ``y @ target``) shows that no lottery reaches ``target``, or after
    ``CLOSING_ROUNDS`` rounds.
    """
    sizes = finder.problem.sizes
    columns = _Columns()
    columns.add(panels)
    lp = LevelLP(sizes, np.arange(finder.problem.n_types), tolerance=MARGINAL_TOLERANCE)
    lp.require(target)
    lp.add_panels(columns.rows)
    for _ in range(CLOSING_ROUNDS):
        y, cap, value = lp.solve()
        if value >= -DECOMPOSITION_TOLERANCE:
            break
        found, top = finder.best(y / sizes)
        if top - float(target @ y) < -DECOMPOSITION_TOLERANCE:
            break
        new = columns.add([p for p in found if float(p @ (y / sizes)) > cap + PRICING_GAP])
        if not new:
            break
        new += _more_panels(finder, columns, y, cap, new[-1])
        lp.add_panels(new)
    return columns.rows


def _lottery_for(
    problem: TypedQuotas, panels: list[IntArray], target: FloatArray, levels: int, solves: int
) -> TypeLottery | None:
    """The lottery over ``panels`` that gives every type ``target``, or None when none does."""
    if not panels:
        return None
    compositions = np.unique(np.array(panels, dtype=np.int64), axis=0)
    weights = panel_weights_for_marginals(compositions, problem.sizes, target)
    shortfall = float(np.max(target - weights @ compositions / problem.sizes))
    if shortfall > DECOMPOSITION_TOLERANCE:
        return None
    keep = weights > 0
    unreachable = np.flatnonzero(target == 0.0)
    return TypeLottery(
        compositions[keep], weights[keep] / weights[keep].sum(), unreachable, levels, solves
    )


def _leximin_by_levels(
    finder: PanelFinder,
    start: list[IntArray],
    maximin_only: bool,
    report: Callable[[str], None],
) -> TypeLottery:
    """LEXIMIN (or maximin) lottery by the column generation of Flanigan et al.

    Each level maximises the lowest probability among the types not yet fixed, with the fixed
    types held at their values. The level LP (:class:`LevelLP`) is solved over the panels
    found so far; the MIP then looks for a panel whose dual constraint is violated, and the
    level ends when none is. Types whose dual is positive in an interior optimum are pinned at
    the level's value in every optimum (complementary slackness), so they are fixed together.
    """
    problem = finder.problem
    columns, unreachable = initial_columns(finder, rounds=INITIAL_ROUNDS, start=start)
    n_types = problem.n_types
    fixed = np.full(n_types, np.nan)
    fixed[unreachable] = 0.0
    dual = LevelLP(problem.sizes, np.flatnonzero(np.isnan(fixed)))
    dual.add_panels(columns.rows)
    report(f"{len(columns.rows)} initial panels, {finder.solves} MIP solves")
    levels = 0
    while np.isnan(fixed).any():
        levels += 1
        value = _solve_level(finder, dual, columns, fixed)
        if maximin_only:
            fixed[np.isnan(fixed)] = value
            break
        y, slack = _interior_duals(finder, dual, columns)
        pinned = pinned_types(np.isnan(fixed), y, slack)
        fixed[pinned] = value
        dual.fix(pinned, value)
        report(
            f"level {levels}: probability {value:.6f} for {len(pinned)} types, "
            f"{int(np.isnan(fixed).sum())} left, {len(columns.rows)} panels, {finder.solves} MIPs"
        )
    compositions = columns.matrix()
    weights = panel_weights_for_marginals(compositions, problem.sizes, fixed)
    keep = weights > 0
    probabilities = weights[keep] / weights[keep].sum()
    return TypeLottery(compositions[keep], probabilities, unreachable, levels, finder.solves)


def _interior_duals(
    finder: PanelFinder, lp: LevelLP, columns: _Columns
) -> tuple[FloatArray, FloatArray]:
    """An interior dual optimum of the level over all panels, and each type's slack.

    The level's value is already optimal over all panels, but the interior point of the dual
    optimal face over the panels found so far may be violated by a panel not yet found: add
    such panels, and a few more from the same point, until none is.
    """
    while True:
        y, cap, slack = lp.interior_solution()
        new = columns.add(_price(finder, y, cap))
        if not new:
            return y, slack
        new += _more_panels(finder, columns, y, cap, new[-1])
        lp.add_panels(new)


def _solve_level(finder: PanelFinder, lp: LevelLP, columns: _Columns, fixed: FloatArray) -> float:
    """Add panels until the level LP is optimal over all panels; return the level's value.

    Plain column generation prices at the LP's duals, which jump between extreme points and
    make it add many useless panels. We price instead at a point between those duals and the
    best duals seen so far (Wentges 1997, "Weighted Dantzig–Wolfe decomposition for linear
    mixed-integer programming", Int. Trans. Oper. Res. 4). Every pricing also gives a Lagrangian
    upper bound ``max_P sum_t y[t] x_P[t] / sizes[t] - sum_{t fixed} fixed[t] y[t]`` on the
    level's value; the level ends when the LP's value meets the best bound.
    """
    sizes = finder.problem.sizes
    floor = np.where(np.isfinite(fixed), fixed, 0.0)
    center: FloatArray | None = None
    best_bound = np.inf
    while True:
        y, cap, value = lp.solve()
        new: list[IntArray] = []
        for point in (y,) if center is None else (SMOOTHING * center + (1 - SMOOTHING) * y, y):
            found, top = finder.best(point / sizes)
            bound = top - float(floor @ point)
            if bound < best_bound:
                best_bound, center = bound, point
            new = columns.add([p for p in found if float(p @ (y / sizes)) > cap + PRICING_GAP])
            if new or best_bound <= value + PRICING_GAP:
                break  # a mis-priced smoothed point falls back to the LP's own duals
        if best_bound <= value + PRICING_GAP or not new:
            return value
        new += _more_panels(finder, columns, y, cap, new[-1])
        lp.add_panels(new)


def _more_panels(
    finder: PanelFinder, columns: _Columns, y: FloatArray, cap: float, panel: IntArray
) -> list[IntArray]:
    """More violating panels from one LP solution, as in the maximin heuristic of Flanigan et al.

    Lower the duals of the types on the panel just found until its constraint holds, then ask
    the MIP again: each answer is a different panel that the LP also lacks, found without
    re-solving the LP, which on large pools costs more than a MIP.
    """
    sizes = finder.problem.sizes
    weights, upper = y.copy(), cap
    found: list[IntArray] = []
    for _ in range(EXTRA_PANELS):
        value = float(panel @ (weights / sizes))
        if value <= upper:
            break
        weights[panel > 0] *= upper / value
        total = weights.sum()
        if total <= 0.0:
            break  # no dual weight left off the panels found: nothing else to ask for
        weights, upper = weights / total, upper / total
        answers, _ = finder.best(weights / sizes)
        violating = [p for p in answers if float(p @ (y / sizes)) > cap + PRICING_GAP]
        added = columns.add(violating)
        if not added:
            break
        found += added
        panel = added[-1]
    return found


def nash_compositions(
    problem: TypedQuotas, *, progress: Callable[[str], None] | None = None
) -> TypeLottery:
    """Lottery maximising Nash welfare ``sum_i log p_i`` over compositions.

    Fully corrective Frank–Wolfe (column generation): the restricted problem over the panels
    found so far is solved exactly (:class:`NashMaster`); the MIP then finds the panel with the
    largest gradient ``sum_i x_P[i] / p_i``. At the optimum every panel has gradient at most the
    number of candidates ``n`` (the first-order condition, cf. Flanigan et al. 2021, Methods, on
    the Nash lottery), and ``max_P gradient - n`` bounds the welfare still to gain, so the loop
    stops when that gap is below ``NASH_GAP * n``. Types no panel reaches are left out.
    """
    finder = PanelFinder(problem)
    columns, unreachable = initial_columns(finder, rounds=INITIAL_ROUNDS)
    sizes = problem.sizes
    reachable = np.setdiff1d(np.arange(problem.n_types), unreachable)
    n_reachable = float(sizes[reachable].sum())
    master = NashMaster(sizes, reachable)
    master.add_panels(columns.rows)
    report = progress or (lambda message: None)
    weights = master.solve(np.ones(len(columns.rows)))
    while True:
        p = weights @ columns.matrix() / sizes
        gradient = np.zeros(problem.n_types)
        gradient[reachable] = 1.0 / p[reachable]
        found, value = finder.best(gradient)
        report(f"Nash: {len(columns.rows)} panels, gap {value - n_reachable:.2e}")
        new = columns.add(found) if value - n_reachable > NASH_GAP * n_reachable else []
        if not new:
            break
        master.add_panels(new)
        weights = master.solve(np.append(weights, np.full(len(new), 1e-3)))
    keep = weights > 1e-15
    compositions = columns.matrix()[keep]
    probabilities = weights[keep] / weights[keep].sum()
    return TypeLottery(compositions, probabilities, unreachable, 0, finder.solves)
