"""Where a round's items can come from besides the convener's own lines: the needs' themes,
the application areas, and what other apps contribute (the initiatives). Each item keeps its
source key ("needs.theme:12"), so the results, the national recommendations and the next steps
can follow it back to its evidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from radslag.core.areas import Area
from radslag.core.text_limits import TITLE

# (label, source key) pairs, in the order a round should list them.
Items = list[tuple[str, str]]

OWN = "egna"
THEMES = "teman"
# An item that is one of the needs' themes: this prefix and the theme's id.
THEME_SOURCE = "needs.theme:"


@dataclass(frozen=True)
class ItemSource:
    key: str
    label: str | Promise
    items: Callable[[], Items]
    order: int


_sources: dict[str, ItemSource] = {}
# Per source prefix ("needs.theme"), the address of the thing an item stands for, from its id.
_links: dict[str, Callable[[str], str]] = {}


def contribute(key: str, label: str | Promise, items: Callable[[], Items], order: int) -> None:
    _sources[key] = ItemSource(key, label, items, order)


def contribute_link(prefix: str, address: Callable[[str], str]) -> None:
    _links[prefix] = address


def address_of(source: str) -> str | None:
    """Where the item's source is shown, or None for a typed item or an unknown source."""
    prefix, _colon, identifier = source.partition(":")
    address = _links.get(prefix)
    if address is None or not identifier:
        return None
    try:
        return address(identifier)
    except (NoReverseMatch, ValueError):
        return None


def choices() -> list[tuple[str, str | Promise]]:
    ordered = sorted(_sources.values(), key=lambda source: source.order)
    return [(OWN, _("Egna alternativ, ett per rad")), *((s.key, s.label) for s in ordered)]


def items_of(key: str) -> Items:
    """The source's items, labels cut to the length an item may have."""
    source = _sources.get(key)
    if source is None:
        return []
    return [(label[:TITLE], source_key) for label, source_key in source.items()]


def _themes() -> Items:
    from radslag.needs.models import Theme

    live = Theme.objects.live().order_by("pk").values_list("pk", "label")
    return [(label, f"{THEME_SOURCE}{pk}") for pk, label in live]


def _areas() -> Items:
    return [(str(area.label), f"core.area:{area.value}") for area in Area]


contribute(THEMES, _("Behovens teman (de aktuella)"), _themes, order=10)
contribute("omraden", _("Tillämpningsområdena"), _areas, order=20)
contribute_link(THEME_SOURCE.rstrip(":"), lambda pk: reverse("needs:theme", args=[int(pk)]))
contribute_link("core.area", lambda code: f"{reverse('register:list')}?area={code}")
