"""HiGHS models behind council selection: the panel-finding MIP and the lottery LPs.

Every candidate with the same feature values is interchangeable with every other, so the
models work on *types* (groups of identical candidates) instead of on candidates: a panel is a
*composition*, the number of members taken from each type. Flanigan, Gölz, Gupta, Hennig and
Procaccia (2021), "Fair algorithms for selecting citizens' assemblies", Nature 596, 548–552,
solve the same programs over candidates; by symmetry the leximin, maximin and Nash optima give
equal probabilities to interchangeable candidates, so nothing is lost and the MIP shrinks from
one binary per candidate to one bounded integer per type.
"""

from __future__ import annotations

from dataclasses import dataclass

import highspy
import numpy as np

from radslag.decide.highs_solver import new_highs
from radslag.decide.validation import FloatArray, IntArray

# Column generation stops when no panel beats the restricted dual by more than this. Flanigan et
# al. use 5e-4; we need selection probabilities exact to about 1e-7, so the gap is much tighter.
PRICING_GAP = 1e-9
# Feasibility tolerance of the LP that weighs the final panels; HiGHS's default, 1e-7, would
# let each selection probability fall short of its LEXIMIN value by that much.
MARGINAL_TOLERANCE = 1e-10


@dataclass(frozen=True, eq=False)
class TypedQuotas:
    """A selection problem over candidate types.

    Attributes
    ----------
    sizes : IntArray, shape (n_types,)
        Number of candidates of each type.
    incidence : IntArray, shape (n_quotas, n_types)
        ``incidence[v, t] == 1`` when type ``t`` has feature value ``v``.
    lower, upper : IntArray, shape (n_quotas,)
        Minimum and maximum number of panel members with each feature value.
    panel_size : int
        Number of seats.
    """

    sizes: IntArray
    incidence: IntArray
    lower: IntArray
    upper: IntArray
    panel_size: int

    @property
    def n_types(self) -> int:
        """Number of candidate types."""
        return len(self.sizes)


def quiet_highs(feasibility_tolerance: float | None = None) -> highspy.Highs:
    """A silent, seeded HiGHS; ``feasibility_tolerance`` replaces the primal and dual 1e-7."""
    highs = new_highs()
    # A fixed seed makes every solve, hence every lottery, reproducible. The thread count is
    # left alone: HiGHS's thread pool is global to the process, and asking for another count
    # after any other HiGHS model has run makes every later solve fail.
    highs.setOptionValue("random_seed", 0)
    if feasibility_tolerance is not None:
        highs.setOptionValue("primal_feasibility_tolerance", feasibility_tolerance)
        highs.setOptionValue("dual_feasibility_tolerance", feasibility_tolerance)
    return highs


def column_matrix(lp: highspy.HighsLp, columns: FloatArray) -> None:
    """Store the dense ``columns`` (n_rows, n_cols) as the sparse column-wise matrix of ``lp``."""
    rows, cols = np.nonzero(columns.T)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    starts = np.searchsorted(rows, np.arange(columns.shape[1] + 1))
    lp.a_matrix_.start_ = starts.astype(np.int32)
    lp.a_matrix_.index_ = cols.astype(np.int32)
    lp.a_matrix_.value_ = columns.T[rows, cols].astype(np.float64)


