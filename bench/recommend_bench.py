"""How well the area recommender behind a municipality's next steps guesses what an
organisation does next, on the real Public Sector Tech Watch catalogue, against popularity.

Leave-one-out (radslag.decide.recommend.evaluation): every organisation with at least two
cases in a municipal area has one case hidden; the recommender sees everything else and it
is a hit when the hidden case's area is among its five best. Organisations are the responsible
organisation's name (case and spacing folded); an organisation's peers are the organisations
of its level of government (local, regional, national, cross-border), as a municipality's
peers are those of its size class. Queries: every such case in turn, and one drawn case per
organisation (mean over 20 draws). Two settings: all areas ranked, and only hidden cases in
an area new to the organisation with its known areas left out ("what next?").

Then a check against choosing by the result: the four scorers' weights chosen on a grid (steps
of 0.25) on half the organisations (by a stable hash of the name) and measured on the other
half, beside popularity on the same half.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Callable
from typing import Any

import numpy as np

from radslag.decide.validation import FloatArray

REPEATS = 20
K = 5


def _cases() -> tuple[Any, list[str]]:
    os.environ.setdefault("RADSLAG_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radslag.settings")
    import django

    django.setup()
    from radslag.core.areas import Area
    from radslag.decide.recommend import Cases
    from radslag.register.pstw import DEFAULT_FILE, read_pstw

    areas = list(Area.values)
    rows = [row.values for row in read_pstw(DEFAULT_FILE, {})]
    organisations: dict[str, int] = {}
    levels: dict[str, int] = {}
    owner, area, segment, names = [], [], [], []
    for values in rows:
        if not values["area"]:
            continue
        name = " ".join(values["organisation_name"].casefold().split())
        owner.append(organisations.setdefault(name, len(organisations)))
        area.append(areas.index(values["area"]))
        segment.append(levels.setdefault(str(values["level"]), len(levels)))
        names.append(name)
    print(
        f"PSTW: {len(rows)} cases, {len(owner)} in a municipal area, "
        f"{len(organisations)} organisations, {len(areas)} areas"
    )
    cases = Cases(np.array(owner), np.array(area), np.array(segment), len(areas))
    return cases, names


def _recommenders() -> dict[str, Callable[[FloatArray, FloatArray, np.ndarray], FloatArray]]:
    from radslag.decide.recommend import AreaWeights, popularity, recommend_areas

    def only(weights: AreaWeights) -> Callable[[FloatArray, FloatArray, np.ndarray], FloatArray]:
        return lambda profile, table, peers: recommend_areas(profile, table, peers, weights)

    return {
        "popularity (baseline)": lambda profile, table, peers: popularity(table),
        "popularity among peers": only(AreaWeights(0, 0, 1, 0)),
        "own areas (popularity breaks ties)": only(AreaWeights(1, 0, 0, 0)),
        "item-based co-occurrence": only(AreaWeights(0, 1, 0, 0)),
        "all four, equal weights": only(AreaWeights(0.25, 0.25, 0.25, 0.25)),
        "Rådslag's default: own areas and peers, half each": only(AreaWeights()),
    }


def _rates(cases: Any, recommender: Callable[..., FloatArray], new: bool) -> tuple[str, str]:
    from radslag.decide.recommend import hit_rate, queries

    each = hit_rate(
        cases, queries(cases, one_per_organisation=False), recommender, K, new_areas_only=new
    )
    drawn = [
        hit_rate(
            cases,
            queries(cases, one_per_organisation=True, seed=seed),
            recommender,
            K,
            new_areas_only=new,
        )
        for seed in range(REPEATS)
    ]
    rates = [result.rate for result in drawn]
    asked = round(float(np.mean([result.queries for result in drawn])))
    return (
        f"{each.rate:.3f} ({each.hits}/{each.queries})",
        f"{np.mean(rates):.3f} ({min(rates):.3f}–{max(rates):.3f}, n≈{asked})",
    )


def _half(name: str) -> int:
    return hashlib.sha256(name.encode()).digest()[0] % 2


def _mix(weights: tuple[float, ...]) -> Callable[[FloatArray, FloatArray, np.ndarray], FloatArray]:
    from radslag.decide.recommend import AreaWeights, recommend_areas

    chosen = AreaWeights(*weights)
    return lambda profile, table, peers: recommend_areas(profile, table, peers, chosen)


def _split_check(cases: Any, names: list[str]) -> None:
    from radslag.decide.recommend import hit_rate, popularity, queries

    hidden = queries(cases, one_per_organisation=False)
    halves = np.array([_half(names[i]) for i in hidden])
    grid = [
        weights
        for weights in itertools.product([0.0, 0.25, 0.5, 0.75, 1.0], repeat=4)
        if abs(sum(weights) - 1.0) < 1e-9
    ]
    print(
        "\n| setting | weights chosen on half A (own, item, peers, popularity) | "
        f"HR@{K} on half B | popularity on half B |"
    )
    print("|---|---|---:|---:|")
    for new in (False, True):

        def rate(weights: tuple[float, ...], half: int, new: bool = new) -> float:
            return hit_rate(
                cases, hidden[halves == half], _mix(weights), K, new_areas_only=new
            ).rate

        best = max(grid, key=lambda weights: rate(weights, 0))
        held_out = hit_rate(cases, hidden[halves == 1], _mix(best), K, new_areas_only=new)
        baseline = hit_rate(
            cases, hidden[halves == 1], lambda p, t, m: popularity(t), K, new_areas_only=new
        )
        setting = "new areas only" if new else "all areas"
        print(
            f"| {setting} | {', '.join(f'{w:.2f}' for w in best)} | "
            f"{held_out.rate:.3f} ({held_out.hits}/{held_out.queries}) | "
            f"{baseline.rate:.3f} ({baseline.hits}/{baseline.queries}) |"
        )


def main() -> None:
    cases, names = _cases()
    print(
        f"\n| recommender | HR@{K}, all areas, every case | one per organisation | "
        f"HR@{K}, new areas, every case | one per organisation |"
    )
    print("|---|---:|---:|---:|---:|")
    for name, recommender in _recommenders().items():
        every, one = _rates(cases, recommender, new=False)
        every_new, one_new = _rates(cases, recommender, new=True)
        print(f"| {name} | {every} | {one} | {every_new} | {one_new} |")
    _split_check(cases, names)
