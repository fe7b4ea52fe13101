"""LEXIMIN through the LP relaxation of the quotas, and a walk that decomposes it into panels.

The selection probabilities a lottery can give the candidate types form the polytope
``P_I = conv{x / sizes : x a quota-satisfying composition}``. Column generation
(:mod:`radslag.decide.committee.lottery`) explores ``P_I`` one panel at a time. The LP
relaxation ``P_R = {x / sizes : 0 <= x <= sizes, sum x = k, lower <= incidence @ x <= upper}``
contains ``P_I`` and is described by a few dozen rows, so its LEXIMIN point ``p_R`` costs a
sequence of small LPs. Whenever ``p_R`` lies in ``P_I`` it is the LEXIMIN point of ``P_I`` too:
nothing in ``P_I`` can beat it, since nothing in ``P_R`` does. On assembly-like pools it does
(bench/committee_bench.py), and :func:`face_walk` proves it by writing ``p_R`` as a lottery over
quota-satisfying panels; when the walk stops short, the caller adds panels by column generation
towards ``p_R`` and, should that fail too, falls back to column generation level by level.
"""

from __future__ import annotations

import highspy
import numpy as np

from radslag.decide.committee.lp import PanelFinder, TypedQuotas, column_matrix, quiet_highs
from radslag.decide.validation import BoolArray, FloatArray, IntArray

# A type is pinned at the current level only when its interior dual is above this (and above its
# slack; see pinned_types).
FIX_THRESHOLD = 1e-6
# Interior-point tolerances of the relaxation, tightest first: its level values are the
# lottery's probabilities. Near 1e-10 the interior point can stall on rounding ("no progress"),
# and then a looser tolerance, which it had already met, is used.
IPM_TOLERANCES = (1e-10, 1e-9, 1e-8)
# An interior point whose objective gap is above this is not used; the simplex solves instead.
LEVEL_ACCURACY = 1e-9
# A level value this small is a probability of 0: types no fractional panel can include.
ZERO = 1e-9
# The walk treats a coordinate as on its bound within this, times the mass still to place; the
# absolute error each decision costs stays near 1e-12.
FACE_TOLERANCE = 1e-12
# The walk stops when this little probability is left to place (the final LP re-weighs anyway).
NEGLIGIBLE_MASS = 1e-10
# Any panel on the face will do, so the MIP need not prove optimality.
WALK_MIP_GAP = 1e-2


def pinned_types(free: BoolArray, y: FloatArray, slack: FloatArray) -> IntArray:
    """The free types an interior optimum of a LEXIMIN level pins at the level's value.

    Strict complementarity up to the interior point's tolerance: of a type's dual ``y[t]`` and
    its slack (probability minus the level), one is near zero and the other is not. A type whose
    best probability is only just above the level has a small slack and a ``y[t]`` above any
    absolute threshold, so both tests are needed. Should rounding leave no type pinned, the
    types with the largest dual are.
    """
    pinned = np.flatnonzero(free & (y > FIX_THRESHOLD) & (y > slack))
    if len(pinned) == 0:
        pinned = np.flatnonzero(free & (y >= y[free].max()))
    return pinned.astype(np.int64)


def relaxed_leximin(problem: TypedQuotas) -> tuple[FloatArray, int]:
    """The LEXIMIN selection probabilities over the LP relaxation of the quotas.

    Level by level, as Flanigan et al. (2021, Methods) do over panels, but over the compact
    polytope ``P_R`` (module docstring)::

        maximise   z
        subject to x[t] / sizes[t] - z >= 0           for every free type t
                   x[t] / sizes[t] >= fixed[t]        for every fixed type t
                   sum x = k,  lower <= incidence @ x <= upper,  0 <= x <= sizes

    An interior-point solution is strictly complementary, so every type pinned at the level's
    value in all optima has a positive dual there and is fixed at once (Ogryczak and
    Śliwiński 2006, "On direct methods for lexicographic min-max optimization", LNCS 3982).

    Returns
    -------
    probabilities : FloatArray, shape (n_types,)
        LEXIMIN selection probability of each type over ``P_R``; 0 for types no fractional
        panel includes.
    levels : int
        Levels with a positive value.
    """
    sizes = problem.sizes.astype(np.float64)
    n_types = problem.n_types
    n_quotas = len(problem.lower)
    size = float(problem.panel_size)
    fixed = np.full(n_types, np.nan)
    levels = 0
    while np.isnan(fixed).any():
        free = np.isnan(fixed)
        (rows,) = np.nonzero(free)
        # Columns: x per type, then z. Rows: the quotas, the seat total, one row per free type;
        # a fixed type's probability is a bound on its column.
        matrix = np.zeros((n_quotas + 1 + len(rows), n_types + 1))
        matrix[:n_quotas, :n_types] = problem.incidence
        matrix[n_quotas, :n_types] = 1.0
        matrix[n_quotas + 1 + np.arange(len(rows)), rows] = 1.0 / sizes[rows]
        matrix[n_quotas + 1 :, n_types] = -1.0
        lp = highspy.HighsLp()
        lp.num_row_, lp.num_col_ = matrix.shape
        lp.col_cost_ = np.append(np.zeros(n_types), 1.0)
        lp.col_lower_ = np.append(np.where(free, 0.0, fixed * sizes), 0.0)
        lp.col_upper_ = np.append(sizes, 1.0)
        lp.row_lower_ = np.concatenate([problem.lower, [size], np.zeros(len(rows))])
        lp.row_upper_ = np.concatenate(
            [problem.upper, [size], np.full(len(rows), highspy.kHighsInf)]
        ).astype(np.float64)
        column_matrix(lp, matrix)
        lp.sense_ = highspy.ObjSense.kMaximize
        solution = _interior_solution(lp)
        value = float(solution.col_value[n_types])
        # HiGHS reports the duals of >= rows of a maximisation as non-positive.
        y = np.zeros(n_types)
        y[rows] = -np.asarray(solution.row_dual)[n_quotas + 1 :]
        slack = np.zeros(n_types)
        slack[rows] = np.asarray(solution.row_value)[n_quotas + 1 :]
        pinned = pinned_types(free, y, slack)
        if value <= ZERO:
            value = 0.0
        else:
            levels += 1
        fixed[pinned] = value
    return fixed, levels


