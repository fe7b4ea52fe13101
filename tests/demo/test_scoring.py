"""The council's example scoring rounds: twelve simulated members from municipalities of
every size, a published round with its results and an open one the demo's member can answer."""

from __future__ import annotations

import pytest
from django.test import Client

from radslag.council.models import Criterion, Item, Round, ScoringSheet
from radslag.council.scoring_results import scoring_result
from radslag.council.segments import Segmentation
from radslag.demo.scoring import simulate_scoring
from tests.people import council_member

pytestmark = pytest.mark.django_db


def answers() -> list[tuple[str, str, list[tuple[str, float]]]]:
    """Every answer by member, municipality and the names it refers to, not database ids."""
    criteria = {str(c.pk): f"{c.round.title}: {c.name}" for c in Criterion.objects.all()}
    items = {str(item.pk): item.label for item in Item.objects.all()}
    rows = []
    for sheet in ScoringSheet.objects.select_related("person"):
        for answers, first in ((sheet.judgements, criteria), (sheet.scores, items)):
            named = []
            for key, value in answers.items():
                one, other = key.split(":")
                named.append((f"{first[one]} / {criteria[other]}", value))
            rows.append((sheet.person.username, str(sheet.municipality_id), sorted(named)))
    return sorted(rows)


def test_the_same_seed_gives_the_same_answers_and_a_new_run_replaces_the_old() -> None:
    simulate_scoring(seed=2)
    first = answers()
    simulate_scoring(seed=2)

    assert answers() == first
    assert Round.objects.filter(kind=Round.Kind.SCORING).count() == 2
    assert ScoringSheet.objects.filter(round__status=Round.Status.PUBLISHED).count() == 12
    assert ScoringSheet.objects.filter(round__status=Round.Status.OPEN).count() == 7


def test_the_published_round_is_marked_and_its_results_show_the_size_classes() -> None:
    made = simulate_scoring(seed=1)

    result = scoring_result(made.round, Segmentation.SIZE)
    html = Client().get(f"/radet/omgangar/{made.round.pk}/resultat/").content.decode()

    assert made.round.is_example
    assert made.open_round.is_example
    assert result is not None
    assert [column.members for column in result.segments] == [3, 3, 4, 2]
    assert [column.shown for column in result.segments] == [True, True, True, False]
    assert "Exempeldata." in html
    assert "12 ledamöter har viktat kriterierna och 12 har poängsatt alternativen." in html


def test_a_council_member_can_answer_the_open_round() -> None:
    made = simulate_scoring(seed=1)
    client = Client()
    client.force_login(council_member())

    assert client.get(f"/radet/omgangar/{made.open_round.pk}/vikta/").status_code == 200
    assert client.get(f"/radet/omgangar/{made.open_round.pk}/poangsatt/").status_code == 200
    assert client.get(f"/radet/omgangar/{made.open_round.pk}/resultat/").status_code == 200
