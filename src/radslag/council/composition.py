"""Composing a council by lottery: the pool and quotas a convener sets, the LEXIMIN lottery
(``radslag.decide.committee``), the draw with a published seed and its replay.

The lottery is computed once, when the composition is made, and stored with the frozen pool:
its selection probabilities are published before the draw, and anyone can replay the draw
from the published panels and seed (:func:`replay`), or recompute the lottery itself from the
frozen pool and quotas (:func:`recompute`, ``radslag replay-draw``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import transaction
from django.utils import timezone

from radslag.council.composition_models import Composition
from radslag.council.features import Features
from radslag.decide.committee import (
    DrawnPanel,
    Lottery,
    Pool,
    Quotas,
    draw_panel,
    leximin_lottery,
    proportional_quotas,
)

Bounds = Mapping[str, Mapping[str, tuple[int, int]]]
# Two computations of the same lottery agree on every probability to well within this.
SAME_PROBABILITY = 1e-6


@dataclass(frozen=True)
class Definition:
    """What a convener sets: the seats, who may be drawn, by which features, within which quotas."""

    title: str
    panel_size: int
    pool_kind: str
    codes: tuple[str, ...]
    features: tuple[str, ...]
    bounds: Bounds


def pool_of(codes: Sequence[str], features: Sequence[str], known: Features) -> Pool:
    """The decision core's pool of ``codes`` on ``features``, values in key order."""
    columns = {feature: known.column(feature, codes) for feature in features}
    return Pool.from_columns(columns)


def suggested_quotas(panel_size: int, known: Features) -> dict[str, dict[str, tuple[int, int]]]:
    """Quotas around each value's share of the 290, as a starting point for the convener."""
    codes = sorted(known.of)
    pool = pool_of(codes, list(known.values), known)
    quotas = proportional_quotas(pool, min(panel_size, len(codes)))
    return {feature: dict(bounds) for feature, bounds in quotas.bounds.items()}


def _frozen_pool(composition: Composition) -> Pool:
    values = composition.candidate_values()
    # Sorted keys, not labels: the order must not depend on the language or on later data.
    order = {
        feature: sorted(set(column) | set(composition.quotas.get(feature, {})))
        for feature, column in values.items()
    }
    return Pool.from_columns(values, order)


def _quotas(composition: Composition) -> Quotas:
    # The quotas' order shapes the solver's model and so which panels carry the lottery;
    # PostgreSQL's jsonb does not keep a mapping's order, so it is fixed here: features as
    # chosen, values sorted.
    bounds = {
        feature: {
            value: (
                int(composition.quotas[feature][value][0]),
                int(composition.quotas[feature][value][1]),
            )
            for value in sorted(composition.quotas[feature])
        }
        for feature in composition.features
        if feature in composition.quotas
    }
    return Quotas(composition.panel_size, bounds)


def compose(
    definition: Definition, known: Features, by: Any = None, *, is_example: bool = False
) -> Composition:
    """Freeze the pool, compute the LEXIMIN lottery and store both.

    Raises the decision core's ``InfeasibleQuotasError`` (naming the clashing quotas and the
    nearest that can be met) or ``ValueError`` before anything is stored.
    """
    composition = Composition(
        title=definition.title,
        panel_size=definition.panel_size,
        pool_kind=definition.pool_kind,
        candidates=[
            {"code": code, "values": {f: known.of[code][f] for f in definition.features}}
            for code in definition.codes
        ],
        features=list(definition.features),
        quotas={
            feature: {value: [low, high] for value, (low, high) in bounds.items()}
            for feature, bounds in definition.bounds.items()
            if feature in definition.features
        },
        created_by=by,
        is_example=is_example,
    )
    lottery = leximin_lottery(_frozen_pool(composition), _quotas(composition))
    composition.panels = lottery.panels.tolist()
    composition.panel_probabilities = lottery.probabilities.tolist()
    composition.selection_probabilities = lottery.selection_probabilities.tolist()
    composition.save()
    return composition


