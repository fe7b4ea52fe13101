"""Merging is confirmed on its own page and can be undone with the support exactly restored."""

from __future__ import annotations

import contextlib

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radslag.needs.models import Merge, Need
from radslag.needs.support import UndoRefusedError, merge, undo
from tests.needs.conftest import MakeNeed, support_codes
from tests.people import convener

pytestmark = pytest.mark.django_db

CODES = ["0180", "1480", "1280", "2062", "1715", "0114", "1283"]


@pytest.fixture
def staff(client: Client) -> Client:
    client.force_login(convener("sam"))
    return client


def test_a_merge_is_confirmed_on_a_page_with_both_texts_and_the_support_after(
    staff: Client, make_need: MakeNeed
) -> None:
    kept = make_need("2062", title="Tolkning i vården", supporters=["1715"])
    other = make_need("0180", title="Tolk med AI", text="Tolkning med AI-stöd i hemtjänsten.")

    page = staff.post(f"/behov/{kept.pk}/sla-ihop/", {"other": other.pk})

    assert page.status_code == 200
    text = page.content.decode()
    assert "Tolkning i vården" in text
    assert "Tolkning med AI-stöd i hemtjänsten." in text
    assert "3 kommuner står bakom inlägget efteråt." in text
    assert Need.objects.get(pk=other.pk).merged_into is None

    done = staff.post(f"/behov/{kept.pk}/sla-ihop/", {"other": other.pk, "bekrafta": "1"})

    assert done["Location"] == kept.get_absolute_url()
    assert Need.objects.get(pk=other.pk).merged_into_id == kept.pk
    assert support_codes(kept) == ["0180", "1715", "2062"]


def test_undo_restores_both_submissions_exactly(staff: Client, make_need: MakeNeed) -> None:
    kept = make_need("2062", supporters=["1715"])
    other = make_need("0180", text="En annan text om samma behov.", supporters=["1715", "1480"])
    earlier = make_need("1280", text="En tredje text om samma behov.")
    merge(other, earlier)
    merge(kept, other)

    page = staff.get(kept.get_absolute_url()).content.decode()
    assert "Ångra sammanslagningen" in page
    record = Merge.objects.get(kept=kept, undone_at__isnull=True)
    staff.post(f"/behov/sammanslagningar/{record.pk}/angra/")

    assert support_codes(kept) == ["1715", "2062"]
    assert support_codes(Need.objects.get(pk=other.pk)) == ["0180", "1280", "1480", "1715"]
    assert Need.objects.get(pk=other.pk).merged_into is None
    assert Need.objects.get(pk=earlier.pk).merged_into_id == other.pk


def test_only_the_latest_merge_into_a_submission_is_undone(make_need: MakeNeed) -> None:
    kept = make_need("2062")
    first = make_need("0180", text="Första texten om samma sak.", supporters=["1715"])
    second = make_need("1480", text="Andra texten om samma sak.", supporters=["1715"])
    merge(kept, first)
    merge(kept, second)

    with pytest.raises(UndoRefusedError, match="senare"):
        undo(Merge.objects.get(merged=first))
    undo(Merge.objects.get(merged=second))
    undo(Merge.objects.get(merged=first))

    assert support_codes(kept) == ["2062"]


def test_the_duplicates_page_says_how_many_pairs_and_shows_them_by_page(
    staff: Client, make_need: MakeNeed
) -> None:
    for code in CODES:
        make_need(code)

    first = staff.get("/behov/dubbletter/").content.decode()

    assert "21 par av öppna inlägg" in first
    assert "Visar par 1–" not in first  # 21 pairs fit on one page of 50
    assert first.count("Slå ihop</button>") == 21


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    supporters=st.lists(st.sets(st.sampled_from(CODES), max_size=3), min_size=4, max_size=4),
    steps=st.lists(
        st.one_of(
            st.tuples(st.just("merge"), st.integers(0, 3), st.integers(0, 3)),
            st.tuples(st.just("undo"), st.integers(0, 3), st.integers(0, 3)),
        ),
        max_size=8,
    ),
)
def test_no_sequence_of_merges_and_undos_loses_or_invents_support(
    make_need: MakeNeed, supporters: list[set[str]], steps: list[tuple[str, int, int]]
) -> None:
    needs = [
        make_need(
            CODES[i], text=f"Text nummer {i} om ett behov.", supporters=sorted(extra - {CODES[i]})
        )
        for i, extra in enumerate(supporters)
    ]
    own = {need.pk: set(support_codes(need)) for need in needs}
    for action, a, b in steps:
        if action == "merge":
            with contextlib.suppress(ValueError):
                merge(needs[a], needs[b])
        else:
            open_merges = list(Merge.objects.filter(undone_at__isnull=True, kept=needs[a]))
            for record in open_merges:
                with contextlib.suppress(UndoRefusedError):
                    undo(record)
        _check(needs, own)
    Merge.objects.all().delete()
    Need.objects.filter(pk__in=[n.pk for n in needs]).update(merged_into=None)
    Need.objects.filter(pk__in=[n.pk for n in needs]).delete()


def _check(needs: list[Need], own: dict[int, set[str]]) -> None:
    """Every open submission's support is exactly the union of what stands behind it."""
    for need in needs:
        current = Need.objects.get(pk=need.pk)
        if current.merged_into_id is not None:
            continue
        behind = {need.pk} | _merged_into(need.pk)
        expected = set().union(*(own[pk] for pk in behind))
        assert set(support_codes(current)) == expected


def _merged_into(pk: int) -> set[int]:
    found: set[int] = set()
    for child in Need.objects.filter(merged_into_id=pk).values_list("pk", flat=True):
        found |= {child} | _merged_into(child)
    return found
