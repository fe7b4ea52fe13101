"""Submissions made to order for the needs tests, and a fresh text index for each test."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import pytest

from radslag.municipalities.models import Municipality
from radslag.needs import index
from radslag.needs.models import Need
from radslag.needs.support import submit

MakeNeed = Callable[..., Need]

ELDERLY_CARE_TEXT = (
    "Vi behöver stöd för att införa taligenkänning i dokumentationen i hemtjänsten. "
    "Syftet är att frigöra mer tid till brukarna."
)
ELDERLY_CARE_PARAPHRASE = (
    "Vi behöver stöd för att använda taligenkänning i dokumentationen i hemtjänsten. "
    "Syftet är att ge personalen mer tid med brukarna."
)
WATER_TEXT = (
    "Kommunen vill hitta läckor i VA-nätet med sensordata och maskininlärning för att "
    "minska vattenförlusterna."
)


@pytest.fixture(autouse=True)
def fresh_index() -> Iterator[None]:
    # The index lives per process; a test must not see another test's submissions.
    index._cache.clear()
    yield
    index._cache.clear()


@pytest.fixture
def make_need(db: None) -> MakeNeed:
    """``make_need("0180", text=..., supporters=["1480"])`` submits and returns a need."""

    def make(
        code: str,
        title: str = "Taligenkänning i hemtjänsten",
        text: str = ELDERLY_CARE_TEXT,
        area: str = "aldreomsorg",
        kind: str = Need.Kind.NEED,
        supporters: Sequence[str] = (),
        is_example: bool = False,
    ) -> Need:
        need = Need(
            kind=kind,
            title=title,
            text=text,
            area=area,
            municipality=Municipality.objects.get(code=code),
            is_example=is_example,
        )
        return submit(need, Municipality.objects.filter(code__in=supporters))

    return make


def support_codes(need: Need) -> list[str]:
    return sorted(need.supports.values_list("municipality_id", flat=True))