class PanelFinder:
    """The quota MIP of Flanigan et al., built once and re-solved with new objectives only.

    Variables ``x[t]`` in ``0..sizes[t]`` count the members of type ``t``; rows ask for
    ``panel_size`` members in total and ``lower <= incidence @ x <= upper``. Keeping one HiGHS
    model and changing only the costs lets HiGHS reuse its presolve and clique tables.
    """

    def __init__(self, problem: TypedQuotas) -> None:
        self.problem = problem
        self.solves = 0
        n_types = problem.n_types
        lp = highspy.HighsLp()
        lp.num_col_ = n_types
        lp.num_row_ = len(problem.lower) + 1
        lp.col_cost_ = np.zeros(n_types)
        lp.col_lower_ = np.zeros(n_types)
        lp.col_upper_ = problem.sizes.astype(np.float64)
        size = float(problem.panel_size)
        lp.row_lower_ = np.concatenate([[size], problem.lower.astype(np.float64)])
        lp.row_upper_ = np.concatenate([[size], problem.upper.astype(np.float64)])
        column_matrix(lp, np.vstack([np.ones(n_types), problem.incidence]))
        lp.integrality_ = [highspy.HighsVarType.kInteger] * n_types
        lp.sense_ = highspy.ObjSense.kMaximize
        self._highs = quiet_highs()
        self._highs.setOptionValue("mip_rel_gap", 0.0)
        self._highs.setOptionValue("mip_improving_solution_save", True)
        self._highs.passModel(lp)
        self._all = np.arange(n_types, dtype=np.int32)

    def best(self, weights: FloatArray, abs_gap: float = 1e-12) -> tuple[list[IntArray], float]:
        """Return the panel maximising ``weights @ x`` and its value.

        Also return, first in the list, the other improving panels HiGHS met on the way: they
        are quota-satisfying too and often good columns, so column generation gets several
        panels per MIP solve. Returns an empty list when no panel satisfies the quotas.
        """
        scale = float(np.max(np.abs(weights))) or 1.0
        # Scaling the objective to 1 keeps HiGHS's absolute tolerances meaningful.
        self._highs.changeColsCost(len(self._all), self._all, weights / scale)
        self._highs.setOptionValue("mip_abs_gap", abs_gap / scale)
        self._highs.run()
        self.solves += 1
        status = self._highs.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            return [], -np.inf
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"HiGHS could not solve the panel MIP: {status}")
        panels = [np.rint(s.col_value).astype(np.int64) for s in self._highs.getSavedMipSolutions()]
        best = np.rint(self._highs.getSolution().col_value).astype(np.int64)
        panels = [p for p in panels if not np.array_equal(p, best)] + [best]
        return [p for p in panels if self.satisfies_quotas(p)], float(weights @ best)

    def best_on_face(
        self,
        weights: FloatArray,
        *,
        col_lower: FloatArray,
        col_upper: FloatArray,
        row_lower: FloatArray,
        row_upper: FloatArray,
        rel_gap: float,
    ) -> IntArray | None:
        """A good panel within tighter bounds on ``x`` and on the quota rows, or None.

        The bounds must lie within the problem's own; they hold for this solve only. The
        answer is within ``rel_gap`` of the best, which is all a caller that only needs some
        panel on a face of the quota polytope wants.
        """
        problem = self.problem
        self._set_bounds(col_lower, col_upper, row_lower, row_upper)
        self._highs.setOptionValue("mip_rel_gap", rel_gap)
        try:
            found, _value = self.best(weights)
        finally:
            self._highs.setOptionValue("mip_rel_gap", 0.0)
            self._set_bounds(
                np.zeros(problem.n_types),
                problem.sizes.astype(np.float64),
                problem.lower.astype(np.float64),
                problem.upper.astype(np.float64),
            )
        return found[-1] if found else None

    def _set_bounds(
        self,
        col_lower: FloatArray,
        col_upper: FloatArray,
        row_lower: FloatArray,
        row_upper: FloatArray,
    ) -> None:
        self._highs.changeColsBounds(len(self._all), self._all, col_lower, col_upper)
        # Row 0 is the seat total; the quota rows follow.
        for row, (low, high) in enumerate(zip(row_lower, row_upper, strict=True), start=1):
            self._highs.changeRowBounds(row, float(low), float(high))

    def satisfies_quotas(self, composition: IntArray) -> bool:
        """Whether ``composition`` (members per type) is a quota-satisfying panel."""
        problem = self.problem
        counts = problem.incidence @ composition
        return bool(
            composition.sum() == problem.panel_size
            and np.all(composition >= 0)
            and np.all(composition <= problem.sizes)
            and np.all(counts >= problem.lower)
            and np.all(counts <= problem.upper)
        )


