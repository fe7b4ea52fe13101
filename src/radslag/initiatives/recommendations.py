"""The council's national recommendations and the evidence behind each: the prioritised themes
from the latest published wiki survey over the needs' themes, and the recommended initiatives,
each traced through the needs it answers, the municipalities behind those needs by size, the
council's votes on its themes, its estimated value, its risk class and the use cases that
already do something like it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from radslag.council import outcomes
from radslag.council.item_sources import THEME_SOURCE
from radslag.council.models import Item, Round
from radslag.council.result_store import current_result
from radslag.council.segments import Segmentation, segments_of
from radslag.initiatives.leads import LeadCandidate, lead_candidates
from radslag.initiatives.models import BudgetRound, Initiative, Participation
from radslag.initiatives.value import NationalValue, national_value
from radslag.municipalities.models import Municipality
from radslag.needs.models import Need, Support, Theme

# Statuses in which the council stands behind an initiative.
RECOMMENDED = (
    Initiative.Status.RECOMMENDED,
    Initiative.Status.DECIDED,
    Initiative.Status.ONGOING,
    Initiative.Status.DONE,
)
PRIORITIES_SHOWN = 10


@dataclass(frozen=True)
class ThemePriority:
    rank: int
    theme: Theme
    score: float
    low: float
    high: float
    first: float
    needs: int
    by_size: list[tuple[str, int]]


@dataclass(frozen=True)
class InitiativeEvidence:
    initiative: Initiative
    needs: list[Need]
    by_size: list[tuple[str, int]]
    themes: list[ThemePriority]
    value: tuple[float, float, float] | None
    participants: int
    funded_in: BudgetRound | None
    examples: list[LeadCandidate]


@dataclass(frozen=True)
class Recommendations:
    survey: Round | None
    priorities: list[ThemePriority]
    initiatives: list[InitiativeEvidence]
    value: NationalValue | None


def theme_survey() -> Round | None:
    """The latest published wiki survey whose items are the needs' themes."""
    return (
        Round.objects.filter(
            kind=Round.Kind.WIKI_SURVEY,
            status=Round.Status.PUBLISHED,
            items__source__startswith=THEME_SOURCE,
        )
        .distinct()
        .order_by("-closes_on", "-created_at")
        .first()
    )


class _Sizes:
    """Every municipality's size class, read once per page (it takes a query over Kolada)."""

    def __init__(self) -> None:
        self.segments = segments_of(
            Segmentation.SIZE, Municipality.objects.values_list("code", flat=True)
        )

    def count(self, codes: list[str]) -> list[tuple[str, int]]:
        counts = Counter(self.segments.label(code) for code in codes)
        return [(label, counts[label]) for label in self.segments.order if counts[label]]


def _supporters(needs: list[Need], supports: dict[int, set[str]]) -> list[str]:
    found: set[str] = set()
    for need in needs:
        found |= supports.get(need.pk, set())
        if need.municipality_id:
            found.add(need.municipality_id)
    return sorted(found)


def _supports() -> dict[int, set[str]]:
    by_need: dict[int, set[str]] = {}
    for need, code in Support.objects.values_list("need_id", "municipality_id"):
        by_need.setdefault(need, set()).add(code)
    return by_need


def priorities(
    survey: Round | None, sizes: _Sizes, supports: dict[int, set[str]]
) -> list[ThemePriority]:
    if survey is None:
        return []
    view = outcomes.view_name(survey, survey.weighting, Segmentation.SIZE)
    result: Any = current_result(survey, view, lambda: outcomes.compute(survey, view)).result
    if result is None:
        return []
    theme_ids = {
        item.pk: int(item.source.removeprefix(THEME_SOURCE))
        for item in Item.objects.filter(round=survey, source__startswith=THEME_SOURCE)
    }
    themes = Theme.objects.in_bulk(theme_ids.values())
    needs_of: dict[int, list[Need]] = {}
    for need in Need.objects.filter(theme__in=themes.values(), merged_into__isnull=True):
        needs_of.setdefault(need.theme_id or 0, []).append(need)
    found = []
    for row in result.ranked:
        theme = themes.get(theme_ids.get(row.item.pk, -1))
        if theme is None:
            continue
        needs = needs_of.get(theme.pk, [])
        found.append(
            ThemePriority(
                rank=row.rank,
                theme=theme,
                score=row.score,
                low=row.low,
                high=row.high,
                first=row.first,
                needs=len(needs),
                by_size=sizes.count(_supporters(needs, supports)),
            )
        )
    return found


def national() -> Recommendations:
    survey = theme_survey()
    sizes, supports = _Sizes(), _supports()
    ranked = priorities(survey, sizes, supports)
    by_theme = {priority.theme.pk: priority for priority in ranked}
    value = national_value()
    funded = _funded_in_latest_round()
    evidence = []
    initiatives = (
        (
            Initiative.objects.filter(status__in=RECOMMENDED)
            | Initiative.objects.filter(pk__in=funded)
        )
        .distinct()
        .prefetch_related("needs", "themes", "participations")
    )
    for initiative in initiatives:
        needs = list(initiative.needs.all())
        codes = [
            part.municipality_id
            for part in initiative.participations.all()
            if part.role != Participation.Role.INTERESTED
        ]
        evidence.append(
            InitiativeEvidence(
                initiative=initiative,
                needs=needs,
                by_size=sizes.count(_supporters(needs, supports)),
                themes=sorted(
                    (by_theme[t.pk] for t in initiative.themes.all() if t.pk in by_theme),
                    key=lambda priority: priority.rank,
                ),
                value=value.total(codes, initiative.areas) if value else None,
                participants=len(codes),
                funded_in=funded.get(initiative.pk),
                examples=lead_candidates(initiative)[:3],
            )
        )
    evidence.sort(
        key=lambda item: (
            min((p.rank for p in item.themes), default=len(ranked) + 1),
            -(item.value[1] if item.value else 0),
        )
    )
    return Recommendations(survey, ranked[:PRIORITIES_SHOWN], evidence, value)


def _funded_in_latest_round() -> dict[int, BudgetRound]:
    from radslag.initiatives.budget import portfolio

    latest = (
        BudgetRound.objects.filter(status=BudgetRound.Status.CLOSED).order_by("-closed_at").first()
    )
    if latest is None:
        return {}
    chosen = portfolio(latest)
    if chosen is None:
        return {}
    return {line.initiative.pk: latest for line in chosen.selected}