def _interior_solution(lp: highspy.HighsLp) -> highspy.HighsSolution:
    """An interior optimum of ``lp``, at the tightest tolerance HiGHS's interior point meets.

    Should none succeed, a simplex vertex: its duals pin fewer types (any optimal dual's
    positive entries are pinned in every optimum), so the remaining pinned types take one more
    level at the same value, and the result does not change.
    """
    for tolerance in (*IPM_TOLERANCES, None):
        highs = quiet_highs()
        # Presolve is off: on levels of value 0 its postsolve has turned an optimal interior
        # point into one with a dual infeasibility, and the small LP does not need it.
        highs.setOptionValue("presolve", "off")
        if tolerance is None:
            highs.setOptionValue("solver", "simplex")
        else:
            highs.setOptionValue("solver", "ipm")
            highs.setOptionValue("run_crossover", "off")
            highs.setOptionValue("ipm_optimality_tolerance", tolerance)
        highs.passModel(lp)
        highs.run()
        # HiGHS calls an "imprecise" interior point optimal when it meets the default
        # tolerances, 1e-7; the objective gap tells whether it met ours.
        if highs.getModelStatus() == highspy.HighsModelStatus.kOptimal and (
            tolerance is None
            or highs.getInfoValue("primal_dual_objective_error")[1] <= LEVEL_ACCURACY
        ):
            return highs.getSolution()
    raise RuntimeError(f"HiGHS could not solve the relaxed level: {highs.getModelStatus()}")


def face_walk(finder: PanelFinder, probabilities: FloatArray) -> tuple[list[IntArray], float]:
    """Quota-satisfying panels whose convex hull holds ``probabilities``, found by walking faces.

    The constructive proof of Carathéodory's theorem (as in Grötschel, Lovász and Schrijver
    1988, "Geometric algorithms and combinatorial optimization", Springer): take the point ``x``
    still to place, find an integer panel ``v`` on the smallest face of ``P_R`` that holds
    ``x`` (the MIP with every bound and quota that ``x`` meets exactly held there), and move
    ``x`` away from ``v`` until it reaches a smaller face. If ``x`` lies in ``P_I``, every panel
    of a lottery for it lies on that face, so the MIP finds one; each step drops the face's
    dimension, so the walk takes at most ``n_types`` steps. Where ``P_I`` is smaller than
    ``P_R``, a step can leave ``P_I`` even from a point inside it; the walk then meets a face
    without a panel and stops. The MIP prefers the types with high probability, which keeps
    the steps long.

    Returns
    -------
    panels : list of IntArray
        Compositions found, in the order of the walk.
    mass : float
        Probability the walk could not place: close to 0 when it succeeded. A walk that meets
        a face without a panel stops there; ``probabilities`` may then lie outside ``P_I``.
    """
    problem = finder.problem
    sizes = problem.sizes.astype(np.float64)
    incidence = problem.incidence.astype(np.float64)
    lower, upper = problem.lower.astype(np.float64), problem.upper.astype(np.float64)
    residual = probabilities * sizes
    mass = 1.0
    panels: list[IntArray] = []
    for _ in range(2 * (problem.n_types + len(lower)) + 10):
        if mass <= NEGLIGIBLE_MASS:
            break
        x = residual / mass
        tolerance = max(FACE_TOLERANCE / mass, 1e-9)
        counts = incidence @ x
        found = finder.best_on_face(
            x / sizes,
            col_lower=np.where(x >= sizes * (1 - tolerance), sizes, 0.0),
            col_upper=np.where(x <= sizes * tolerance, 0.0, sizes),
            row_lower=np.where(counts >= upper - tolerance, upper, lower),
            row_upper=np.where(counts <= lower + tolerance, lower, upper),
            rel_gap=WALK_MIP_GAP,
        )
        if found is None:
            break
        panels.append(found)
        step = _longest_step(x, counts, found.astype(np.float64), sizes, incidence, lower, upper)
        if step <= 0.0:
            break
        residual = np.maximum(residual - step * mass * found, 0.0)
        mass *= 1.0 - step
    return panels, mass


def _longest_step(
    x: FloatArray,
    counts: FloatArray,
    panel: FloatArray,
    sizes: FloatArray,
    incidence: FloatArray,
    lower: FloatArray,
    upper: FloatArray,
) -> float:
    """The largest ``s <= 1`` with ``(x - s panel) / (1 - s)`` still in ``P_R``.

    ``counts`` is ``incidence @ x``, which the caller has already.
    """
    step = 1.0
    # Each bound a <= g(.) <= b, linear g, holds for (x - s v)/(1 - s) while
    # s (g(v) - a) <= g(x) - a and s (b - g(v)) <= b - g(x).
    for at_x, at_panel, low, high in (
        (x, panel, np.zeros_like(sizes), sizes),
        (counts, incidence @ panel, lower, upper),
    ):
        for room, demand in ((at_x - low, at_panel - low), (high - at_x, high - at_panel)):
            binding = demand > 0
            if binding.any():
                step = min(step, float(np.min(room[binding] / demand[binding])))
    return max(step, 0.0)
