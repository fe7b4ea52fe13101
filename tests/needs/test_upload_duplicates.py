"""Uploading rows that duplicate submissions already made: listed to merge or keep, as the form.

Uploading the same file twice used to store every row twice. Now a row whose text is the same
as, or nearly the same as, an open submission is listed with it, and nothing of the file is
stored until the uploader has chosen, for each such row, to merge it or to submit it as new.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from radslag.needs import index
from radslag.needs.models import Need
from tests.needs.conftest import ELDERLY_CARE_PARAPHRASE, ELDERLY_CARE_TEXT, support_codes
from tests.needs.test_upload import GOOD_ROW, POLICY_TEXT, WATER_ROW, post, xlsx
from tests.people import convener

pytestmark = pytest.mark.django_db

URL = "/behov/ladda-upp/"
# The same need in other words, from another municipality, with a co-signer.
PARAPHRASE_ROW = ["behov", "Tal till text i hemtjänsten", ELDERLY_CARE_PARAPHRASE, "aldreomsorg"]
POLICY_ROW = ["strategisk fråga", "Policy för generativ AI", POLICY_TEXT, "it-och-sakerhet", "2480"]


@pytest.fixture
def staff(client: Client, django_user_model: Any) -> Client:
    client.force_login(convener("sammankallande"))
    return client


def pending_token(response: Any) -> str:
    found = re.search(r'name="pending" value="([^"]+)"', response.content.decode())
    assert found, "the page asks for decisions"
    return found.group(1)


def choices(response: Any, row: int) -> list[str]:
    """The values offered for a row: the ids to merge into, and "ny"."""
    return re.findall(rf'name="rad-{row}" id="[^"]+" value="([^"]+)"', response.content.decode())


def test_uploading_the_same_file_twice_stores_nothing_and_lists_every_row(staff: Client) -> None:
    content = xlsx([GOOD_ROW, WATER_ROW])
    assert post(staff, "behov.xlsx", content).status_code == 302
    first = {need.title: need.pk for need in Need.objects.all()}

    response = post(staff, "behov.xlsx", content)

    page = response.content.decode()
    assert response.status_code == 200
    assert Need.objects.count() == 2
    assert "behov.xlsx: 2 rader liknar inlägg som redan finns" in page
    assert "Ingenting är sparat ännu." in page
    assert choices(response, 2) == [str(first["Taligenkänning i hemtjänsten"]), "ny"]
    assert choices(response, 3) == [str(first["Läckor i VA-nätet"]), "ny"]


def test_merging_a_near_duplicate_row_adds_its_municipalities_and_keeps_its_text(
    staff: Client,
) -> None:
    post(staff, "behov.xlsx", xlsx([GOOD_ROW]))
    existing = Need.objects.get()
    response = post(staff, "behov.xlsx", xlsx([[*PARAPHRASE_ROW, "1280", "1480"], POLICY_ROW]))
    assert Need.objects.count() == 1
    assert choices(response, 2) == [str(existing.pk), "ny"]
    assert choices(response, 3) == []

    decided = staff.post(URL, {"pending": pending_token(response), "rad-2": existing.pk})

    assert decided.status_code == 302
    assert decided["Location"] == reverse("needs:list")
    merged = Need.objects.get(title="Tal till text i hemtjänsten")
    assert merged.merged_into == existing
    assert merged.text == ELDERLY_CARE_PARAPHRASE
    assert support_codes(existing) == ["0180", "1280", "1480"]
    assert Need.objects.get(title="Policy för generativ AI").merged_into is None
    messages = [str(message) for message in decided.wsgi_request._messages]
    assert messages[-1:] == [
        "2 inlägg från behov.xlsx är sparade. 1 av dem är sammanslaget med ett befintligt inlägg."
    ]


def test_keeping_a_duplicate_row_as_new_stores_a_separate_submission(staff: Client) -> None:
    post(staff, "behov.xlsx", xlsx([GOOD_ROW]))
    response = post(staff, "behov.xlsx", xlsx([[*PARAPHRASE_ROW, "1280"]]))

    staff.post(URL, {"pending": pending_token(response), "rad-2": "ny"})

    assert Need.objects.open().count() == 2
    assert support_codes(Need.objects.get(title="Tal till text i hemtjänsten")) == ["1280"]


def test_a_row_left_undecided_is_asked_again_beside_it_and_nothing_is_stored(
    staff: Client,
) -> None:
    post(staff, "behov.xlsx", xlsx([GOOD_ROW, WATER_ROW]))
    existing = Need.objects.get(title="Taligenkänning i hemtjänsten")
    response = post(staff, "behov.xlsx", xlsx([GOOD_ROW, WATER_ROW, POLICY_ROW]))
    token = pending_token(response)

    again = staff.post(URL, {"pending": token, "rad-2": existing.pk})

    page = again.content.decode()
    assert again.status_code == 200
    assert Need.objects.count() == 2
    assert pending_token(again) == token
    assert re.search(
        r'id="rad-3-error"><li>Välj om raden ska slås ihop med ett av inläggen eller lämnas in '
        r"som ny\.</li>",
        page,
    )
    assert "rad-2-error" not in page
    assert f'value="{existing.pk}" checked' in page


def test_a_choice_that_was_not_offered_is_not_taken(staff: Client) -> None:
    post(staff, "behov.xlsx", xlsx([GOOD_ROW]))
    unrelated = post(staff, "behov.xlsx", xlsx([WATER_ROW]))
    assert unrelated.status_code == 302
    response = post(staff, "behov.xlsx", xlsx([GOOD_ROW]))

    again = staff.post(URL, {"pending": pending_token(response), "rad-2": "999999"})

    assert again.status_code == 200
    assert Need.objects.count() == 2
    assert "rad-2-error" in again.content.decode()


def test_a_decision_for_an_upload_no_longer_pending_stores_nothing(staff: Client) -> None:
    post(staff, "behov.xlsx", xlsx([GOOD_ROW]))
    response = post(staff, "behov.xlsx", xlsx([GOOD_ROW]))
    token = pending_token(response)
    assert staff.post(URL, {"pending": token, "rad-2": "ny"}).status_code == 302

    replay = staff.post(URL, {"pending": token, "rad-2": "ny"}, follow=True)

    assert Need.objects.count() == 2
    assert "Uppladdningen finns inte längre att spara." in replay.content.decode()


def test_an_exact_duplicate_of_an_existing_text_is_found_whatever_its_title(
    staff: Client, make_need: Any
) -> None:
    existing = make_need("1280", title="Något helt annat", text=ELDERLY_CARE_TEXT)
    response = post(staff, "behov.xlsx", xlsx([GOOD_ROW]))
    assert choices(response, 2) == [str(existing.pk), "ny"]
    assert Need.objects.count() == 1


def test_many_rows_are_checked_in_one_pass_finding_what_the_form_finds(
    make_need: Any, django_assert_max_num_queries: Any
) -> None:
    existing = make_need("1280", text=ELDERLY_CARE_TEXT)
    make_need("1480", title="Läckor i VA-nätet", text=WATER_ROW[2], area="teknik")
    texts = [ELDERLY_CARE_PARAPHRASE, POLICY_TEXT, WATER_ROW[2]] * 40
    index.need_index()  # built once, as it is for every page

    with django_assert_max_num_queries(3):
        found = index.similar_needs_of_many(texts, limit=3)

    assert [match.need for match in found[0]] == [existing]
    for text, matches in zip(texts[:3], found[:3], strict=True):
        one = index.similar_needs("", text, limit=3)
        assert [(m.need.pk, round(m.similarity, 6)) for m in matches] == [
            (m.need.pk, round(m.similarity, 6)) for m in one
        ]
