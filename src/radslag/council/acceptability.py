"""How sure is rank 1? Rank acceptabilities of any round's items, as a table and a chart.

Every kind of round can give samples of its ranking (the scoring round from SMAA's weights and
scores, a wiki survey from its fit's posterior, a ballot from resampled ballots); this turns
them, or the acceptability matrix they give, into what ``council/_rank_acceptability.html``
shows: each item's probability of each rank, of rank 1, of the top three, and the ranks it
holds with 95 % probability.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from django.utils.translation import gettext as _

from radslag import charts
from radslag.charts import palette
from radslag.decide.rankings.acceptability import rank_acceptabilities, rank_intervals

# The chart splits each bar in three: rank 1, the next two, the rest.
TOP = 3
# An acceptability matrix without its sample count is drawn as shares of this many.
_UNITS = 10_000


@dataclass(frozen=True)
class AcceptabilityRow:
    label: str
    shares: list[float]  # percent per rank, rank 1 first
    first: float
    top_three: float
    rank_low: int
    rank_high: int


@dataclass(frozen=True)
class Acceptability:
    rows: list[AcceptabilityRow]  # in the order given
    samples: int | None

    @property
    def ranks(self) -> range:
        return range(1, len(self.rows) + 1)


def acceptability_from_matrix(
    labels: Sequence[str], matrix: npt.ArrayLike, samples: int | None = None
) -> Acceptability:
    """Rows from ``matrix[i, r]``, item ``i``'s probability of rank ``r + 1``."""
    table = np.asarray(matrix, dtype=float)
    if table.shape != (len(labels), len(labels)):
        raise ValueError(f"matrix: expected {len(labels)} x {len(labels)}, got {table.shape}")
    intervals = rank_intervals(table)
    return Acceptability(
        rows=[
            AcceptabilityRow(
                label=label,
                shares=[float(share) * 100 for share in table[i]],
                first=float(table[i, 0]) * 100,
                top_three=float(table[i, :TOP].sum()) * 100,
                rank_low=int(intervals[i, 0]),
                rank_high=int(intervals[i, 1]),
            )
            for i, label in enumerate(labels)
        ],
        samples=samples,
    )


def acceptability_from_ranks(labels: Sequence[str], ranks: npt.ArrayLike) -> Acceptability:
    """Rows from ``ranks[s, i]``, item ``i``'s rank (1 best) in sample ``s``; shared ranks
    go to the item listed first, as everywhere in the decision core."""
    table = np.asarray(ranks, dtype=float)
    if table.ndim != 2 or table.shape[1] != len(labels) or table.shape[0] == 0:
        raise ValueError(f"ranks: expected (samples, {len(labels)}), got {table.shape}")
    # A lower rank is a higher value.
    return acceptability_from_matrix(labels, rank_acceptabilities(-table), table.shape[0])


def acceptability_chart(acceptability: Acceptability, title: str = "") -> charts.Chart:
    """Each item's chance of rank 1, of rank 2 or 3, and of a lower rank, stacked to 100 %;
    the page's table of every rank follows it."""
    units = acceptability.samples or _UNITS
    rows = []
    for row in acceptability.rows:
        first = round(row.first / 100 * units)
        top = round(row.top_three / 100 * units)
        rows.append((row.label, [first, top - first, units - top]))
    return charts.share_bars(
        rows,
        [
            charts.Series(_("Plats 1"), palette.ACCENT),
            charts.Series(_("Plats 2–3"), palette.BAND),
            charts.Series(_("Lägre plats"), palette.GRID),
        ],
        title or _("Hur säker är förstaplatsen? Sannolikheten för varje plats"),
    ).placed(table_below=True, key="rank-acceptability")
