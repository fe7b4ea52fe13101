"""What every municipality's next steps are measured against, read once: who runs AI in
production in which area, everyone's cases per area for the recommender, the maturity of
peers and the council's priorities; and what one municipality has itself, as a person sees it.

A page reads the landscape once; the batch of all 290 municipalities reads it once for all.
Only published cases and submitted self-assessments of others count; a municipality's own
drafts count for those who may see them.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from django.http import QueryDict
from django.utils import timezone

from radslag.core.areas import Area
from radslag.decide.validation import FloatArray
from radslag.guidance.priorities import CouncilPriorities, council_priorities
from radslag.maturity.comparison import Scored, scored_assessments
from radslag.maturity.models import Answer, Assessment, Dimension, MaturityModel
from radslag.maturity.years import choose_year
from radslag.municipalities.models import Municipality, populations
from radslag.municipalities.sizeclass import SizeClass, size_class_of
from radslag.needs.models import Need
from radslag.register.choices import Source, Stage
from radslag.register.countries import SWEDEN
from radslag.register.models import UseCase

AREAS: tuple[str, ...] = tuple(Area.values)
AREA_INDEX = {area: index for index, area in enumerate(AREAS)}


@dataclass(frozen=True)
class RunningCase:
    """A published Swedish case in production: a peer's proof that it can be done."""

    pk: int
    title: str
    area: str
    code: str  # the municipality running it (the responsible one or a participant)
    contact_email: str
    contact_name: str  # only a consented one
    evaluated: bool
    is_example: bool


@dataclass(frozen=True)
class MaturityPicture:
    year: int
    dimensions: list[Dimension]  # of the current model, levels fetched
    scored: list[Scored]  # the submitted, complete assessments of ``year``
    latest_levels: dict[str, tuple[int, tuple[int, ...], bool]]  # code: (year, levels, example)


@dataclass
class Landscape:
    today: datetime.date
    names: dict[str, str]
    size_classes: dict[str, SizeClass | None]
    running: dict[str, list[RunningCase]]  # by area
    european_running: dict[str, int]  # cases in production elsewhere in Europe, by area
    table: FloatArray  # organisations × AREAS, published cases
    rows: dict[str, int]  # organisation key (a municipality's code, or a name) to row
    maturity: MaturityPicture | None
    council: CouncilPriorities | None

    def peers_mask(self, code: str, size_class: SizeClass | None) -> np.ndarray:
        """The rows of ``table`` that are municipalities of ``size_class``, ``code`` left out."""
        mask = np.zeros(len(self.rows), dtype=bool)
        if size_class is None:
            return mask
        for key, row in self.rows.items():
            if key != code and self.size_classes.get(key) == size_class:
                mask[row] = True
        return mask


@dataclass
class Own:
    """What the municipality has itself, as the person asking may see it."""

    cases: list[UseCase] = field(default_factory=list)
    needs: list[Need] = field(default_factory=list)

    def profile(self) -> FloatArray:
        counts = np.zeros(len(AREAS))
        for case in self.cases:
            if case.area and case.stage != Stage.RETIRED:
                counts[AREA_INDEX[case.area]] += 1
        return counts


def load_landscape() -> Landscape:
    names = dict(Municipality.objects.values_list("code", "name"))
    sizes = {code: size_class_of(population) for code, population in populations().items()}
    running: dict[str, list[RunningCase]] = defaultdict(list)
    european: dict[str, int] = defaultdict(int)
    published = UseCase.objects.published().exclude(area="")
    for case in published.filter(stage=Stage.IN_PRODUCTION).prefetch_related("participants"):
        if case.country != SWEDEN:
            european[case.area] += 1
            continue
        codes = {case.organisation_id} | {m.code for m in case.participants.all()}
        for code in sorted(code for code in codes if code):
            running[case.area].append(
                RunningCase(
                    case.pk,
                    case.title,
                    case.area,
                    code,
                    case.contact_email,
                    case.public_contact_name,
                    case.effect_evaluated,
                    case.source == Source.EXAMPLE,
                )
            )
    rows: dict[str, int] = {}
    cells: list[tuple[int, int]] = []
    for organisation, name, area in published.exclude(stage=Stage.RETIRED).values_list(
        "organisation_id", "organisation_name", "area"
    ):
        key = organisation or " ".join(name.casefold().split())
        cells.append((rows.setdefault(key, len(rows)), AREA_INDEX[area]))
    table = np.zeros((len(rows), len(AREAS)))
    for row, column in cells:
        table[row, column] += 1
    return Landscape(
        today=timezone.localdate(),
        names=names,
        size_classes=sizes,
        running=dict(running),
        european_running=dict(european),
        table=table,
        rows=rows,
        maturity=_maturity_picture(),
        council=council_priorities(),
    )


def _maturity_picture() -> MaturityPicture | None:
    dimensions = MaturityModel.objects.current().dimension_list()
    year = choose_year(QueryDict(), dimensions).default
    if year is None:
        return None
    keys = [dimension.key for dimension in dimensions]
    answered: dict[tuple[str, int], dict[str, int]] = defaultdict(dict)
    examples: dict[tuple[str, int], bool] = {}
    for code, assessment_year, key, level, example in Answer.objects.filter(
        assessment__status=Assessment.Status.SUBMITTED,
        level__isnull=False,
        dimension__key__in=keys,
    ).values_list(
        "assessment__municipality_id",
        "assessment__year",
        "dimension__key",
        "level",
        "assessment__is_example",
    ):
        if level is not None:  # filtered out above; the type checker cannot tell
            answered[(code, assessment_year)][key] = level
        examples[(code, assessment_year)] = example
    latest: dict[str, tuple[int, tuple[int, ...], bool]] = {}
    for (code, assessment_year), levels in answered.items():
        if len(levels) == len(keys) and (code not in latest or assessment_year > latest[code][0]):
            latest[code] = (
                assessment_year,
                tuple(levels[key] for key in keys),
                examples[(code, assessment_year)],
            )
    return MaturityPicture(year, dimensions, scored_assessments(year, dimensions), latest)


def own_of(municipality: Municipality, user: Any) -> Own:
    """The municipality's cases (its drafts only for those who may see them) and the open
    needs it stands behind."""
    cases = list(
        UseCase.objects.visible_to(user)
        .of_municipality(municipality)
        .order_by("title", "pk")
        .distinct()
    )
    needs = list(
        Need.objects.open().filter(supports__municipality=municipality).order_by("title", "pk")
    )
    return Own(cases, needs)
