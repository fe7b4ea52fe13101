"""Segments of municipalities for a round's results side by side: size class, SKR's
municipality group, maturity level and county.

The council asks where small and large, early and late municipalities differ; every result
page can show its figures per segment of any of these, chosen by the reader.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radslag.maturity.summary import latest_overall_scores
from radslag.municipalities.models import Municipality, populations
from radslag.municipalities.sizeclass import SizeClass, size_class_of


class Segmentation(models.TextChoices):
    SIZE = "size", gettext_lazy("Storleksklass")
    SKR_GROUP = "skr_group", gettext_lazy("SKR:s kommungrupp")
    MATURITY = "maturity", gettext_lazy("Mognadsnivå")
    COUNTY = "county", gettext_lazy("Län")


@dataclass(frozen=True)
class Segments:
    """Each municipality's segment label, and the labels in their reading order."""

    segmentation: Segmentation
    of: dict[str, str]
    order: tuple[str, ...]

    def label(self, code: str) -> str:
        return self.of.get(code, "")


def chosen_segmentation(value: str | None) -> Segmentation:
    """The reader's choice from a query parameter, size class when absent or unknown."""
    return Segmentation(value) if value in Segmentation.values else Segmentation.SIZE


def segments_of(segmentation: Segmentation, codes: Iterable[str]) -> Segments:
    """Label each municipality in ``codes``; a municipality without the data gets an
    explicit "unknown" label rather than disappearing from the comparison."""
    wanted = sorted(set(codes))
    if segmentation == Segmentation.SIZE:
        return _by_size(wanted)
    if segmentation == Segmentation.MATURITY:
        return _by_maturity(wanted)
    field = "skr_group" if segmentation == Segmentation.SKR_GROUP else "county"
    rows = Municipality.objects.filter(code__in=wanted).values_list(
        "code", f"{field}__code", f"{field}__name"
    )
    unknown = _("Ingen kommungrupp importerad")
    of = {code: name or unknown for code, _key, name in rows}
    keys = {name: key or "~" for _code, key, name in rows if name}
    order = sorted(set(of.values()), key=lambda label: keys.get(label, "~~"))
    return Segments(segmentation, of, tuple(order))


def _by_size(codes: list[str]) -> Segments:
    sizes = populations()
    labels = {str(value): str(label) for value, label in SizeClass.choices}
    of = {}
    for code in codes:
        size = size_class_of(sizes.get(code))
        of[code] = labels[str(size)] if size is not None else _("Folkmängd okänd")
    order = [label for label in labels.values() if label in of.values()]
    order += sorted(set(of.values()) - set(order))
    return Segments(Segmentation.SIZE, of, tuple(order))


def _by_maturity(codes: list[str]) -> Segments:
    scores = latest_overall_scores()
    unknown = _("Ingen självskattning")
    of = {}
    for code in codes:
        score = scores.get(code)
        # The overall score is a mean of levels; its whole part names the level reached.
        of[code] = (
            unknown
            if score is None
            else _("Mognadsnivå %(level)d") % {"level": max(1, math.floor(score))}
        )
    order = sorted(set(of.values()) - {unknown}) + ([unknown] if unknown in of.values() else [])
    return Segments(Segmentation.MATURITY, of, tuple(order))
