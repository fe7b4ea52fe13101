"""Size classes of municipalities by population, used until SKR's groups are imported.

The bands: under 15 000 inhabitants; 15 000–49 999; 50 000–199 999; 200 000 and more.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class SizeClass(models.TextChoices):
    SMALL = "small", _("Under 15 000 invånare")
    MEDIUM = "medium", _("15 000–49 999 invånare")
    LARGE = "large", _("50 000–199 999 invånare")
    CITY = "city", _("200 000 invånare eller fler")


@dataclass(frozen=True)
class PopulationBand:
    size_class: SizeClass
    lower: int
    upper: int | None  # exclusive; None is open-ended


BANDS: tuple[PopulationBand, ...] = (
    PopulationBand(SizeClass.SMALL, 0, 15_000),
    PopulationBand(SizeClass.MEDIUM, 15_000, 50_000),
    PopulationBand(SizeClass.LARGE, 50_000, 200_000),
    PopulationBand(SizeClass.CITY, 200_000, None),
)


def size_class_of(population: float | None) -> SizeClass | None:
    if population is None:
        return None
    for band in BANDS:
        if population >= band.lower and (band.upper is None or population < band.upper):
            return band.size_class
    return None


def band_of(size_class: str) -> PopulationBand | None:
    return next((band for band in BANDS if band.size_class == size_class), None)
