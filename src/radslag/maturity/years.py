"""Which year of self-assessments a page compares, and the years a reader may choose from.

A year is shown only when at least ``MIN_GROUP_SIZE`` municipalities have submitted for it,
so the first submissions of a new year neither replace the national picture nor reveal
their answers. Without a choice, pages show the latest such year; ``?ar=`` (or ``?year=``)
chooses another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from radslag.maturity.comparison import MIN_GROUP_SIZE, submissions_per_year
from radslag.maturity.models import Dimension

YEAR_PARAMETER = "ar"
# The English name the parameter had first; links written with it keep working.
YEAR_PARAMETER_ALIAS = "year"
_FOUR_DIGITS = re.compile(r"\d{4}")


@dataclass(frozen=True)
class YearCount:
    year: int
    count: int  # submitted assessments that answer every dimension

    @property
    def is_comparable(self) -> bool:
        return self.count >= MIN_GROUP_SIZE


@dataclass(frozen=True)
class YearLink:
    year: int
    count: int
    url: str
    is_current: bool


@dataclass(frozen=True)
class YearChoice:
    """Every year with submissions (latest first), the year shown, and why not another."""

    counts: list[YearCount]
    shown: int | None
    error: str = ""
    status: int = 200

    @property
    def minimum(self) -> int:
        return MIN_GROUP_SIZE

    @property
    def comparable(self) -> list[YearCount]:
        return [entry for entry in self.counts if entry.is_comparable]

    @property
    def default(self) -> int | None:
        """The latest year with enough submissions."""
        return next((entry.year for entry in self.comparable), None)

    @property
    def is_latest_comparable(self) -> bool:
        return self.shown is not None and self.shown == self.default

    @property
    def too_few(self) -> list[tuple[YearCount, bool]]:
        """Years with too few submissions, each with whether it is still being collected."""
        default = self.default
        return [
            (entry, default is None or entry.year > default)
            for entry in self.counts
            if not entry.is_comparable
        ]

    def links(self, base_url: str) -> list[YearLink]:
        """A link per comparable year; the default year's is the page's own address."""
        return [
            YearLink(
                entry.year,
                entry.count,
                base_url
                if entry.year == self.default
                else f"{base_url}?{YEAR_PARAMETER}={entry.year}",
                entry.year == self.shown and not self.error,
            )
            for entry in self.comparable
        ]


def choose_year(query: QueryDict, dimensions: Sequence[Dimension]) -> YearChoice:
    """The year asked for in ``query``, or the latest with enough submissions.

    Counts are of submitted assessments answering every one of ``dimensions``. A malformed
    year is a 400, a year with too few submissions a 404; ``shown`` is then ``None``.
    """
    per_year = submissions_per_year(dimensions)
    counts = [YearCount(year, per_year[year]) for year in sorted(per_year, reverse=True)]
    asked = query.get(YEAR_PARAMETER) or query.get(YEAR_PARAMETER_ALIAS)
    if not asked:
        default = next((entry.year for entry in counts if entry.is_comparable), None)
        return YearChoice(counts, default)
    asked = asked.strip()
    if not _FOUR_DIGITS.fullmatch(asked):
        return YearChoice(
            counts, None, _("Året anges med fyra siffror, till exempel 2025."), status=400
        )
    year = int(asked)
    count = per_year.get(year, 0)
    if count >= MIN_GROUP_SIZE:
        return YearChoice(counts, year)
    return YearChoice(counts, None, too_few_message(year, count), status=404)


def too_few_message(year: int, count: int) -> str:
    if count == 0:
        return _("För %(year)s har ingen kommun skickat in en självskattning.") % {"year": year}
    return ngettext(
        "För %(year)s har %(count)s kommun skickat in en självskattning. Minst %(minimum)s "
        "behövs för att året ska visas, så att ingen enskild kommuns svar kan utläsas.",
        "För %(year)s har %(count)s kommuner skickat in en självskattning. Minst %(minimum)s "
        "behövs för att året ska visas, så att ingen enskild kommuns svar kan utläsas.",
        count,
    ) % {"year": year, "count": count, "minimum": MIN_GROUP_SIZE}
