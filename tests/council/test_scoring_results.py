"""A scoring round's results: the council's weights from the members' judgements, each item's
weighted score with the members' spread, how sure each rank is, and the scores per segment of
the members' municipalities, with a segment of too few members said plainly and not shown."""

from __future__ import annotations

import numpy as np
import pytest
from django.test import Client

from radslag.accounts.models import Membership
from radslag.council import scoring
from radslag.council.acceptability import (
    acceptability_chart,
    acceptability_from_matrix,
    acceptability_from_ranks,
)
from radslag.council.models import Item, Round
from radslag.council.scoring_results import scoring_result
from radslag.council.segments import Segmentation
from tests.people import convener, council_member

pytestmark = pytest.mark.django_db

SMALL, CITIES, MEDIUM = ("2026", "1715", "2021"), ("0180", "1480", "1280"), "2062"


@pytest.fixture
def round_() -> Round:
    created = Round.objects.create(
        title="Teman",
        question="Vad ska rådet driva?",
        kind=Round.Kind.SCORING,
        status=Round.Status.OPEN,
    )
    Item.objects.bulk_create(Item(round=created, label=label) for label in ("A", "B", "C"))
    scoring.create_default_criteria(created)
    return created


def answer(round_: Round, code: str, favour: int, scores: dict[str, list[int]]) -> None:
    """A member of ``code`` who finds criterion ``favour`` three times as important as each
    other (the others equal) and gives each item its five scores."""
    person = council_member(f"ledamot-{code}")
    Membership.objects.filter(person=person).update(municipality_id=code)
    criteria = scoring.criteria_of(round_)
    judgements = {}
    for i, j in scoring.pairs(criteria):
        value = 3.0 if i == favour else 1 / 3 if j == favour else 1.0
        judgements[scoring.judgement_key(criteria[i], criteria[j])] = value
    scoring.save_judgements(person, round_, judgements)
    items = {item.label: item for item in round_.items.all()}
    scoring.save_scores(
        person,
        round_,
        {
            scoring.score_key(items[label], criterion): value
            for label, values in scores.items()
            for criterion, value in zip(criteria, values, strict=True)
        },
    )


# Nytta, Genomförbarhet, Spridning, Risk (lower better), Jämlikhet.
CLEAR = {"A": [5, 5, 5, 1, 5], "B": [3, 3, 3, 3, 3], "C": [1, 1, 1, 5, 1]}


def test_an_item_best_on_every_criterion_wins_for_certain_and_risk_counts_backwards(
    round_: Round,
) -> None:
    for code in SMALL:
        answer(round_, code, 0, CLEAR)

    result = scoring_result(round_)

    assert result is not None
    assert [row.item.label for row in result.ranked] == ["A", "B", "C"]
    assert [round(row.score) for row in result.ranked] == [100, 50, 0]
    assert result.ranked[0].first == 100
    assert (result.ranked[0].rank_low, result.ranked[0].rank_high) == (1, 1)
    assert result.members == result.scorers == 3
    assert result.consistency_ratio == pytest.approx(0.0, abs=1e-9)
    # Nytta three times each of four others: 3 / (3 + 4).
    assert result.weights[0].weight == pytest.approx(300 / 7)


def test_the_council_weights_are_the_geometric_mean_and_the_interval_spans_the_members(
    round_: Round,
) -> None:
    # Two members favour Nytta, where A is strong; one favours Risk, where B is safer.
    answer(round_, SMALL[0], 0, {"A": [5, 3, 3, 5, 3], "B": [2, 3, 3, 1, 3], "C": [1, 1, 1, 3, 1]})
    answer(round_, SMALL[1], 0, {"A": [5, 3, 3, 5, 3], "B": [2, 3, 3, 1, 3], "C": [1, 1, 1, 3, 1]})
    answer(round_, SMALL[2], 3, {"A": [5, 3, 3, 5, 3], "B": [2, 3, 3, 1, 3], "C": [1, 1, 1, 3, 1]})

    result = scoring_result(round_)

    assert result is not None
    weights = {row.criterion.name: row for row in result.weights}
    assert weights["Nytta"].low < weights["Nytta"].weight < weights["Nytta"].high
    assert sum(row.weight for row in result.weights) == pytest.approx(100)
    rows = {row.item.label: row for row in result.ranked}
    assert rows["A"].low < rows["A"].score < rows["A"].high
    assert rows["C"].rank == 3
    # Neither A nor B is sure of rank 1 when the weights vary over the members' range.
    assert 0 < rows["A"].first < 100
    assert rows["A"].first + rows["B"].first == pytest.approx(100)


