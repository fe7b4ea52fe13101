"""Turn a lottery over compositions into a lottery over named panels.

A composition says how many members each type gets; a panel says which candidates. We need a
lottery over panels in which every candidate of a type has the type's probability, with few
panels so the lottery can be published and checked.

Lay the compositions side by side on the unit interval, composition ``s`` on a segment of
length ``q[s]``. Within a segment, a type with ``c`` seats is ``c`` parallel machines running
for ``q[s]``; each candidate of the type gets an amount of machine time, and McNaughton's
wrap-around rule (McNaughton 1959, "Scheduling with deadlines and loss functions", Management
Science 6) places those amounts on the machines without ever putting one candidate on two
machines at once, as long as no amount exceeds ``q[s]``. Cutting the unit interval wherever any
assignment changes gives the panels; each piece's length is its probability.

The amounts come from a greedy that hands whole segments to the candidates with the most time
still owed, which keeps most amounts at 0 or ``q[s]`` and so the panels few. Should the greedy
fail to pay every candidate in full, the even split ``c * q[s] / size`` (always valid) is used.
"""

from __future__ import annotations

import numpy as np

from radslag.decide.validation import FloatArray, IntArray

# Pieces of the unit interval shorter than this are dropped; it bounds the rounding error of a
# selection probability by the number of panels times this.
SHORTEST_PIECE = 1e-13


def _greedy_amounts(seats: IntArray, lengths: FloatArray, size: int) -> FloatArray | None:
    """Machine time per segment and candidate for one type, or None when the greedy fails.

    Parameters
    ----------
    seats : IntArray, shape (n_segments,)
        Seats of this type in each composition.
    lengths : FloatArray, shape (n_segments,)
        Probability of each composition.
    size : int
        Candidates of this type.
    """
    owed = np.full(size, float(seats @ lengths) / size)
    amounts = np.zeros((len(seats), size))
    # The busiest segments first, while every candidate is still owed a lot.
    for segment in np.argsort(-seats, kind="stable"):
        need = seats[segment] * lengths[segment]
        if need <= 0.0:
            continue
        order = np.argsort(-owed, kind="stable")
        offered = np.minimum(owed[order], lengths[segment])
        before = np.cumsum(offered) - offered
        given = np.clip(need - before, 0.0, offered)
        amounts[segment, order] = given
        owed[order] -= given
    if np.abs(owed).max() > 1e-12 or not np.allclose(amounts.sum(axis=1), seats * lengths):
        return None
    return amounts


def _amounts(seats: IntArray, lengths: FloatArray, size: int) -> FloatArray:
    """Machine time per segment and candidate for one type (see the module docstring)."""
    amounts = _greedy_amounts(seats, lengths, size)
    if amounts is None:
        amounts = np.outer(seats * lengths / size, np.ones(size))
    return amounts


def _segment_panels(
    cumulative: list[FloatArray], candidates: list[IntArray], seats: IntArray, length: float
) -> tuple[list[IntArray], list[float]]:
    """Panels within one segment and their probabilities.

    ``cumulative[t]`` holds the running machine time of the candidates ``candidates[t]`` on the
    type's ``seats[t]`` machines laid end to end; a candidate holds the seat of machine ``r`` at
    local time ``tau`` when its run covers ``r * length + tau``.
    """
    cuts = np.unique(np.concatenate([np.mod(c, length) for c in cumulative] + [[0.0, length]]))
    cuts = cuts[(cuts >= 0.0) & (cuts <= length)]
    starts, ends = cuts[:-1], cuts[1:]
    keep = ends - starts > SHORTEST_PIECE
    starts, ends = starts[keep], ends[keep]
    middles = (starts + ends) / 2
    members = []
    for running, who, count in zip(cumulative, candidates, seats, strict=True):
        points = np.arange(count)[None, :] * length + middles[:, None]
        slots = np.searchsorted(running, points, side="right") - 1
        members.append(who[np.clip(slots, 0, len(who) - 1)])
    panels = np.sort(np.hstack(members), axis=1) if members else np.zeros((len(middles), 0))
    return list(panels.astype(np.int64)), list((ends - starts).tolist())


def expand_compositions(
    compositions: IntArray, probabilities: FloatArray, members: list[IntArray]
) -> tuple[IntArray, FloatArray]:
    """A lottery over panels with the same selection probability as the type lottery.

    Parameters
    ----------
    compositions : IntArray, shape (n_compositions, n_types)
        Seats per type in each composition.
    probabilities : FloatArray, shape (n_compositions,)
        Probability of each composition.
    members : list of IntArray
        Candidate indices of each type.

    Returns
    -------
    panels : IntArray, shape (n_panels, panel_size)
        Candidate indices, ascending in each row; rows in lexicographic order.
    weights : FloatArray, shape (n_panels,)
        Probability of each panel; sums to 1.
    """
    sizes = np.array([len(m) for m in members])
    amounts = [
        _amounts(compositions[:, t], probabilities, int(sizes[t])) for t in range(len(members))
    ]
    lottery: dict[bytes, float] = {}
    rows: dict[bytes, IntArray] = {}
    for segment, length in enumerate(probabilities):
        cumulative, candidates, seats = [], [], []
        for t, who in enumerate(members):
            share = amounts[t][segment]
            # Whole-segment candidates first: their runs end on machine boundaries, no new cuts.
            order = np.argsort(share < length * (1 - 1e-12), kind="stable")
            order = order[share[order] > 0.0]
            if compositions[segment, t] == 0 or len(order) == 0:
                continue
            cumulative.append(np.concatenate([[0.0], np.cumsum(share[order])[:-1]]))
            candidates.append(who[order])
            seats.append(int(compositions[segment, t]))
        panels, weights = _segment_panels(cumulative, candidates, np.array(seats), float(length))
        for panel, weight in zip(panels, weights, strict=True):
            key = panel.tobytes()
            rows[key] = panel
            lottery[key] = lottery.get(key, 0.0) + weight
    keys = sorted(rows, key=lambda key: tuple(rows[key]))
    panel_matrix = np.array([rows[key] for key in keys], dtype=np.int64)
    probabilities_of_panels = np.array([lottery[key] for key in keys])
    return panel_matrix, probabilities_of_panels / probabilities_of_panels.sum()
