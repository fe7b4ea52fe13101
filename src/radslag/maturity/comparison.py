"""Submitted assessments of a year, grouped for comparison: size class, SKR group, county, all.

Only submitted assessments count, of one year. Dimensions are matched by key, so a later
model version that keeps a dimension's key stays comparable; an assessment lacking one of the
dimensions compared is left out.

A group of fewer than ``MIN_GROUP_SIZE`` assessments is named but never summarised: its
median and shares would all but reveal each member's answers, and a median of one or two is
no norm to measure a municipality against.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from radslag.maturity.models import Answer, Assessment, Dimension
from radslag.maturity.scoring import Spread, spreads_by_dimension
from radslag.municipalities.models import Municipality, populations
from radslag.municipalities.sizeclass import SizeClass, size_class_of

# The fewest assessments a year or a group must have to be shown or compared against.
MIN_GROUP_SIZE = 5


@dataclass(frozen=True)
class Scored:
    """A submitted, complete assessment reduced to what comparisons need."""

    code: str
    name: str
    county_code: str
    skr_group_code: str | None
    size_class: SizeClass | None
    levels: tuple[int, ...]  # in the order of the dimensions compared
    is_example: bool


@dataclass
class PeerGroup:
    key: str
    label: str
    members: list[Scored]
    per_dimension: list[Spread | None] = field(default_factory=list)
    overall: Spread | None = None

    @property
    def count(self) -> int:
        return len(self.members)

    @property
    def has_example(self) -> bool:
        return any(member.is_example for member in self.members)

    @property
    def is_comparable(self) -> bool:
        return self.count >= MIN_GROUP_SIZE


def submissions_per_year(dimensions: Sequence[Dimension]) -> dict[int, int]:
    """How many submitted assessments answer all of ``dimensions``, per year."""
    keys = {dimension.key for dimension in dimensions}
    answered: dict[tuple[int, int], set[str]] = {}
    for assessment_id, year, key in Answer.objects.filter(
        assessment__status=Assessment.Status.SUBMITTED,
        level__isnull=False,
        dimension__key__in=keys,
    ).values_list("assessment_id", "assessment__year", "dimension__key"):
        answered.setdefault((assessment_id, year), set()).add(key)
    return dict(Counter(year for (_id, year), chosen in answered.items() if chosen == keys))


def scored_assessments(year: int, dimensions: Sequence[Dimension]) -> list[Scored]:
    """Every submitted assessment of ``year`` that answers all of ``dimensions``."""
    keys = [dimension.key for dimension in dimensions]
    levels: dict[int, dict[str, int]] = {}
    answers = Answer.objects.filter(
        assessment__year=year,
        assessment__status=Assessment.Status.SUBMITTED,
        level__isnull=False,
        dimension__key__in=keys,
    ).values_list("assessment_id", "dimension__key", "level")
    for assessment_id, key, level in answers:
        if level is not None:
            levels.setdefault(assessment_id, {})[key] = level
    assessments = (
        Assessment.objects.submitted()
        .filter(year=year)
        .select_related("municipality")
        .order_by("municipality__name")
    )
    sizes = populations()
    scored = []
    for assessment in assessments:
        chosen = levels.get(assessment.pk, {})
        if len(chosen) < len(keys):
            continue
        municipality = assessment.municipality
        scored.append(
            Scored(
                code=municipality.code,
                name=municipality.name,
                county_code=municipality.county_id,
                skr_group_code=municipality.skr_group_id,
                size_class=size_class_of(sizes.get(municipality.code)),
                levels=tuple(chosen[key] for key in keys),
                is_example=assessment.is_example,
            )
        )
    return scored


def scored_by_year(
    dimensions: Sequence[Dimension], sizes: dict[str, float | None] | None = None
) -> dict[int, list[Scored]]:
    """Every submitted assessment that answers all of ``dimensions``, by year, each year's in
    the order of the municipalities' names: :func:`scored_assessments` of every year in two
    queries, for pages that compare with the latest comparable year and also need each
    municipality's latest assessment. ``sizes`` are the populations, if already read."""
    keys = [dimension.key for dimension in dimensions]
    levels: dict[int, dict[str, int]] = {}
    facts: dict[int, tuple[int, str, bool]] = {}
    for assessment_id, year, code, example, key, level in Answer.objects.filter(
        assessment__status=Assessment.Status.SUBMITTED,
        level__isnull=False,
        dimension__key__in=keys,
    ).values_list(
        "assessment_id",
        "assessment__year",
        "assessment__municipality_id",
        "assessment__is_example",
        "dimension__key",
        "level",
    ):
        if level is not None:
            levels.setdefault(assessment_id, {})[key] = level
            facts[assessment_id] = (year, code, example)
    sizes = populations() if sizes is None else sizes
    places = {
        code: (name, county, group)
        for code, name, county, group in Municipality.objects.values_list(
            "code", "name", "county_id", "skr_group_id"
        )
    }
    by_year: dict[int, list[Scored]] = {}
    for assessment_id, chosen in levels.items():
        if len(chosen) < len(keys):
            continue
        year, code, example = facts[assessment_id]
        name, county, group = places[code]
        by_year.setdefault(year, []).append(
            Scored(
                code=code,
                name=name,
                county_code=county,
                skr_group_code=group,
                size_class=size_class_of(sizes.get(code)),
                levels=tuple(chosen[key] for key in keys),
                is_example=example,
            )
        )
    for scored in by_year.values():
        scored.sort(key=lambda entry: entry.name)
    return by_year


def peer_groups(
    municipality: Municipality, size_class: SizeClass | None, scored: Sequence[Scored]
) -> list[PeerGroup]:
    """The municipality's comparison groups among ``scored``, itself left out of each.

    Same size class, same SKR group (when groups are imported), same county, and all.
    """
    others = [entry for entry in scored if entry.code != municipality.code]
    groups = []
    if size_class is not None:
        groups.append(
            PeerGroup(
                "size",
                _("Samma storleksklass (%(class)s)") % {"class": size_class.label},
                [entry for entry in others if entry.size_class == size_class],
            )
        )
    if municipality.skr_group_id:
        groups.append(
            PeerGroup(
                "skr",
                _("Samma kommungrupp (%(group)s)") % {"group": municipality.skr_group},
                [entry for entry in others if entry.skr_group_code == municipality.skr_group_id],
            )
        )
    groups.append(
        PeerGroup(
            "county",
            _("Samma län (%(county)s)") % {"county": municipality.county.name},
            [entry for entry in others if entry.county_code == municipality.county_id],
        )
    )
    groups.append(PeerGroup("all", _("Alla kommuner"), others))
    for group in groups:
        summarise(group, len(scored[0].levels) if scored else 0)
    return groups


def summarise(group: PeerGroup, dimensions: int) -> PeerGroup:
    """Fill in the group's spread per dimension and overall, if it is large enough to show."""
    if group.is_comparable and dimensions:
        group.per_dimension, group.overall = spreads_by_dimension(
            [member.levels for member in group.members], dimensions
        )
    else:
        group.per_dimension, group.overall = [None] * dimensions, None
    return group