def test_segments_of_too_few_members_are_said_plainly_and_not_shown(round_: Round) -> None:
    for code in SMALL:
        answer(round_, code, 0, CLEAR)
    for code in CITIES:
        answer(round_, code, 0, {"A": [1, 1, 1, 5, 1], "B": [3, 3, 3, 3, 3], "C": [5, 5, 5, 1, 5]})
    answer(round_, MEDIUM, 0, CLEAR)

    result = scoring_result(round_, Segmentation.SIZE)

    assert result is not None
    columns = {column.label: column for column in result.segments}
    assert columns["Under 15 000 invånare"].members == 3
    assert columns["15 000–49 999 invånare"].shown is False
    assert columns["200 000 invånare eller fler"].shown is True
    small, medium, cities = (
        list(result.segments).index(columns[label])
        for label in (
            "Under 15 000 invånare",
            "15 000–49 999 invånare",
            "200 000 invånare eller fler",
        )
    )
    a = next(row for row in result.segment_rows if row.item.label == "A")
    assert a.scores[small] == pytest.approx(100)
    assert a.scores[cities] == pytest.approx(0)
    assert a.scores[medium] is None


def test_the_results_page_shows_weights_ranking_acceptabilities_and_segments(round_: Round) -> None:
    for code in (*SMALL, MEDIUM):
        answer(round_, code, 0, CLEAR)
    client = Client()
    client.force_login(convener())

    html = client.get(f"/radet/omgangar/{round_.pk}/resultat/?segment=size").content.decode()

    assert "4 ledamöter har viktat kriterierna och 4 har poängsatt alternativen." in html
    assert "Rådets vikter med spännvidden bland ledamöternas egna, procent" in html
    assert "”A” hamnar på plats 1 med sannolikheten 100 procent." in html
    assert "Sannolikheten, i procent, att alternativet hamnar på varje plats" in html
    assert (
        "15 000–49 999 invånare: bara 1 ledamot, för få för att visa utan att röja enskildas svar."
        in html
    )


def test_a_round_nobody_weighed_says_so(round_: Round) -> None:
    client = Client()
    client.force_login(convener())

    html = client.get(f"/radet/omgangar/{round_.pk}/resultat/").content.decode()

    assert scoring_result(round_) is None
    assert "Ingen ledamot har viktat kriterierna än." in html


def test_a_new_answer_is_counted_at_once(round_: Round) -> None:
    client = Client()
    client.force_login(convener())
    answer(round_, SMALL[0], 0, CLEAR)
    client.get(f"/radet/omgangar/{round_.pk}/resultat/")
    answer(round_, SMALL[1], 0, CLEAR)

    html = client.get(f"/radet/omgangar/{round_.pk}/resultat/").content.decode()

    assert "2 ledamöter har viktat kriterierna" in html


def test_acceptabilities_from_sampled_ranks_count_each_rank() -> None:
    ranks = np.array([[1, 2, 3], [2, 1, 3], [1, 2, 3], [1, 3, 2]])

    table = acceptability_from_ranks(["A", "B", "C"], ranks)

    assert table.samples == 4
    assert table.rows[0].shares == [75, 25, 0]
    assert table.rows[2].shares == [0, 25, 75]
    assert table.rows[1].top_three == 100
    assert (table.rows[0].rank_low, table.rows[0].rank_high) == (1, 2)


def test_the_acceptability_chart_has_a_bar_per_item_and_its_shares() -> None:
    table = acceptability_from_matrix(["A", "B"], [[0.8, 0.2], [0.2, 0.8]])

    chart = acceptability_chart(table)

    assert [row.header.text for row in chart.table.rows] == ["A", "B"]
    assert chart.table.rows[0].cells[0] == "8000 (80 %)"


def test_a_matrix_that_does_not_fit_the_labels_is_refused() -> None:
    with pytest.raises(ValueError, match="expected 3 x 3"):
        acceptability_from_matrix(["A", "B", "C"], np.eye(2))
