"""Council selection: Rådslag's maximin and LEXIMIN lotteries against sortition-algorithms.

Both libraries run in this process on the same pools and quotas. sortition-algorithms
(``find_distribution_maximin``, HiGHS backend) implements the maximin algorithm of Flanigan,
Gölz, Gupta, Hennig and Procaccia (2021), "Fair algorithms for selecting citizens' assemblies",
Nature 596, 548–552, and is the reference: both maximin objectives, the lowest selection
probability of any candidate some panel includes, must agree within 1e-6; it runs in a child
process stopped after 20 minutes. Its LEXIMIN needs Gurobi, so Rådslag's LEXIMIN is checked
against its own maximin (equal at the first level) and against Rådslag's column generation
alone (the same probabilities), and timed against the Gurobi figures Flanigan et al. publish.

1. Synthetic pools of 150, 500 and 2 000 volunteers for panels of 22, 75 and 200, with the first
   4, 6 and all 7 features of :data:`FEATURES`. Each volunteer's values are drawn independently
   from the population shares times a self-selection bias (older, more educated, urban,
   Swedish-born and already interested people volunteer more, as in real assembly pools), so
   the pools are skewed against the population. Quotas are, as in a real citizens' assembly,
   around the *population* shares: ``floor((1 - s) k share)`` to ``ceil((1 + s) k share)`` with
   slack ``s = 0.15`` (the rounding of
   :func:`radslag.decide.committee.selection.proportional_quotas`).
2. The council instance of ``docs/council_example.py``: the 290 municipalities, 12 seats,
   proportional quotas on size class and region (LEXIMIN only; the goal is under 10 s).
3. How often LEXIMIN takes the route through the LP relaxation, on ten more pools of each of
   four kinds (:func:`routes`; not with ``RADSLAG_BENCH_QUICK``).

Set ``RADSLAG_BENCH_QUICK=1`` to skip the largest pool, 2 000/200, which takes about half an
hour, most of it waiting for sortition-algorithms; ``make bench`` runs everything.
"""

from __future__ import annotations

import importlib.util
import logging
import multiprocessing
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sortition_algorithms.committee_generation import find_distribution_maximin
from sortition_algorithms.features import FeatureValueMinMax
from sortition_algorithms.people import People
from sortition_algorithms.utils import set_log_level, set_random_provider

from radslag.decide.committee.lottery import RELAXATION_EXACT
from radslag.decide.committee.selection import (
    Lottery,
    Pool,
    Quotas,
    leximin_lottery,
    maximin_lottery,
    proportional_quotas,
)

COUNCIL_EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "council_example.py"
SLACK = 0.15
AGREEMENT = 1e-6
# (pool size, panel size, features used, seed)
POOLS = ((150, 22, 4, 150), (500, 75, 6, 500), (2_000, 200, 7, 2_000))
COUNCIL_GOAL = 10.0
LARGEST_GOAL = 20 * 60.0
# sortition-algorithms runs in a child process stopped after this; on 2 000/200 it has not
# finished within 18 minutes.
THEIR_LIMIT = 20 * 60.0
# Flanigan et al. (2021), Methods and Supplementary Information: LEXIMIN with Gurobi.
PUBLISHED = "Gurobi (Flanigan et al. 2021): 312/35 in 19.6 s, 2 000/200 in 1 162 s"

# Feature, values, population shares, self-selection bias of the pool. Population shares are
# rounded Swedish figures (SCB: age 16+, educational attainment, the eight NUTS-2 regions,
# urban/rural, country of birth); the attitude and the biases are assumptions.
FEATURES: tuple[tuple[str, tuple[str, ...], tuple[float, ...], tuple[float, ...]], ...] = (
    (
        "gender",
        ("woman", "man", "non-binary"),
        (0.50, 0.49, 0.01),
        (1.15, 0.85, 1.5),
    ),
    (
        "age",
        ("16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"),
        (0.13, 0.16, 0.15, 0.16, 0.14, 0.13, 0.13),
        (0.5, 0.8, 0.9, 1.0, 1.3, 1.6, 0.8),
    ),
    (
        "education",
        ("compulsory", "upper secondary", "tertiary < 3 years", "tertiary 3+ years"),
        (0.17, 0.42, 0.16, 0.25),
        (0.45, 0.8, 1.2, 1.7),
    ),
    (
        "region",
        (
            "Stockholm",
            "Östra Mellansverige",
            "Småland med öarna",
            "Sydsverige",
            "Västsverige",
            "Norra Mellansverige",
            "Mellersta Norrland",
            "Övre Norrland",
        ),
        (0.23, 0.17, 0.09, 0.15, 0.20, 0.08, 0.04, 0.04),
        (1.3, 1.0, 0.8, 1.0, 1.0, 0.8, 0.9, 0.9),
    ),
    (
        "settlement",
        ("city", "town", "rural"),
        (0.45, 0.35, 0.20),
        (1.2, 0.95, 0.65),
    ),
    (
        "born",
        ("Sweden", "abroad"),
        (0.80, 0.20),
        (1.1, 0.6),
    ),
    (
        "attitude",
        ("positive", "neutral", "negative", "unsure"),
        (0.35, 0.30, 0.20, 0.15),
        (1.5, 0.9, 0.8, 0.45),
    ),
)


