"""A wiki survey's results: how sure each rank is, and the groups of municipalities side by
side with the bridging score (the item's score in the group that ranks it lowest)."""

from __future__ import annotations

import pytest
from django.test import Client

from radslag.council import survey
from radslag.council.models import Round
from radslag.council.results import survey_result
from radslag.council.segments import Segmentation
from radslag.municipalities.models import Municipality

pytestmark = pytest.mark.django_db


def _votes(round_: Round, code: str, order: str, times: int) -> None:
    """Staff of ``code`` prefer the items in ``order``, each pair ``times`` times."""
    link = survey.create_link(round_, Municipality.objects.get(code=code), None)[0]
    items = {item.label: item for item in round_.items.all()}
    for n in range(times):
        for better, worse in ((order[0], order[1]), (order[0], order[2]), (order[1], order[2])):
            survey.record_vote(link, f"{code}-{n}", items[better].pk, items[worse].pk, "vanster")


def test_a_leader_every_vote_prefers_is_sure_of_rank_one(round_: Round) -> None:
    _votes(round_, "2026", "ABC", 30)

    result = survey_result(round_)

    assert result is not None
    leader = result.ranked[0]
    assert leader.item.label == "A"
    assert leader.first > 99
    assert (leader.rank_low, leader.rank_high) == (1, 1)
    assert sum(row.first for row in result.ranked) == pytest.approx(100)


def test_the_bridging_score_is_the_score_in_the_group_that_ranks_the_item_lowest(
    round_: Round,
) -> None:
    # Gagnef (small) puts A first, Stockholm (a city) puts A last; both put B in the middle.
    _votes(round_, "2026", "ABC", 20)
    _votes(round_, "0180", "CBA", 20)

    result = survey_result(round_, segmentation=Segmentation.SIZE)

    assert result is not None
    rows = {row.item.label: row for row in result.segment_rows}
    small, city = (column.label for column in result.segments)
    assert (small, city) == ("Under 15 000 invånare", "200 000 invånare eller fler")
    assert rows["A"].weakest == city
    assert rows["C"].weakest == small
    assert rows["B"].lowest > rows["A"].lowest
    assert rows["A"].lowest == min(rows["A"].scores)


def test_the_page_says_how_sure_rank_one_is(round_: Round) -> None:
    _votes(round_, "2026", "ABC", 10)
    round_.status = Round.Status.PUBLISHED
    round_.save()

    page = Client().get(f"/radet/omgangar/{round_.pk}/resultat/").content.decode()

    assert "Hur säker är förstaplatsen? ”A” ligger först med sannolikheten" in page
    assert "Överbryggande (lägsta poäng i någon grupp)" in page