class LevelLP:
    """The LP of one LEXIMIN level over the panels found so far (Flanigan et al., Methods).

    Variables are a probability ``q[P]`` per panel found and the level ``z``::

        maximise   z
        subject to sum_P q[P] x_P[t] / sizes[t] >= z           for every free type t
                   sum_P q[P] x_P[t] / sizes[t] >= fixed[t]    for every fixed type t
                   sum_P q[P] <= 1

    Its row duals are the ``y[t]`` and ``ŷ`` of the paper's dual. We solve this primal rather
    than the paper's dual: a new panel is a new column, the basis has one row per type rather
    than one per panel, and HiGHS's primal simplex restarts from the previous basis.
    """

    def __init__(self, sizes: IntArray, free: IntArray, tolerance: float | None = None) -> None:
        self._sizes = sizes.astype(np.float64)
        n_types = len(sizes)
        self._level = 0
        self._total = n_types  # row index of sum_P q[P] <= 1
        self._highs = quiet_highs(tolerance)
        self._highs.setOptionValue("solver", "simplex")
        self._highs.setOptionValue("simplex_strategy", 4)  # primal: new columns keep feasibility
        self._highs.setOptionValue("presolve", "off")
        inf = highspy.kHighsInf
        self._highs.addCol(1.0, -inf, inf, 0, np.zeros(0, dtype=np.int32), np.zeros(0))
        # A type no panel can reach gets the row 0 >= 0, so it does not hold z at zero.
        rows = free.astype(np.int32)
        self._highs.addRows(
            n_types,
            np.zeros(n_types),
            np.full(n_types, inf),
            len(rows),
            np.searchsorted(rows, np.arange(n_types)).astype(np.int32),
            np.zeros(len(rows), dtype=np.int32),
            np.full(len(rows), -1.0),
        )
        self._highs.addRow(-inf, 1.0, 0, np.zeros(0, dtype=np.int32), np.zeros(0))
        self._highs.changeObjectiveSense(highspy.ObjSense.kMaximize)

    def add_panels(self, compositions: list[IntArray]) -> None:
        """Add a probability column for each panel."""
        for composition in compositions:
            (members,) = np.nonzero(composition)
            index = np.append(members, self._total).astype(np.int32)
            values = np.append(composition[members] / self._sizes[members], 1.0)
            self._highs.addCol(0.0, 0.0, highspy.kHighsInf, len(index), index, values)

    def require(self, targets: FloatArray) -> None:
        """Ask every free type for ``targets[t] + z`` instead of ``z``.

        With every type free, the LP's value is then minus the largest shortfall of a lottery
        over the panels from ``targets``: 0 when some lottery gives every type its target.
        """
        for row, target in enumerate(targets):
            self._highs.changeRowBounds(row, float(target), highspy.kHighsInf)

    def fix(self, types: IntArray, probability: float) -> None:
        """Hold ``types`` at ``probability`` from now on instead of at the level ``z``."""
        for row in types.astype(np.int32):
            self._highs.changeCoeff(int(row), self._level, 0.0)
            self._highs.changeRowBounds(int(row), probability, highspy.kHighsInf)

    def solve(self) -> tuple[FloatArray, float, float]:
        """Return the duals ``y`` per type, ``ŷ`` and the level ``z``."""
        self._highs.run()
        if self._highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            # A warm start can end in a basis the simplex gives up on ("unknown"); the same
            # LP from scratch solves.
            self._highs.clearSolver()
            self._highs.run()
        status = self._highs.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"HiGHS could not solve the LEXIMIN level: {status}")
        return self._duals(self._highs)

    def _duals(self, highs: highspy.Highs) -> tuple[FloatArray, float, float]:
        solution = highs.getSolution()
        duals = np.asarray(solution.row_dual)
        # HiGHS reports the duals of >= rows of a maximisation as non-positive.
        y = np.clip(-duals[: self._total], 0.0, None)
        return y, float(duals[self._total]), float(solution.col_value[self._level])

    def interior_solution(self) -> tuple[FloatArray, float, FloatArray]:
        """Re-solve by interior point without crossover; return ``y``, ``ŷ`` and the slacks.

        An interior point of the optimal face is strictly complementary: a type whose
        probability is pinned at this level in every optimum has ``y[t] > 0`` and slack 0, any
        other has ``y[t] = 0`` and a positive slack (its probability minus the level), so all
        pinned types can be fixed at once; a simplex vertex may reveal only one (Flanigan et
        al. use Gurobi's barrier for this).
        """
        highs = quiet_highs()
        highs.setOptionValue("solver", "ipm")
        highs.setOptionValue("run_crossover", "off")
        highs.passModel(self._highs.getLp())
        highs.run()
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"HiGHS interior point failed: {highs.getModelStatus()}")
        y, cap, _value = self._duals(highs)
        slack = np.asarray(highs.getSolution().row_value)[: self._total]
        return y, cap, slack


