"""Fair selection of the council: LEXIMIN, maximin and Nash lotteries over panels that meet quotas.

A *pool* of candidates (municipalities, or people they nominate) has categorical features;
*quotas* bound how many seats go to each feature value. A *lottery* is a probability
distribution over quota-satisfying panels; drawing from it with a published seed selects the
council. The fair lotteries are those of Flanigan, Gölz, Gupta, Hennig and Procaccia (2021),
"Fair algorithms for selecting citizens' assemblies", Nature 596, 548–552:

- :func:`leximin_lottery` maximises the lowest selection probability, then the next lowest, and
  so on (their LEXIMIN; here through the LP relaxation of the quotas when it yields a lottery,
  else by their column generation, with HiGHS for every LP and MIP);
- :func:`maximin_lottery` maximises only the lowest;
- :func:`nash_lottery` maximises the sum of the logarithms of the probabilities.

:func:`draw_panel` draws a panel reproducibly from a seed, :func:`audit_panel` compares any
panel with the population it should represent. Infeasible quotas raise
:class:`InfeasibleQuotasError` naming the values and the nearest quotas that can be met.

Example
-------
>>> pool = Pool.from_columns({"size": ["small", "small", "large", "large"]})
>>> lottery = leximin_lottery(pool, Quotas(2, {"size": {"large": (1, 1)}}))
>>> lottery.selection_probabilities.round(3).tolist()
[0.5, 0.5, 0.5, 0.5]
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from radslag.decide.committee.audit import (
    FeatureAudit,
    PanelAudit,
    audit_panel,
    population_weights,
)
from radslag.decide.committee.lottery import (
    TypeLottery,
    leximin_compositions,
    nash_compositions,
)
from radslag.decide.committee.lp import TypedQuotas
from radslag.decide.committee.panels import expand_compositions
from radslag.decide.committee.pool import Pool
from radslag.decide.committee.quotas import InfeasibleQuotasError, QuotaChange, require_feasible
from radslag.decide.validation import FloatArray, IntArray, require_positive_int

__all__ = [
    "DrawnPanel",
    "FeatureAudit",
    "InfeasibleQuotasError",
    "Lottery",
    "PanelAudit",
    "Pool",
    "QuotaChange",
    "Quotas",
    "audit_panel",
    "draw_panel",
    "leximin_lottery",
    "lottery_generator",
    "maximin_lottery",
    "nash_lottery",
    "population_weights",
    "proportional_quotas",
]

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Quotas:
    """Panel size and, per feature value, the least and most seats it may get.

    A feature value without an entry in ``bounds`` is unconstrained.

    Attributes
    ----------
    panel_size : int
        Number of seats.
    bounds : mapping of feature to mapping of value to (min, max)
    """

    panel_size: int
    bounds: Mapping[str, Mapping[str, tuple[int, int]]] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Lottery:
    """A probability distribution over quota-satisfying panels.

    Attributes
    ----------
    method : str
        ``"leximin"``, ``"maximin"`` or ``"nash"``.
    panels : IntArray, shape (n_panels, panel_size)
        One panel per row, as ascending candidate indices.
    probabilities : FloatArray, shape (n_panels,)
        Probability of each panel; sums to 1.
    selection_probabilities : FloatArray, shape (n_candidates,)
        Probability that each candidate is drawn; sums to the panel size.
    unreachable : IntArray
        Candidates that no quota-satisfying panel includes (probability 0).
    levels : int
        LEXIMIN levels solved (1 for maximin, 0 for Nash).
    mip_solves : int
        Panel MIPs solved by HiGHS.
    """

    method: str
    panels: IntArray
    probabilities: FloatArray
    selection_probabilities: FloatArray
    unreachable: IntArray
    levels: int
    mip_solves: int

    @property
    def lowest_probability(self) -> float:
        """Lowest selection probability among the candidates some panel includes."""
        reachable = np.ones(len(self.selection_probabilities), dtype=bool)
        reachable[self.unreachable] = False
        return float(self.selection_probabilities[reachable].min(initial=1.0))


@dataclass(frozen=True, eq=False)
class DrawnPanel:
    """A panel drawn from a lottery, with what an auditor needs to replay the draw.

    Attributes
    ----------
    seed : str
        The seed as text (an int is written in decimal).
    digest : str
        Hex SHA-256 of the seed's UTF-8 bytes, the entropy of the generator.
    ticket : float
        The uniform number in [0, 1) the generator produced.
    index : int
        Row of the drawn panel in ``lottery.panels``.
    members : IntArray
        Candidate indices of the drawn panel.
    """

    seed: str
    digest: str
    ticket: float
    index: int
    members: IntArray


def _compile(
    pool: Pool, quotas: Quotas
) -> tuple[TypedQuotas, list[IntArray], list[tuple[str, str]]]:
    """Group identical candidates into types and write the quotas as type-level rows."""
    require_positive_int("quotas.panel_size", quotas.panel_size)
    if quotas.panel_size > pool.n_candidates:
        raise ValueError(
            f"quotas.panel_size: {quotas.panel_size} seats but the pool has only "
            f"{pool.n_candidates} candidates"
        )
    types, of_candidate = np.unique(pool.codes, axis=0, return_inverse=True)
    of_candidate = of_candidate.reshape(-1)
    members = [np.flatnonzero(of_candidate == t) for t in range(len(types))]
    rows, lower, upper, labels = [], [], [], []
    for feature, by_value in quotas.bounds.items():
        f = pool.feature_index(feature)
        for value, (low, high) in by_value.items():
            if value not in pool.values[f]:
                known = ", ".join(pool.values[f])
                raise ValueError(
                    f"quotas: unknown value {value!r} of feature {feature!r} ({known})"
                )
            if not 0 <= low <= high:
                raise ValueError(f"quotas: {feature}={value} has min {low} > max {high} or below 0")
            rows.append((types[:, f] == pool.values[f].index(value)).astype(np.int64))
            lower.append(int(low))
            upper.append(min(int(high), quotas.panel_size))
            labels.append((feature, value))
    sizes = np.array([len(m) for m in members], dtype=np.int64)
    incidence = np.array(rows, dtype=np.int64).reshape(len(rows), len(types))
    problem = TypedQuotas(
        sizes, incidence, np.array(lower, np.int64), np.array(upper, np.int64), quotas.panel_size
    )
    require_feasible(problem, labels, incidence @ sizes)
    return problem, members, labels


def _lottery(method: str, pool: Pool, solved: TypeLottery, members: list[IntArray]) -> Lottery:
    panels, probabilities = expand_compositions(solved.compositions, solved.probabilities, members)
    selection = np.zeros(pool.n_candidates)
    np.add.at(selection, panels.reshape(-1), np.repeat(probabilities, panels.shape[1]))
    unreachable = np.concatenate([members[t] for t in solved.unreachable] + [np.zeros(0, int)])
    return Lottery(
        method, panels, probabilities, selection, np.sort(unreachable).astype(np.int64),
        solved.levels, solved.mip_solves,
    )  # fmt: skip


def leximin_lottery(
    pool: Pool,
    quotas: Quotas,
    progress: Progress | None = None,
    *,
    use_relaxation: bool = True,
) -> Lottery:
    """The LEXIMIN lottery: maximise the lowest selection probability, then the next, and so on.

    First the LEXIMIN point of the quotas' LP relaxation, written as a lottery over
    quota-satisfying panels when it is one (:mod:`radslag.decide.committee.relaxation`); else
    column generation as in Flanigan et al. (2021, Methods): per level, an LP over the panels
    found so far and a MIP that finds the quota-satisfying panel with the largest sum of dual
    weights. HiGHS solves every LP and MIP. Candidates with identical features are grouped
    first, which changes no probability (the LEXIMIN optimum is unique, hence symmetric).

    Parameters
    ----------
    pool : Pool
    quotas : Quotas
    progress : callable, optional
        Called with a line of text after each step: the relaxation, the walk, each level.
    use_relaxation : bool
        False runs column generation from the start: the same lottery's probabilities, found
        the slow way, for checking and benchmarking.

    Returns
    -------
    Lottery

    Raises
    ------
    InfeasibleQuotasError
        No panel meets the quotas; names the values and the nearest quotas that can.
    ValueError
        Bad input: panel larger than the pool, unknown features or values, min above max.
    """
    problem, members, _ = _compile(pool, quotas)
    solved = leximin_compositions(problem, progress=progress, use_relaxation=use_relaxation)
    return _lottery("leximin", pool, solved, members)


def maximin_lottery(pool: Pool, quotas: Quotas, progress: Progress | None = None) -> Lottery:
    """The maximin lottery: maximise the lowest selection probability (the first LEXIMIN level).

    Among the lotteries with the highest lowest probability, returns a vertex of the final LP,
    so the other probabilities are whatever that vertex gives. Raises as :func:`leximin_lottery`.
    """
    problem, members, _ = _compile(pool, quotas)
    solved = leximin_compositions(problem, maximin_only=True, progress=progress)
    return _lottery("maximin", pool, solved, members)


def nash_lottery(pool: Pool, quotas: Quotas, progress: Progress | None = None) -> Lottery:
    """The Nash lottery: maximise the sum of the logarithms of the selection probabilities.

    Frank–Wolfe with column generation: the MIP adds the panel with the largest gradient
    ``sum_i 1 / p_i``, and the restricted problem over the panels found is solved by successive
    LP with tangent cuts of the logarithm (Kelley's cutting planes), see
    :func:`radslag.decide.committee.lottery.nash_compositions`. Candidates no panel includes
    are left out of the sum. Raises as :func:`leximin_lottery`.
    """
    problem, members, _ = _compile(pool, quotas)
    return _lottery("nash", pool, nash_compositions(problem, progress=progress), members)


def lottery_generator(seed: str | int) -> np.random.Generator:
    """The random generator a seed stands for, the same on every machine.

    The seed is written as text (an ``int`` in decimal), encoded in UTF-8 and hashed with
    SHA-256; the 256-bit digest, read as a big-endian integer, seeds numpy's ``SeedSequence``
    and the ``PCG64`` bit generator. Anyone with the seed can rebuild the generator.
    """
    text = _seed_text(seed)
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(int.from_bytes(digest))))


def _seed_text(seed: str | int) -> str:
    if isinstance(seed, bool) or not isinstance(seed, str | int | np.integer):
        raise ValueError(f"seed: expected a string or an integer, got {seed!r}")
    text = str(int(seed)) if not isinstance(seed, str) else seed
    if not text:
        raise ValueError("seed: must not be empty")
    return text


def draw_panel(lottery: Lottery, seed: str | int) -> DrawnPanel:
    """Draw one panel from ``lottery`` with the generator of ``seed``.

    The generator of :func:`lottery_generator` yields one uniform ``ticket`` in [0, 1); the
    drawn panel is the first row of ``lottery.panels`` whose cumulative probability exceeds
    it. The lottery itself is deterministic, so recomputing it and replaying the seed gives the
    same panel.
    """
    text = _seed_text(seed)
    ticket = float(lottery_generator(text).random())
    cumulative = np.cumsum(lottery.probabilities)
    index = int(np.searchsorted(cumulative, ticket * cumulative[-1], side="right"))
    index = min(index, len(cumulative) - 1)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return DrawnPanel(text, digest, ticket, index, lottery.panels[index].copy())


def proportional_quotas(
    pool: Pool,
    panel_size: int,
    weights: npt.ArrayLike | None = None,
    slack: float = 0.0,
) -> Quotas:
    """Quotas around each feature value's share of the population the pool stands for.

    For a value with population share ``s``, the bounds are ``floor((1 - slack) * k * s)`` and
    ``ceil((1 + slack) * k * s)`` for ``k = panel_size``. The population is the pool with
    ``weights`` per candidate (1 each by default; e.g. inhabitants for municipalities).
    """
    require_positive_int("panel_size", panel_size)
    if not 0.0 <= slack <= 1.0:
        raise ValueError(f"slack: expected a number in [0, 1], got {slack}")
    shares = population_weights(pool, weights)
    bounds: dict[str, dict[str, tuple[int, int]]] = {}
    for feature, by_value in shares.items():
        total = sum(by_value.values())
        bounds[feature] = {
            value: (
                int(np.floor((1 - slack) * panel_size * weight / total + 1e-9)),
                int(np.ceil((1 + slack) * panel_size * weight / total - 1e-9)),
            )
            for value, weight in by_value.items()
        }
    return Quotas(panel_size, bounds)


def _selection_check(lottery: Lottery) -> FloatArray:
    """Selection probabilities recomputed from the panels (for tests and audits)."""
    selection = np.zeros(len(lottery.selection_probabilities))
    np.add.at(
        selection,
        lottery.panels.reshape(-1),
        np.repeat(lottery.probabilities, lottery.panels.shape[1]),
    )
    return selection
