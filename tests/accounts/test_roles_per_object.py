"""Each municipality's own objects: a representative of Kil cannot change Mora's use case,
need, support or self-assessment, by guessing a URL or by forging a form field; a convener
can act on all, and an employee submits needs for their own municipality only."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from radslag.maturity.models import Assessment
from radslag.needs.models import Need, Support
from radslag.register.models import UseCase
from tests.people import convener, employee, representative

pytestmark = pytest.mark.django_db

KIL, MORA = "1715", "2062"
YEAR = timezone.localdate().year
TEXT = "Vi behöver tolkning i mottagandet av nyanlända, dygnet runt och på många språk."
OTHER_TEXT = "Eleverna behöver läxhjälp på kvällar och helger, också i ämnen som matematik."


def signed_in(person: Any) -> Client:
    client = Client()
    client.force_login(person)
    return client


def case_data(**changes: Any) -> dict[str, Any]:
    return {
        "title": "Tal till text",
        "summary": "Personalen dikterar.",
        "organisation": KIL,
        "stage": "pilot",
        "country": "SE",
        "status": "publicerad",
    } | changes


def need_data(**changes: Any) -> dict[str, Any]:
    return {
        "kind": "behov",
        "title": "Tolkning",
        "text": TEXT,
        "area": "aldreomsorg",
        "municipality": KIL,
        "decision": "ny",
    } | changes


def test_a_representative_cannot_change_another_municipalitys_use_case() -> None:
    moras = UseCase.objects.create(
        title="Moras chattbot", organisation_id=MORA, status="publicerad"
    )
    kil = signed_in(representative(KIL))

    page = kil.get(f"/anvandningsfall/{moras.pk}/andra/")
    post = kil.post(f"/anvandningsfall/{moras.pk}/andra/", case_data(organisation=MORA))

    assert (page.status_code, post.status_code) == (403, 403)
    assert UseCase.objects.get(pk=moras.pk).title == "Moras chattbot"


def test_a_forged_organisation_is_refused_next_to_the_field_and_nothing_is_stored() -> None:
    kil = signed_in(representative(KIL))

    answer = kil.post("/anvandningsfall/ny/", case_data(organisation=MORA))

    assert answer.status_code == 200
    assert 'id="id_organisation_error"' in answer.content.decode()
    assert not UseCase.objects.filter(title="Tal till text").exists()


def test_a_representative_registers_for_their_own_municipality_and_a_convener_for_any() -> None:
    assert (
        signed_in(representative(KIL)).post("/anvandningsfall/ny/", case_data()).status_code == 302
    )
    assert (
        signed_in(convener())
        .post("/anvandningsfall/ny/", case_data(title="Moras", organisation=MORA))
        .status_code
        == 302
    )

    made = UseCase.objects.filter(title__in=["Tal till text", "Moras"])
    assert set(made.values_list("organisation_id", flat=True)) == {KIL, MORA}


def test_an_employee_submits_a_need_for_their_municipality_and_not_for_another() -> None:
    staff = signed_in(employee(KIL))

    forged = staff.post("/behov/nytt/", need_data(municipality=MORA))
    forged_supporter = staff.post("/behov/nytt/", need_data(supporters=[MORA]))
    own = staff.post("/behov/nytt/", need_data())

    assert 'id="id_municipality_error"' in forged.content.decode()
    assert 'id="id_supporters_error"' in forged_supporter.content.decode()
    assert own.status_code == 302
    assert list(Need.objects.values_list("municipality_id", flat=True)) == [KIL]


def test_support_for_another_municipality_is_refused_and_counted_nowhere() -> None:
    need = Need.objects.create(title="Tolkning", text=TEXT, municipality_id=KIL)
    before = Support.objects.count()

    signed_in(representative(KIL)).post(f"/behov/{need.pk}/stod/", {"municipality": MORA})
    signed_in(convener()).post(f"/behov/{need.pk}/stod/", {"municipality": "0180"})

    added = set(Support.objects.values_list("municipality_id", flat=True)[before:])
    assert MORA not in set(Support.objects.values_list("municipality_id", flat=True))
    assert "0180" in added


def test_a_representative_cannot_answer_another_municipalitys_self_assessment() -> None:
    kil = signed_in(representative(KIL))
    mora_url = f"/mognad/kommuner/{MORA}/{YEAR}/"

    assert kil.get(mora_url).status_code == 403
    assert kil.post(mora_url, {"action": "save", "level_strategi": "3"}).status_code == 403
    assert kil.get(f"/mognad/kommuner/{KIL}/{YEAR}/").status_code == 200
    assert signed_in(employee(KIL)).get(f"/mognad/kommuner/{KIL}/{YEAR}/").status_code == 403
    assert signed_in(convener()).get(mora_url).status_code == 200
    assert not Assessment.objects.exists()


def test_an_upload_row_for_another_municipality_is_refused_by_row_and_column() -> None:
    header = "typ;rubrik;beskrivning;verksamhetsomrade;kommunkod;stodjande_kommuner"
    rows = [
        f"behov;Tolkning;{TEXT};aldreomsorg;{KIL};{MORA}",
        f"behov;Läxhjälp;{OTHER_TEXT};skola;{MORA};",
    ]
    content = ("\r\n".join([header, *rows]) + "\r\n").encode()
    staff = signed_in(employee(KIL))

    answer = staff.post("/behov/ladda-upp/", {"file": SimpleUploadedFile("behov.csv", content)})

    page = answer.content.decode()
    assert f"Du kan inte lämna inlägg eller stöd för kommunen {MORA}." in page
    assert page.count(f"kommunen {MORA}.") == 2
    assert not Need.objects.exists()