def panel_weights_for_marginals(
    compositions: IntArray, sizes: IntArray, targets: FloatArray
) -> FloatArray:
    """Probabilities of panels whose type marginals come closest to ``targets`` from above.

    Solves ``min eps`` subject to ``sum_P q_P x_P[t] / sizes[t] >= targets[t] - eps``,
    ``sum_P q_P == 1``, ``q >= 0`` (the final primal of Flanigan et al.); the simplex returns
    a vertex, so at most ``n_types + 1`` panels get positive probability.
    """
    n_panels, n_types = compositions.shape
    shares = (compositions / sizes).T  # (n_types, n_panels)
    matrix = np.vstack(
        [np.hstack([shares, np.ones((n_types, 1))]), np.append(np.ones(n_panels), 0)]
    )
    lp = highspy.HighsLp()
    lp.num_col_ = n_panels + 1
    lp.num_row_ = n_types + 1
    lp.col_cost_ = np.append(np.zeros(n_panels), 1.0)
    lp.col_lower_ = np.zeros(n_panels + 1)
    lp.col_upper_ = np.full(n_panels + 1, highspy.kHighsInf)
    lp.row_lower_ = np.append(targets, 1.0)
    lp.row_upper_ = np.append(np.full(n_types, highspy.kHighsInf), 1.0)
    column_matrix(lp, matrix)
    highs = quiet_highs(MARGINAL_TOLERANCE)
    highs.passModel(lp)
    highs.run()
    if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError(f"HiGHS could not decompose the lottery: {highs.getModelStatus()}")
    weights = np.clip(np.asarray(highs.getSolution().col_value)[:n_panels], 0.0, None)
    return np.asarray(weights / weights.sum(), dtype=np.float64)