def published_lottery(composition: Composition) -> Lottery:
    """The lottery as it was published: the stored panels and probabilities."""
    return Lottery(
        "leximin",
        np.asarray(composition.panels, dtype=np.int64),
        np.asarray(composition.panel_probabilities, dtype=np.float64),
        np.asarray(composition.selection_probabilities, dtype=np.float64),
        np.zeros(0, dtype=np.int64),
        0,
        0,
    )


def replay(composition: Composition, seed: str) -> DrawnPanel:
    """The panel ``seed`` draws from the published lottery; raises ``ValueError`` on no seed."""
    return draw_panel(published_lottery(composition), seed)


@transaction.atomic
def draw(composition: Composition, seed: str, by: Any = None) -> Composition:
    """Draw the council with the published ``seed``, once: a drawn composition keeps its draw.

    Raises ``ValueError`` for an empty seed or a composition already drawn.
    """
    locked = Composition.objects.select_for_update().get(pk=composition.pk)
    if locked.is_drawn:
        raise ValueError("composition already drawn")
    drawn = replay(locked, seed)
    locked.seed, locked.seed_digest, locked.ticket = drawn.seed, drawn.digest, drawn.ticket
    locked.drawn_panel, locked.drawn_at, locked.drawn_by = drawn.index, timezone.now(), by
    locked.save(
        update_fields=["seed", "seed_digest", "ticket", "drawn_panel", "drawn_at", "drawn_by"]
    )
    return locked


@dataclass(frozen=True)
class Recomputation:
    """The lottery computed again from the frozen pool and quotas, against the published one."""

    largest_difference: float
    drawn: DrawnPanel | None
    same_members: bool | None

    @property
    def same_probabilities(self) -> bool:
        return self.largest_difference <= SAME_PROBABILITY


def recompute(composition: Composition) -> Recomputation:
    """Compute the lottery again and, for a drawn composition, draw again with its seed."""
    lottery = leximin_lottery(_frozen_pool(composition), _quotas(composition))
    published = np.asarray(composition.selection_probabilities, dtype=np.float64)
    difference = float(np.max(np.abs(lottery.selection_probabilities - published)))
    if not composition.is_drawn:
        return Recomputation(difference, None, None)
    drawn = draw_panel(lottery, composition.seed)
    codes = composition.codes
    members = sorted(codes[index] for index in drawn.members)
    return Recomputation(difference, drawn, members == sorted(composition.drawn_codes()))


@dataclass(frozen=True)
class Candidate:
    code: str
    name: str
    values: tuple[str, ...]
    probability: float
    drawn: bool

    @property
    def percent(self) -> float:
        return self.probability * 100


def candidates(
    composition: Composition, names: Mapping[str, str], known: Features
) -> list[Candidate]:
    """Every candidate with its labels and selection probability, most likely first."""
    drawn = set(composition.drawn_codes())
    rows = [
        Candidate(
            entry["code"],
            names.get(entry["code"], entry["code"]),
            tuple(known.label(f, entry["values"][f]) for f in composition.features),
            probability,
            entry["code"] in drawn,
        )
        for entry, probability in zip(
            composition.candidates, composition.selection_probabilities, strict=True
        )
    ]
    return sorted(rows, key=lambda row: (-row.probability, row.name))


@dataclass(frozen=True)
class ValueProbabilities:
    """A feature value's candidates: how many, and their lowest, mean and highest probability."""

    feature: str
    value: str
    count: int
    lowest: float
    mean: float
    highest: float


def probabilities_by_value(composition: Composition, known: Features) -> list[ValueProbabilities]:
    """Selection probabilities summarised per feature value, in the platform's reading order."""
    probabilities = np.asarray(composition.selection_probabilities, dtype=np.float64)
    summary = []
    for feature, column in composition.candidate_values().items():
        labels = np.asarray(column)
        for value in known.ordered(feature, set(column)):
            chosen = probabilities[labels == value]
            summary.append(
                ValueProbabilities(
                    feature,
                    value,
                    len(chosen),
                    float(chosen.min()),
                    float(chosen.mean()),
                    float(chosen.max()),
                )
            )
    return summary
