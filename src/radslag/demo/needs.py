"""Plausible example needs for demonstration, shown as "exempeldata".

The texts, their themes and which texts say the same thing come from
:mod:`radslag.demo.needs_corpus`; this module decides who raised them. Nothing here touches the
database: :func:`simulate` turns municipalities' populations and a seed into submissions, and
``radslag demo-needs`` stores them.

- A municipality raises needs in proportion to its population to the power 0.6: Stockholm
  raises more than Bjurholm, but far fewer per inhabitant. A municipality whose population is
  not known raises as many as a median one.
- The texts of one need (the planted near-duplicates) come from different municipalities.
- A submission has a few co-signing municipalities, 0.6 on average (Poisson).
- Submissions are spread over the past year.
- A small share of the planted duplicates is marked to be merged into the first text of their
  need, so the example shows merged submissions with their support added.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from radslag.demo.needs_corpus import Corpus, generate
from radslag.demo.seeding import generator
from radslag.demo.sizes import population_or_median

_SUBMIT_EXPONENT = 0.6
_MEAN_COSIGNERS = 0.6
_MERGED_SHARE = 0.05
_DAYS = 365


@dataclass(frozen=True)
class SimulatedNeed:
    kind: str
    title: str
    text: str
    area: str
    municipality: str
    supporters: tuple[str, ...]
    days_ago: int
    theme: int  # planted theme
    need: int  # planted need; equal needs are near-duplicates
    merge_into: int | None  # index of the submission this one is to be merged into


@dataclass(frozen=True)
class SimulatedNeeds:
    needs: list[SimulatedNeed]
    corpus: Corpus


def simulate(populations: Mapping[str, float | None], count: int, seed: int) -> SimulatedNeeds:
    """``count`` example submissions from the municipalities in ``populations``.

    Raises
    ------
    ValueError
        If ``count`` is not positive, ``populations`` is empty or a population is not
        positive.
    """
    if count < 1:
        raise ValueError("count: must be at least 1")
    rng = generator(seed)
    corpus = generate(count, seed)
    codes = sorted(populations)
    if not codes:
        raise ValueError("populations: no municipalities")
    sizes = np.array([population_or_median(code, populations[code]) for code in codes])
    weights = sizes**_SUBMIT_EXPONENT
    weights /= weights.sum()
    first_text: dict[int, int] = {}
    raised_by: dict[int, set[int]] = {}
    needs: list[SimulatedNeed] = []
    for index, text in enumerate(corpus.texts):
        need = int(corpus.need[index])
        already = raised_by.setdefault(need, set())
        submitter = _draw_excluding(rng, weights, already)
        already.add(submitter)
        n_cosigners = min(int(rng.poisson(_MEAN_COSIGNERS)), len(codes) - 1)
        cosigners = _draw_many(rng, weights, n_cosigners, exclude={submitter})
        merge_into = None
        if need in first_text and rng.random() < _MERGED_SHARE:
            merge_into = first_text[need]
        first_text.setdefault(need, index)
        needs.append(
            SimulatedNeed(
                kind=corpus.kinds[index],
                title=corpus.titles[index],
                text=text,
                area=corpus.area(index),
                municipality=codes[submitter],
                supporters=tuple(codes[c] for c in cosigners),
                days_ago=int(rng.integers(0, _DAYS)),
                theme=int(corpus.theme[index]),
                need=need,
                merge_into=merge_into,
            )
        )
    return SimulatedNeeds(needs, corpus)


def _draw_excluding(rng: np.random.Generator, weights: np.ndarray, exclude: set[int]) -> int:
    """One municipality by weight, not one in ``exclude`` unless every one is."""
    if len(exclude) >= len(weights):
        return int(rng.choice(len(weights), p=weights))
    while True:
        choice = int(rng.choice(len(weights), p=weights))
        if choice not in exclude:
            return choice


def _draw_many(
    rng: np.random.Generator, weights: np.ndarray, count: int, exclude: set[int]
) -> list[int]:
    chosen: set[int] = set()
    while len(chosen) < count:
        chosen.add(_draw_excluding(rng, weights, exclude | chosen))
    return sorted(chosen)