def synthetic_pool(n: int, panel_size: int, n_features: int, seed: int) -> tuple[Pool, Quotas]:
    """A skewed volunteer pool and quotas around the population shares (module docstring)."""
    rng = np.random.default_rng(seed)
    codes, bounds = [], {}
    for name, values, population, bias in FEATURES[:n_features]:
        shares = np.array(population)
        weights = shares * np.array(bias)
        codes.append(rng.choice(len(values), n, p=weights / weights.sum()))
        bounds[name] = {
            value: (
                int(np.floor((1 - SLACK) * panel_size * share + 1e-9)),
                int(np.ceil((1 + SLACK) * panel_size * share - 1e-9)),
            )
            for value, share in zip(values, shares / shares.sum(), strict=True)
        }
    pool = Pool(
        tuple(feature[0] for feature in FEATURES[:n_features]),
        tuple(feature[1] for feature in FEATURES[:n_features]),
        np.array(codes, dtype=np.int64).T,
    )
    return pool, Quotas(panel_size, bounds)


def sortition_maximin(pool: Pool, quotas: Quotas, seed: int) -> tuple[float, float]:
    """Run sortition-algorithms' maximin on HiGHS; return its objective and seconds.

    The objective is recomputed from the distribution it returns: the lowest selection
    probability over the candidates some committee includes. Building its ``People`` is not
    timed, as building our ``Pool`` is not.
    """
    set_log_level(logging.WARNING)  # in a child process too
    k = quotas.panel_size
    # A value without a quota is bounded by 0 and k only, as in Rådslag.
    features = {
        feature: {
            value: FeatureValueMinMax(min=low, max=high)
            for value in pool.values[f]
            for low, high in [quotas.bounds.get(feature, {}).get(value, (0, k))]
        }
        for f, feature in enumerate(pool.features)
    }
    people = People([])
    for i, row in enumerate(pool.codes.tolist()):
        labels = {
            feature: pool.values[f][code]
            for f, (feature, code) in enumerate(zip(pool.features, row, strict=True))
        }
        people.add(str(i), labels, features, i + 1)
    set_random_provider(seed)  # its multiplicative weights start from random weights
    start = time.perf_counter()
    committees, probabilities, _ = find_distribution_maximin(
        features, people, k, [], solver_backend="highspy"
    )
    seconds = time.perf_counter() - start
    selection = np.zeros(pool.n_candidates)
    for committee, probability in zip(committees, probabilities, strict=True):
        selection[[int(person) for person in committee]] += probability
    covered = sorted({int(person) for committee in committees for person in committee})
    return float(selection[covered].min()), seconds


def sortition_maximin_within(
    pool: Pool, quotas: Quotas, seed: int, limit: float
) -> tuple[float, float] | None:
    """:func:`sortition_maximin` in a child process; None when it takes more than ``limit`` s."""
    with multiprocessing.get_context("spawn").Pool(1) as child:
        pending = child.apply_async(sortition_maximin, (pool, quotas, seed))
        try:
            result: tuple[float, float] = pending.get(timeout=limit)
        except multiprocessing.TimeoutError:
            return None
    return result


def _timed(run: Callable[[], Lottery]) -> tuple[Lottery, float]:
    start = time.perf_counter()
    lottery = run()
    return lottery, time.perf_counter() - start