class NashMaster:
    """Nash welfare over the panels found so far, by Newton steps with a HiGHS QP per step.

    Maximises ``W(q) = sum_t sizes[t] * log p[t]`` with ``p[t] = sum_P q[P] x_P[t] / sizes[t]``
    over probability vectors ``q``. Each step maximises the second-order Taylor model of ``W``
    around the current ``p``, a concave QP with a diagonal Hessian in ``p`` and linear
    constraints, then backtracks along the step until ``W`` rises enough (Armijo): the damped
    Newton method of Boyd and Vandenberghe, "Convex optimization" (2004), section 10.2, with the
    simplex constraint kept exactly by the QP. Near the optimum steps are full and convergence
    is quadratic, which first-order methods (Frank–Wolfe, cutting planes) do not reach.
    """

    def __init__(self, sizes: IntArray, reachable: IntArray) -> None:
        self._sizes = sizes.astype(np.float64)
        self._types = reachable
        self._panels: list[IntArray] = []

    def add_panels(self, compositions: list[IntArray]) -> None:
        """Make ``compositions`` available to the next :meth:`solve`."""
        self._panels.extend(compositions)

    def welfare(self, q: FloatArray) -> float:
        """``W(q)``, or minus infinity when a reachable type gets probability 0."""
        p = self._shares().T @ q
        return float(self._sizes[self._types] @ np.log(p)) if np.all(p > 0) else -np.inf

    def _shares(self) -> FloatArray:
        """``x_P[t] / sizes[t]`` for reachable types, one row per panel."""
        matrix = np.array(self._panels, dtype=np.float64) / self._sizes
        return np.asarray(matrix[:, self._types])

    def solve(self, start: FloatArray, tolerance: float = 1e-12) -> FloatArray:
        """Panel probabilities maximising Nash welfare, from ``start`` (positive welfare)."""
        shares = self._shares()
        n_panels, n_types = shares.shape
        weights = self._sizes[self._types]
        highs = self._qp(shares)
        q = start / start.sum()
        for _ in range(100):
            p = shares.T @ q
            # Model: maximise sum_t w_t (2 p'_t / p_t - p'_t^2 / (2 p_t^2)), up to a constant.
            curvature = weights / p**2
            highs.changeColsCost(
                n_types, np.arange(n_panels, n_panels + n_types, dtype=np.int32), -2 * weights / p
            )
            index = np.arange(n_types, dtype=np.int32)
            start_index = np.arange(n_panels + n_types + 1, dtype=np.int32)
            start_index[n_panels:] = np.append(index, n_types)
            start_index[:n_panels] = 0
            highs.passHessian(
                n_panels + n_types, n_types, highspy.HessianFormat.kTriangular.value,
                start_index, index + n_panels, curvature,
            )  # fmt: skip
            highs.run()
            if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                raise RuntimeError(f"HiGHS could not solve the Nash QP: {highs.getModelStatus()}")
            target = np.clip(np.asarray(highs.getSolution().col_value)[:n_panels], 0.0, None)
            step = target / target.sum() - q
            change = shares.T @ step
            predicted = float(weights @ (change / p - change**2 / (2 * p**2)))
            if predicted <= tolerance * weights.sum():
                break
            q = self._line_search(q, step, predicted)
        return np.asarray(q, dtype=np.float64)

    def _line_search(self, q: FloatArray, step: FloatArray, predicted: float) -> FloatArray:
        before = self.welfare(q)
        length = 1.0
        while length > 1e-12:
            trial = np.clip(q + length * step, 0.0, None)
            if self.welfare(trial) >= before + 0.25 * length * predicted:
                return np.asarray(trial / trial.sum(), dtype=np.float64)
            length /= 2
        return q

    def _qp(self, shares: FloatArray) -> highspy.Highs:
        """The QP's fixed part: ``p' = shares.T @ q``, ``sum q = 1``, ``q >= 0``."""
        n_panels, n_types = shares.shape
        inf = highspy.kHighsInf
        lp = highspy.HighsLp()
        lp.num_col_ = n_panels + n_types
        lp.num_row_ = n_types + 1
        lp.col_cost_ = np.zeros(lp.num_col_)
        lp.col_lower_ = np.concatenate([np.zeros(n_panels), np.full(n_types, -inf)])
        lp.col_upper_ = np.full(lp.num_col_, inf)
        lp.row_lower_ = np.append(np.zeros(n_types), 1.0)
        lp.row_upper_ = np.append(np.zeros(n_types), 1.0)
        matrix = np.vstack(
            [
                np.hstack([shares.T, -np.eye(n_types)]),
                np.append(np.ones(n_panels), np.zeros(n_types)),
            ]
        )
        column_matrix(lp, matrix)
        highs = quiet_highs()
        highs.passModel(lp)
        return highs
