"""Support and merging: every municipality behind a need counts once, and merging loses none."""

from __future__ import annotations

import pytest

from radslag.municipalities.models import Municipality
from radslag.needs.models import Need, Support
from radslag.needs.support import add_support, kept_version, merge
from tests.needs.conftest import WATER_TEXT, MakeNeed, support_codes

pytestmark = pytest.mark.django_db


def test_a_new_need_is_backed_by_its_submitter_and_its_cosigners(make_need: MakeNeed) -> None:
    need = make_need("0180", supporters=["1480", "1280"])
    assert support_codes(need) == ["0180", "1280", "1480"]


def test_a_cosigner_that_is_also_the_submitter_counts_once(make_need: MakeNeed) -> None:
    need = make_need("0180", supporters=["0180", "1480"])
    assert support_codes(need) == ["0180", "1480"]


def test_merging_adds_the_support_of_both_and_counts_a_shared_supporter_once(
    make_need: MakeNeed,
) -> None:
    kept = make_need("0180", supporters=["1480", "1280"])
    other = make_need("2580", supporters=["1480", "0380"])
    result = merge(kept, other)
    assert (result.support_before, result.support_after) == (3, 5)
    assert support_codes(kept) == ["0180", "0380", "1280", "1480", "2580"]
    assert sorted(m.code for m in result.added) == ["0380", "2580"]


def test_merging_keeps_both_texts_and_the_merged_one_points_to_the_kept(
    make_need: MakeNeed,
) -> None:
    kept = make_need("0180")
    other = make_need("2580", title="Läckor i VA-nätet", text=WATER_TEXT, area="teknik")
    merge(kept, other)
    other.refresh_from_db()
    assert other.merged_into == kept
    assert other.text == WATER_TEXT
    assert list(kept.merged.all()) == [other]
    assert list(Need.objects.open()) == [kept]


def test_the_merged_need_keeps_its_own_support_rows_as_history(make_need: MakeNeed) -> None:
    kept = make_need("0180")
    other = make_need("2580", supporters=["0380"])
    merge(kept, other)
    assert support_codes(other) == ["0380", "2580"]
    via = Support.objects.filter(need=kept, via=other).values_list("municipality_id", flat=True)
    assert sorted(via) == ["0380", "2580"]


def test_merging_a_chain_carries_all_support_and_all_texts_to_the_last_kept(
    make_need: MakeNeed,
) -> None:
    first = make_need("0180")
    second = make_need("1480")
    third = make_need("1280", supporters=["0380"])
    merge(second, first)
    merge(third, second)
    assert support_codes(third) == ["0180", "0380", "1280", "1480"]
    assert set(third.merged.all()) == {first, second}
    assert kept_version(first) == third


def test_merging_when_the_kept_already_has_every_supporter_adds_nothing(
    make_need: MakeNeed,
) -> None:
    kept = make_need("0180", supporters=["1480"])
    other = make_need("1480", supporters=["0180"])
    result = merge(kept, other)
    assert (result.support_before, result.support_after, result.added) == (2, 2, [])


def test_a_need_cannot_be_merged_with_itself(make_need: MakeNeed) -> None:
    need = make_need("0180")
    with pytest.raises(ValueError, match="itself"):
        merge(need, need)


def test_a_need_merged_away_cannot_be_merged_again(make_need: MakeNeed) -> None:
    kept, other, third = make_need("0180"), make_need("1480"), make_need("1280")
    merge(kept, other)
    with pytest.raises(ValueError, match="already been merged"):
        merge(third, other)
    with pytest.raises(ValueError, match="already been merged"):
        merge(other, third)


def test_support_given_to_a_merged_need_goes_to_the_kept_one(make_need: MakeNeed) -> None:
    kept, other = make_need("0180"), make_need("1480")
    merge(kept, other)
    assert add_support(other, Municipality.objects.get(code="2580"))
    assert support_codes(kept) == ["0180", "1480", "2580"]


def test_support_from_a_municipality_already_behind_a_need_is_not_counted_twice(
    make_need: MakeNeed,
) -> None:
    need = make_need("0180", supporters=["1480"])
    assert not add_support(need, Municipality.objects.get(code="1480"))
    assert Need.objects.with_support().get(pk=need.pk).support_count == 2  # type: ignore[attr-defined]