def council_example() -> Any:
    """``docs/council_example.py`` as a module (the docs folder is not a package)."""
    spec = importlib.util.spec_from_file_location("council_example", COUNCIL_EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    return example


def council_pool() -> tuple[Pool, Quotas]:
    """The 290 municipalities and the 12-seat quotas, loaded as docs/council_example.py does."""
    _, pool = council_example().load()
    return pool, proportional_quotas(pool, 12)


def main() -> None:
    """Print the maximin comparison, the LEXIMIN table and whether the goals are met."""
    set_log_level(logging.WARNING)
    quick = os.environ.get("RADSLAG_BENCH_QUICK", "") not in ("", "0")
    print(f"load average before: {_load()}\n")
    header = (
        "pool / panel", "features", "types", "sortition-algorithms", "Rådslag", "difference",
        "agree (1e-6)", "theirs s", "ours s", "ours / theirs",
    )  # fmt: skip
    print("maximin: lowest selection probability\n")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    maximin: dict[int, float] = {}
    pools = POOLS[:-1] if quick else POOLS
    instances = [(n, k, synthetic_pool(n, k, f, seed), seed) for n, k, f, seed in pools]
    for n, k, (pool, quotas), seed in instances:
        result = sortition_maximin_within(pool, quotas, seed, THEIR_LIMIT)
        ours, our_seconds = _timed(lambda: maximin_lottery(pool, quotas))  # noqa: B023
        maximin[n] = ours.lowest_probability
        if result is None:
            late = f"> {THEIR_LIMIT:.0f}"
            theirs_cells = (f"not finished in {THEIR_LIMIT:.0f} s", "", "", late)
            ratio = f"< {our_seconds / THEIR_LIMIT:.2f}"
        else:
            theirs, their_seconds = result
            difference = abs(ours.lowest_probability - theirs)
            agrees = "yes" if difference <= AGREEMENT else "NO"
            theirs_cells = (f"{theirs:.9f}", f"{difference:.1e}", agrees, f"{their_seconds:.1f}")
            ratio = f"{our_seconds / their_seconds:.2f}"
        cells = (
            f"{n:,}/{k}".replace(",", " "),
            str(len(pool.features)),
            str(len(np.unique(pool.codes, axis=0))),
            theirs_cells[0],
            f"{ours.lowest_probability:.9f}",
            *theirs_cells[1:],
            f"{our_seconds:.1f}",
            ratio,
        )
        print(" | ".join(cells), flush=True)

    print("\nLEXIMIN (Rådslag): lowest probability equals maximin's at the first level\n")
    header = (
        "instance", "route", "levels", "MIP solves", "panels", "lowest probability",
        "= maximin (1e-6)", "seconds", "goal", "column generation alone s", "same (1e-7)",
    )  # fmt: skip
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    named = [("council 290/12", council_pool(), None, COUNCIL_GOAL)]
    for n, k, (pool, quotas), _seed in instances:
        goal = LARGEST_GOAL if n == POOLS[-1][0] else None
        named.append((f"{n:,}/{k}".replace(",", " "), (pool, quotas), maximin[n], goal))
    for name, (pool, quotas), lowest, goal in named:
        lottery, seconds, relaxed = _leximin_with_route(pool, quotas)
        route = "relaxation" if relaxed else "levels"
        # Column generation alone is the route the relaxation replaces; on 2 000/200 it has
        # not finished its third level within 20 minutes, so it is not run there.
        alone = None if goal == LARGEST_GOAL else _timed(
            lambda: leximin_lottery(pool, quotas, use_relaxation=False)  # noqa: B023
        )  # fmt: skip
        _leximin_row(name, route, lottery, lowest, seconds, goal, alone)
    if quick:
        print("2 000/200 skipped (RADSLAG_BENCH_QUICK)")
    else:
        routes()
    print(f"\n{PUBLISHED}. Load average after: {_load()} (2 cores).")


def _leximin_with_route(pool: Pool, quotas: Quotas) -> tuple[Lottery, float, bool]:
    """The LEXIMIN lottery, its seconds, and whether the relaxation route gave it."""
    messages: list[str] = []
    lottery, seconds = _timed(lambda: leximin_lottery(pool, quotas, progress=messages.append))
    return lottery, seconds, RELAXATION_EXACT in messages


def _seconds(seconds: float) -> str:
    return f"{seconds:.2f}" if seconds < 10 else f"{seconds:.1f}"


def routes(seeds: int = 10) -> None:
    """How often LEXIMIN takes the relaxation route, on ``seeds`` pools of each kind."""
    print(f"\nLEXIMIN route over {seeds} pools of each kind (seeds 1001–{1000 + seeds})\n")
    header = ("pool / panel", "features", "relaxation route", "median s", "max s")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for n, k, features in ((150, 22, 4), (150, 22, 7), (500, 75, 6), (500, 75, 7)):
        exact, seconds = 0, []
        for seed in range(1001, 1001 + seeds):
            _lottery, elapsed, relaxed = _leximin_with_route(*synthetic_pool(n, k, features, seed))
            exact += relaxed
            seconds.append(elapsed)
        cells = (
            f"{n}/{k}", str(features), f"{exact}/{seeds}", f"{np.median(seconds):.1f}",
            f"{max(seconds):.1f}",
        )  # fmt: skip
        print(" | ".join(cells), flush=True)


def _leximin_row(
    name: str,
    route: str,
    lottery: Lottery,
    maximin: float | None,
    seconds: float,
    goal: float | None,
    alone: tuple[Lottery, float] | None,
) -> None:
    agrees = (
        "n/a"
        if maximin is None
        else ("yes" if abs(lottery.lowest_probability - maximin) <= AGREEMENT else "NO")
    )
    verdict = "" if goal is None else f"< {goal:.0f} s: {'met' if seconds < goal else 'NOT met'}"
    if alone is None:
        alone_cells = ("not run", "")
    else:
        difference = np.abs(alone[0].selection_probabilities - lottery.selection_probabilities)
        alone_cells = (_seconds(alone[1]), "yes" if difference.max() <= 1e-7 else "NO")
    cells = (
        name,
        route,
        str(lottery.levels),
        str(lottery.mip_solves),
        str(len(lottery.panels)),
        f"{lottery.lowest_probability:.9f}",
        agrees,
        _seconds(seconds),
        verdict,
        *alone_cells,
    )
    print(" | ".join(cells), flush=True)


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
