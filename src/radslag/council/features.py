"""The features a council is composed by, as the platform knows them for every municipality.

Size class (from the latest population), SKR's municipality group (where imported), county,
the maturity level of the latest submitted self-assessment, and whether the municipality has
an AI use case in production. A value is stored as a stable key (``"small"``, a county's code,
``"3"``) so that a frozen pool reads the same in every language; :func:`value_labels` names
them. A municipality without the data gets an explicit "unknown" value, never a gap.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from radslag.maturity.summary import latest_overall_scores
from radslag.municipalities.models import County, Municipality, MunicipalityGroup, populations
from radslag.municipalities.sizeclass import SizeClass, size_class_of
from radslag.register.statistics import municipalities_in_production

UNKNOWN = "okand"
YES, NO = "ja", "nej"
# The maturity model's levels (see maturity.definitions).
MATURITY_LEVELS = ("1", "2", "3", "4", "5")


class Feature(models.TextChoices):
    SIZE = "size", gettext_lazy("Storleksklass")
    SKR_GROUP = "skr_group", gettext_lazy("SKR:s kommungrupp")
    COUNTY = "county", gettext_lazy("Län")
    MATURITY = "maturity", gettext_lazy("Mognadsnivå")
    PRODUCTION = "production", gettext_lazy("AI i drift")


@dataclass(frozen=True)
class Features:
    """Every municipality's value of each feature, and each feature's values in reading order."""

    of: dict[str, dict[str, str]]  # code -> feature -> value key
    values: dict[str, tuple[str, ...]]  # feature -> value keys
    labels: dict[str, dict[str, str]]  # feature -> value key -> label

    def column(self, feature: str, codes: Iterable[str]) -> list[str]:
        return [self.of[code][feature] for code in codes]

    def label(self, feature: str, value: str) -> str:
        return self.labels[feature].get(value, value)

    def ordered(self, feature: str, values: Iterable[str]) -> list[str]:
        """``values`` in the order the platform lists them: small to large, by county code."""
        known = {value: position for position, value in enumerate(self.values.get(feature, ()))}
        return sorted(values, key=lambda value: (known.get(value, len(known)), value))


def skr_groups_imported() -> bool:
    """Whether SKR's grouping is known: without it the feature says nothing."""
    return Municipality.objects.filter(skr_group__isnull=False).exists()


def available_features() -> list[Feature]:
    """The features a composition may use now."""
    return [feature for feature in Feature if feature != Feature.SKR_GROUP or skr_groups_imported()]


def municipality_features() -> Features:
    """The five features of all 290 municipalities, read in a handful of queries."""
    sizes = populations()
    scores = latest_overall_scores()
    in_production = municipalities_in_production()
    rows = Municipality.objects.values_list("code", "county_id", "skr_group_id")
    of: dict[str, dict[str, str]] = {}
    for code, county, group in rows:
        size = size_class_of(sizes.get(code))
        score = scores.get(code)
        # Plain strings as keys: a frozen pool stores them, and forms post them.
        of[code] = {
            Feature.SIZE.value: str(size) if size is not None else UNKNOWN,
            Feature.SKR_GROUP.value: group or UNKNOWN,
            Feature.COUNTY.value: county,
            # The overall score is a mean of levels; its whole part names the level reached.
            Feature.MATURITY.value: UNKNOWN if score is None else str(max(1, math.floor(score))),
            Feature.PRODUCTION.value: YES if code in in_production else NO,
        }
    labels = value_labels()
    values = {
        feature: tuple(value for value in labels[feature] if _used(of, feature, value))
        for feature in Feature.values
    }
    return Features(of, values, labels)


def _used(of: dict[str, dict[str, str]], feature: str, value: str) -> bool:
    # The "unknown" value is offered only where some municipality has it.
    return value != UNKNOWN or any(row[feature] == UNKNOWN for row in of.values())


def value_labels() -> dict[str, dict[str, str]]:
    """Each feature's value keys, in reading order, with their names."""
    return {
        Feature.SIZE.value: {
            **{str(value): str(label) for value, label in SizeClass.choices},
            UNKNOWN: _("Folkmängd okänd"),
        },
        Feature.SKR_GROUP.value: {
            **{
                code: f"{code} {name}"
                for code, name in MunicipalityGroup.objects.values_list("code", "name")
            },
            UNKNOWN: _("Ingen kommungrupp importerad"),
        },
        Feature.COUNTY.value: dict(County.objects.values_list("code", "short_name")),
        Feature.MATURITY.value: {
            **{
                level: _("Mognadsnivå %(level)d") % {"level": int(level)}
                for level in MATURITY_LEVELS
            },
            UNKNOWN: _("Ingen självskattning"),
        },
        Feature.PRODUCTION.value: {YES: _("Har AI i drift"), NO: _("Inget AI i drift")},
    }


def feature_label(feature: str) -> str:
    return str(Feature(feature).label) if feature in Feature.values else feature
