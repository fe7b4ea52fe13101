"""A need's page: text, support, merged texts, near-duplicates, solutions; support and merge."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from radslag.municipalities.models import Municipality
from radslag.needs.models import Need
from radslag.needs.support import merge
from radslag.register.choices import Publication, Stage
from radslag.register.models import UseCase
from tests.needs.conftest import ELDERLY_CARE_PARAPHRASE, WATER_TEXT, MakeNeed, support_codes
from tests.people import convener

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client: Client, django_user_model: Any) -> Client:
    client.force_login(convener("sammankallande"))
    return client


def speech_case(
    code: str, stage: str = Stage.IN_PRODUCTION, status: str = Publication.PUBLISHED
) -> UseCase:
    return UseCase.objects.create(
        title="Taligenkänning för social dokumentation i hemtjänsten",
        summary="Personalen i hemtjänsten dikterar dokumentationen; texten skrivs av AI.",
        organisation=Municipality.objects.get(code=code),
        area="aldreomsorg",
        stage=stage,
        start_date="2024-01-01" if stage == Stage.IN_PRODUCTION else None,
        status=status,
    )


def test_it_shows_the_text_the_submitter_and_every_supporter(
    client: Client, make_need: MakeNeed
) -> None:
    need = make_need("0180", supporters=["1480"])
    content = client.get(f"/behov/{need.pk}/").content.decode()
    assert need.text in content
    assert "Stockholm" in content
    assert "Göteborg" in content
    assert "2 kommuner står bakom" in content


def test_it_offers_near_duplicates_and_not_unrelated_needs(
    client: Client, make_need: MakeNeed
) -> None:
    need = make_need("0180")
    twin = make_need("1280", title="Tal till text i hemtjänsten", text=ELDERLY_CARE_PARAPHRASE)
    other = make_need("2480", title="Läckor i VA-nätet", text=WATER_TEXT, area="teknik")
    response = client.get(f"/behov/{need.pk}/")
    similar = [match.need for match in response.context["similar"]]
    assert similar == [twin]
    assert other not in similar


def test_it_lists_matching_use_cases_and_who_runs_them_in_production(
    client: Client, make_need: MakeNeed
) -> None:
    speech_case("2480")
    need = make_need("0180")
    response = client.get(f"/behov/{need.pk}/")
    solutions = response.context["solutions"]
    assert [s.case.organisation_id for s in solutions.cases] == ["2480"]
    assert [m.code for m in solutions.municipalities_in_production] == ["2480"]
    assert "Umeå" in response.content.decode()


def test_a_signed_in_person_sees_a_use_case_registered_since_their_last_look(
    staff: Client, make_need: MakeNeed
) -> None:
    need = make_need("0180")
    assert staff.get(f"/behov/{need.pk}/").context["solutions"].cases == []
    speech_case("2480")
    solutions = staff.get(f"/behov/{need.pk}/").context["solutions"]
    assert [s.case.organisation_id for s in solutions.cases] == ["2480"]


def test_one_solution_run_by_several_municipalities_is_listed_once_with_all_of_them(
    client: Client, make_need: MakeNeed
) -> None:
    speech_case("2480")
    speech_case("1880")
    speech_case("1280", stage=Stage.PILOT)
    need = make_need("0180")
    solutions = client.get(f"/behov/{need.pk}/").context["solutions"]
    assert len(solutions.cases) == 1
    assert [m.code for m in solutions.cases[0].in_production] == ["2480", "1880"]


def test_a_use_case_about_something_else_is_not_offered(
    client: Client, make_need: MakeNeed
) -> None:
    UseCase.objects.create(
        title="Snöröjning med prognoser",
        summary="Vägunderhållet planerar plogningen utifrån väderprognoser och sensorer.",
        area="teknik",
        stage=Stage.IN_PRODUCTION,
        start_date="2024-01-01",
        status=Publication.PUBLISHED,
    )
    speech_case("2480")
    need = make_need("0180")
    solutions = client.get(f"/behov/{need.pk}/").context["solutions"].cases
    assert [solution.case.title for solution in solutions] == [
        "Taligenkänning för social dokumentation i hemtjänsten"
    ]


def test_a_draft_use_case_is_not_offered_to_the_public(client: Client, make_need: MakeNeed) -> None:
    speech_case("2480", status=Publication.DRAFT)
    need = make_need("0180")
    assert client.get(f"/behov/{need.pk}/").context["solutions"].cases == []


def test_a_merged_need_shows_where_its_support_went_and_the_kept_shows_its_text(
    client: Client, make_need: MakeNeed
) -> None:
    kept, other = make_need("0180"), make_need("1280", text=ELDERLY_CARE_PARAPHRASE)
    merge(kept, other)
    assert "sammanslaget med" in client.get(f"/behov/{other.pk}/").content.decode()
    content = client.get(f"/behov/{kept.pk}/").content.decode()
    assert ELDERLY_CARE_PARAPHRASE in content
    assert "2 kommuner står bakom" in content


def test_staff_can_merge_from_the_page_and_the_support_adds_up(
    staff: Client, make_need: MakeNeed
) -> None:
    kept = make_need("0180", supporters=["1480"])
    other = make_need("1280", text=ELDERLY_CARE_PARAPHRASE, supporters=["1480", "0380"])
    confirmation = staff.post(f"/behov/{kept.pk}/sla-ihop/", {"other": other.pk})
    assert "4 kommuner står bakom inlägget efteråt." in confirmation.content.decode()
    response = staff.post(
        f"/behov/{kept.pk}/sla-ihop/", {"other": other.pk, "bekrafta": "1"}, follow=True
    )
    assert "från 2 till 4 kommuner" in response.content.decode()
    assert support_codes(kept) == ["0180", "0380", "1280", "1480"]


def test_merging_with_a_need_that_does_not_exist_is_refused_with_a_message(
    staff: Client, make_need: MakeNeed
) -> None:
    kept = make_need("0180")
    response = staff.post(f"/behov/{kept.pk}/sla-ihop/", {"other": 999999}, follow=True)
    assert "finns inte" in response.content.decode()
    response = staff.post(f"/behov/{kept.pk}/sla-ihop/", {"other": "x"}, follow=True)
    assert response.status_code == 200


def test_the_public_cannot_merge_or_add_support(client: Client, make_need: MakeNeed) -> None:
    kept, other = make_need("0180"), make_need("1280")
    assert client.post(f"/behov/{kept.pk}/sla-ihop/", {"other": other.pk}).status_code == 302
    assert client.post(f"/behov/{kept.pk}/stod/", {"municipality": "2480"}).status_code == 302
    assert Need.objects.open().count() == 2
    assert support_codes(kept) == ["0180"]


def test_staff_can_add_a_municipalitys_support_once(staff: Client, make_need: MakeNeed) -> None:
    need = make_need("0180")
    staff.post(f"/behov/{need.pk}/stod/", {"municipality": "2480"})
    response = staff.post(f"/behov/{need.pk}/stod/", {"municipality": "2480"}, follow=True)
    assert "räknas en gång" in response.content.decode()
    assert support_codes(need) == ["0180", "2480"]


def test_the_duplicate_review_lists_similar_pairs_keeping_the_better_supported(
    staff: Client, make_need: MakeNeed
) -> None:
    small = make_need("0180")
    large = make_need("1280", text=ELDERLY_CARE_PARAPHRASE, supporters=["1480", "0380"])
    make_need("2480", title="Läckor i VA-nätet", text=WATER_TEXT, area="teknik")
    response = staff.get("/behov/dubbletter/")
    assert [(kept, other) for kept, other, _ in response.context["pairs"]] == [(large, small)]


def test_an_unknown_need_is_a_404(client: Client) -> None:
    assert client.get("/behov/999999/").status_code == 404
