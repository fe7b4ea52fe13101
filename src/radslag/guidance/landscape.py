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
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np
from django.db.models import Count, Max, QuerySet
from django.utils import timezone

from radslag.core.areas import Area
from radslag.decide.validation import FloatArray
from radslag.guidance.priorities import CouncilPriorities, council_priorities
from radslag.maturity.comparison import MIN_GROUP_SIZE, Scored, scored_by_year
from radslag.maturity.models import Assessment, Dimension, MaturityModel
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
    """The landscape as the database holds it now.

    The parts that take long to read (everyone's cases, every self-assessment) are kept in
    this process and read again only when a cheap summary of their tables (how many rows, the
    latest id, the latest change) differs from the one they were read under, so a page pays
    for them once per change rather than once per view, and never shows them out of date.
    """
    names = dict(Municipality.objects.values_list("code", "name"))
    inhabitants = populations()
    sizes = {code: size_class_of(population) for code, population in inhabitants.items()}
    register = _kept("register", _register_version(), _read_register)
    maturity = _kept(
        "maturity",
        (_assessments_version(), tuple(sorted(inhabitants.items()))),
        lambda: _maturity_picture(inhabitants),
    )
    return Landscape(
        today=timezone.localdate(),
        names=names,
        size_classes=sizes,
        running=register.running,
        european_running=register.european_running,
        table=register.table,
        rows=register.rows,
        maturity=maturity,
        council=council_priorities(),
    )


@dataclass(frozen=True)
class _Register:
    running: dict[str, list[RunningCase]]
    european_running: dict[str, int]
    table: FloatArray
    rows: dict[str, int]


_KEPT: dict[str, tuple[Hashable, Any]] = {}
T = TypeVar("T")


def _kept(name: str, version: Hashable, read: Callable[[], T]) -> T:
    kept = _KEPT.get(name)
    if kept is not None and kept[0] == version:
        value: T = kept[1]
        return value
    fresh = read()
    _KEPT[name] = (version, fresh)
    return fresh


def _register_version() -> Hashable:
    cases = UseCase.objects.aggregate(n=Count("pk"), last=Max("pk"), changed=Max("updated_at"))
    links = UseCase.participants.through.objects.aggregate(n=Count("pk"), last=Max("pk"))
    return (cases["n"], cases["last"], cases["changed"], links["n"], links["last"])


def _assessments_version() -> Hashable:
    assessments = Assessment.objects.aggregate(
        n=Count("pk"), last=Max("pk"), changed=Max("updated_at")
    )
    return (assessments["n"], assessments["last"], assessments["changed"])


def _read_register() -> _Register:
    published = UseCase.objects.published().exclude(area="")
    in_production = published.filter(stage=Stage.IN_PRODUCTION)
    european = dict(
        in_production.exclude(country=SWEDEN)
        .order_by()
        .values_list("area")
        .annotate(n=Count("pk"))
        .values_list("area", "n")
    )
    table, rows = _table(published)
    return _Register(_running(in_production.filter(country=SWEDEN)), european, table, rows)


def _running(cases: QuerySet[UseCase]) -> dict[str, list[RunningCase]]:
    """The cases by area, once for each municipality that runs them (participants too)."""
    participants: dict[int, set[str]] = defaultdict(set)
    for case_id, code in UseCase.participants.through.objects.filter(usecase__in=cases).values_list(
        "usecase_id", "municipality_id"
    ):
        participants[case_id].add(code)
    running: dict[str, list[RunningCase]] = defaultdict(list)
    fields = ("pk", "title", "area", "organisation_id", "contact_email", "contact_name")
    for pk, title, area, owner, email, name, consent, evaluated, source in cases.values_list(
        *fields, "contact_name_consent", "effect_evaluated", "source"
    ):
        for code in sorted(({owner} if owner else set()) | participants[pk]):
            running[area].append(
                RunningCase(
                    pk,
                    title,
                    area,
                    code,
                    email,
                    name if consent else "",
                    evaluated,
                    source == Source.EXAMPLE,
                )
            )
    return dict(running)


def _table(published: QuerySet[UseCase]) -> tuple[FloatArray, dict[str, int]]:
    """Everyone's cases (not retired) per organisation and area, for the area recommender."""
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
    return table, rows


def _maturity_picture(sizes: dict[str, float | None]) -> MaturityPicture | None:
    """The latest year with enough submitted self-assessments to compare with (as the
    maturity pages choose it), its assessments, and each municipality's latest one."""
    dimensions = MaturityModel.objects.current().dimension_list()
    by_year = scored_by_year(dimensions, sizes)
    comparable = [year for year, scored in by_year.items() if len(scored) >= MIN_GROUP_SIZE]
    if not comparable:
        return None
    latest: dict[str, tuple[int, tuple[int, ...], bool]] = {}
    for year in sorted(by_year):
        for entry in by_year[year]:
            latest[entry.code] = (year, entry.levels, entry.is_example)
    year = max(comparable)
    return MaturityPicture(year, dimensions, by_year[year], latest)


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
