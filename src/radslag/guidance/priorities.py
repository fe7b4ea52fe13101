"""The council's priorities by application area, from its latest published ranking of themes.

A round ranks items; an item that is a theme of needs (its ``source`` names the theme, or its
label is a live theme's) speaks for the areas of the theme's needs. An item's priority is 1
at rank 1 falling evenly to 0 at the last rank; the priority it gives an area is that times
the share of the theme's needs in the area, so a theme spread over many areas speaks for each
of them less. An area's priority is the largest any theme gives it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count

from radslag.council import outcomes
from radslag.council.item_sources import THEME_SOURCE
from radslag.council.models import Item, Round
from radslag.council.result_store import current_result
from radslag.council.segments import Segmentation
from radslag.needs.models import Need, Theme


@dataclass(frozen=True)
class ThemePriority:
    theme: Theme
    rank: int
    items: int
    share: float  # of the theme's open needs in the area
    priority: float  # (items - rank) / (items - 1), times share

    @property
    def percent(self) -> int:
        return round(self.share * 100)


@dataclass(frozen=True)
class CouncilPriorities:
    round: Round
    by_area: dict[str, ThemePriority]  # the theme that speaks most for each area


def council_priorities() -> CouncilPriorities | None:
    """The priorities of the latest published round that ranked themes; None if none has."""
    rounds = Round.objects.filter(
        status=Round.Status.PUBLISHED, kind__in=[Round.Kind.WIKI_SURVEY, Round.Kind.BALLOT]
    ).order_by("-closes_on", "-created_at", "-pk")
    for round_ in rounds:
        ranked = _ranked_items(round_)
        themes = _themes_of([item for _rank, item in ranked])
        if themes:
            return CouncilPriorities(round_, _by_area(ranked, themes))
    return None


def _ranked_items(round_: Round) -> list[tuple[int, Item]]:
    view = outcomes.view_name(round_, round_.weighting, Segmentation.SIZE)
    result = current_result(round_, view, lambda: outcomes.compute(round_, view)).result
    if result is None:
        return []
    if round_.kind == Round.Kind.BALLOT:
        return list(result.ranked)
    return [(row.rank, row.item) for row in result.ranked]


def _themes_of(items: list[Item]) -> dict[int, Theme]:
    """Each item's theme, by item id: the theme its source names, or a live theme of its
    label (a round typed in by hand lists themes by name)."""
    named = {
        int(item.source.removeprefix(THEME_SOURCE)): item.pk
        for item in items
        if item.source.startswith(THEME_SOURCE) and item.source[len(THEME_SOURCE) :].isdigit()
    }
    themes = {theme.pk: theme for theme in Theme.objects.filter(pk__in=named)}
    found = {item_pk: themes[pk] for pk, item_pk in named.items() if pk in themes}
    by_label = {theme.label.casefold(): theme for theme in Theme.objects.live()}
    for item in items:
        if item.pk not in found and item.label.casefold() in by_label:
            found[item.pk] = by_label[item.label.casefold()]
    return found


def _by_area(ranked: list[tuple[int, Item]], themes: dict[int, Theme]) -> dict[str, ThemePriority]:
    areas: dict[int, Counter[str]] = defaultdict(Counter)
    for theme_id, area, count in (
        Need.objects.open()
        .filter(theme__in=[theme.pk for theme in themes.values()])
        .order_by()
        .values_list("theme_id", "area")
        .annotate(n=Count("pk"))
    ):
        areas[theme_id][area] += count
    last = max((rank for rank, _item in ranked), default=1)
    best: dict[str, ThemePriority] = {}
    for rank, item in ranked:
        theme = themes.get(item.pk)
        if theme is None:
            continue
        counts = areas[theme.pk]
        total = sum(counts.values())
        standing = (last - rank) / (last - 1) if last > 1 else 1.0
        for area, count in counts.items():
            share = count / total
            candidate = ThemePriority(theme, rank, last, share, standing * share)
            if area not in best or candidate.priority > best[area].priority:
                best[area] = candidate
    return best
