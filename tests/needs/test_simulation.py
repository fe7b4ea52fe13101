"""The example needs: deterministic, labelled, with planted themes and near-duplicates."""

from __future__ import annotations

from collections import Counter

import pytest
from django.core.management import call_command

from radslag.maturity.comparison import populations
from radslag.needs.corpus import duplicate_pairs, generate
from radslag.needs.models import Need, Theme
from radslag.needs.simulation import simulate
from radslag.register.areas import Area
from tests.needs.conftest import MakeNeed

POPULATIONS = {"0180": 984_748.0, "2480": 130_000.0, "0381": 46_000.0, "2421": 2_400.0}


def test_the_same_seed_gives_the_same_needs_and_another_seed_others() -> None:
    first = simulate(POPULATIONS, 200, seed=1).needs
    assert first == simulate(POPULATIONS, 200, seed=1).needs
    assert first != simulate(POPULATIONS, 200, seed=2).needs


def test_every_need_is_written_in_a_known_kind_and_area() -> None:
    needs = simulate(POPULATIONS, 300, seed=1).needs
    assert {need.kind for need in needs} == set(Need.Kind.values)
    assert {need.area for need in needs} <= set(Area.values)
    assert all(need.title and len(need.title) <= 200 for need in needs)


def test_texts_of_one_need_come_from_different_municipalities_where_there_are_enough() -> None:
    needs = simulate(POPULATIONS, 300, seed=1).needs
    by_need: dict[int, list[str]] = {}
    for need in needs:
        by_need.setdefault(need.need, []).append(need.municipality)
    for codes in by_need.values():
        if len(codes) <= len(POPULATIONS):
            assert len(set(codes)) == len(codes)


def test_larger_municipalities_raise_more_needs_but_fewer_per_inhabitant() -> None:
    counts = Counter(need.municipality for need in simulate(POPULATIONS, 2000, seed=1).needs)
    assert counts["0180"] > counts["2480"] > counts["2421"]
    assert counts["0180"] / POPULATIONS["0180"] < counts["2421"] / POPULATIONS["2421"]


def test_a_cosigner_is_never_the_submitter() -> None:
    for need in simulate(POPULATIONS, 500, seed=1).needs:
        assert need.municipality not in need.supporters


def test_a_need_to_be_merged_points_to_the_first_text_of_the_same_need() -> None:
    needs = simulate(POPULATIONS, 1500, seed=1).needs
    merged = [need for need in needs if need.merge_into is not None]
    assert merged
    for need in merged:
        target = needs[need.merge_into]  # type: ignore[index]
        assert target.need == need.need
        assert target.merge_into is None


def test_the_planted_duplicates_are_pairs_of_texts_of_one_need() -> None:
    corpus = generate(400, seed=1)
    pairs = duplicate_pairs(corpus.need)
    assert pairs
    assert all(corpus.need[i] == corpus.need[j] and i < j for i, j in pairs)


def test_it_refuses_an_empty_request() -> None:
    with pytest.raises(ValueError, match="count"):
        simulate(POPULATIONS, 0, seed=1)
    with pytest.raises(ValueError, match="populations"):
        simulate({}, 10, seed=1)


@pytest.mark.django_db
def test_the_command_replaces_example_needs_and_leaves_real_ones(make_need: MakeNeed) -> None:
    real = make_need("0180")
    call_command("demo_needs", seed=1, count=120)
    call_command("demo_needs", seed=1, count=120)
    assert Need.objects.filter(is_example=True).count() == 120
    assert Need.objects.filter(is_example=False).get() == real
    assert Theme.objects.exists()
    stored = sorted(Need.objects.filter(is_example=True).values_list("text", flat=True))
    assert stored == sorted(need.text for need in simulate(populations(), 120, seed=1).needs)


@pytest.mark.django_db
def test_a_real_need_merged_into_an_example_survives_the_replacement(make_need: MakeNeed) -> None:
    call_command("demo_needs", seed=1, count=60)
    example = Need.objects.filter(is_example=True).first()
    real = make_need("0180")
    Need.objects.filter(pk=real.pk).update(merged_into=example)
    call_command("demo_needs", seed=2, count=60)
    real.refresh_from_db()
    assert real.merged_into is None
