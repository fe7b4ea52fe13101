"""One use case at /anvandningsfall/<id>/, grouped like a transparency record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from radslag.register.aiact import clean_answers
from radslag.register.models import UseCase
from tests.html import contains

pytestmark = pytest.mark.django_db

MakeCase = Callable[..., UseCase]


def test_it_shows_every_group_of_the_record(client: Client, make_case: MakeCase) -> None:
    case = make_case(
        title="Prognos för hemtjänst",
        goal="Bättre bemanning",
        technique="prognos",
        supplier="Exempel AB",
        data_sources="Besöksstatistik",
        personal_data="pseudonymiserade",
        human_oversight="Planeraren beslutar",
        effect_time="Två timmar i veckan",
        effect_evaluated=True,
        stage="i-drift",
        start_date=date(2024, 3, 1),
    )

    page = client.get(case.get_absolute_url()).content.decode()

    for heading in (
        "Översikt",
        "Syfte och nytta",
        "Teknik",
        "Livscykel",
        "Data",
        "Mänsklig kontroll och risker",
        "EU:s AI-förordning",
        "Effekt",
        "Publicering och källa",
        "Liknande användningsfall",
    ):
        assert f">{heading}</h2>" in page
    assert "Pseudonymiserade personuppgifter" in page
    assert "2024-03-01" in page
    assert "Ja, effekten är utvärderad" in page


def test_it_shows_the_ai_act_class_with_the_answer_that_led_to_it(
    client: Client, make_case: MakeCase
) -> None:
    case = make_case(aiact_answers=clean_answers({"offentliga_formaner": True}), risk_class="hog")

    page = client.get(case.get_absolute_url()).content.decode()

    assert "Hög risk" in page
    assert "bilaga III punkt 5 a" in page
    assert "Bedömer systemet om människor har rätt till offentliga förmåner" in page
    assert "Konsekvensbedömning avseende grundläggande rättigheter (FRIA)" in page
    assert "2026-08-02" in page


def test_an_unassessed_case_says_so(client: Client, make_case: MakeCase) -> None:
    page = client.get(make_case().get_absolute_url()).content.decode()

    assert "Riskklassen är inte bedömd" in page


def test_an_imported_case_shows_its_attribution_and_only_its_years(client: Client) -> None:
    case = UseCase.objects.get(source_id="PSTW-182")

    page = client.get(case.get_absolute_url()).content.decode()

    assert "Källa: Public Sector Tech Watch, Europeiska kommissionen, CC BY 4.0" in page
    assert "PSTW-182" in page
    assert contains(page, "<dd>2020</dd>")
    assert "2020-01-01" not in page


def test_a_contact_name_is_shown_only_with_consent(client: Client, make_case: MakeCase) -> None:
    hidden = make_case(contact_name="Anna Andersson", contact_email="ai@kommun.se")
    shown = make_case(contact_name="Bo Berg", contact_name_consent=True)

    assert "Anna Andersson" not in client.get(hidden.get_absolute_url()).content.decode()
    assert "ai@kommun.se" in client.get(hidden.get_absolute_url()).content.decode()
    assert "Bo Berg" in client.get(shown.get_absolute_url()).content.decode()


def test_a_draft_is_not_found_by_the_public(
    client: Client, admin_client: Client, make_case: MakeCase
) -> None:
    draft = make_case(status="utkast")

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert admin_client.get(draft.get_absolute_url()).status_code == 200


def test_an_unknown_case_is_not_found(client: Client) -> None:
    assert client.get("/anvandningsfall/99999999/").status_code == 404
