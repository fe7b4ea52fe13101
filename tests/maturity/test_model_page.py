"""The model page at /mognad/modell/: every dimension with all five descriptors."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from radslag.maturity.models import Level, MaturityModel
from tests.html import contains
from tests.maturity.conftest import text

pytestmark = pytest.mark.django_db


def test_it_shows_every_descriptor_of_the_current_version(client: Client) -> None:
    page = text(client.get("/mognad/modell/"))

    for descriptor in Level.objects.filter(dimension__model=MaturityModel.objects.current()):
        assert descriptor.descriptor in page
    assert "Nivå 3 · Etablerad." in page
    assert "Version 2025." in page


def test_it_explains_how_the_scores_are_computed(client: Client) -> None:
    page = text(client.get("/mognad/modell/"))

    assert "medelvärdet av nivåerna i alla dimensioner" in page
    assert "visas bara när minst 5 kommuner har skickat in" in page


def test_it_has_one_h1_and_a_heading_per_dimension(client: Client) -> None:
    page = text(client.get("/mognad/modell/"))

    assert len(re.findall(r"<h1[ >]", page)) == 1
    assert contains(page, '<h2 id="strategi">1. Strategi och ledning</h2>')
    assert contains(page, '<h2 id="anvandning">7. Användning och nyttorealisering</h2>')
