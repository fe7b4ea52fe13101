"""Long texts: one limit for form, upload and model, and pages that read a bounded part of a text.

A need of 100 000 characters was accepted and its page took 34 s to render, because the
similarity read all of it; the live hint put the whole text in the URL and got 414.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from radslag.core import text_limits
from radslag.decide.text.normalisation import TfidfModel
from radslag.municipalities.models import Municipality
from radslag.needs.models import Need
from radslag.register import embeddings
from radslag.register.choices import Publication
from radslag.register.models import UseCase
from tests.needs.conftest import ELDERLY_CARE_PARAPHRASE, ELDERLY_CARE_TEXT, MakeNeed
from tests.needs.test_submit_page import form_data
from tests.needs.test_upload import GOOD_ROW, assert_rejected, post, xlsx
from tests.people import convener
from tests.register.fakes import RecordingEncoder

pytestmark = pytest.mark.django_db

# About 228 000 characters, as long as the longest text the issue reports.
HUGE = (ELDERLY_CARE_TEXT + " ") * 1900
TOO_LONG_TEXT = "Texten har 5001 tecken men får ha högst 5000. Korta den."


@pytest.fixture
def staff(client: Client, django_user_model: Any) -> Client:
    client.force_login(convener("sammankallande"))
    return client


@pytest.fixture
def encoder(settings: Any) -> RecordingEncoder:
    settings.REGISTER_ENCODER = "tests.register.fakes.RecordingEncoder"
    recording = embeddings.default_encoder()
    assert isinstance(recording, RecordingEncoder)
    recording.read.clear()
    return recording


@pytest.fixture
def tfidf_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of every text the n-gram similarity is given to read."""
    read: list[int] = []
    transform = TfidfModel.transform

    def recording(model: TfidfModel, texts: Sequence[str]) -> Any:
        read.extend(len(text) for text in texts)
        return transform(model, texts)

    monkeypatch.setattr(TfidfModel, "transform", recording)
    return read


def test_the_limits_fit_a_real_need_and_stop_a_pasted_document() -> None:
    assert text_limits.TITLE == 200
    assert 2000 <= text_limits.DESCRIPTION <= 10_000
    assert text_limits.SIMILARITY_READ >= text_limits.TITLE + text_limits.DESCRIPTION


# ---- refused in every way in, with the limit in the message -----------------------------------


def test_the_form_refuses_a_text_over_the_limit_next_to_the_field(staff: Client) -> None:
    response = staff.post("/behov/nytt/", form_data(text="a" * (text_limits.DESCRIPTION + 1)))
    content = response.content.decode()
    assert response.status_code == 200
    assert Need.objects.count() == 0
    assert TOO_LONG_TEXT in content
    assert 'id="id_text_error"' in content


def test_the_form_refuses_a_title_over_the_limit_with_the_same_message(staff: Client) -> None:
    response = staff.post("/behov/nytt/", form_data(title="R" * 201))
    assert Need.objects.count() == 0
    assert "Texten har 201 tecken men får ha högst 200. Korta den." in response.content.decode()


def test_the_form_accepts_a_text_of_exactly_the_limit(staff: Client) -> None:
    text = ("Taligenkänning i hemtjänsten. " * 200)[: text_limits.DESCRIPTION]
    response = staff.post("/behov/nytt/", form_data(text=text, decision="ny"))
    assert response.status_code == 302
    assert len(Need.objects.get().text) == text_limits.DESCRIPTION


def test_the_upload_refuses_a_text_over_the_limit_by_row_and_column(staff: Client) -> None:
    long_row = [*GOOD_ROW[:2], "a" * (text_limits.DESCRIPTION + 1), *GOOD_ROW[3:]]
    response = post(staff, "behov.xlsx", xlsx([GOOD_ROW, long_row]))
    rows = assert_rejected(response, "behov.xlsx", 1)
    assert rows == [("3", "beskrivning", TOO_LONG_TEXT)]


def test_model_validation_refuses_a_text_over_the_limit() -> None:
    need = Need(
        kind=Need.Kind.NEED,
        title="Taligenkänning i hemtjänsten",
        text="a" * (text_limits.DESCRIPTION + 1),
        area="aldreomsorg",
        municipality=Municipality.objects.get(code="0180"),
    )
    with pytest.raises(ValidationError) as refused:
        need.full_clean()
    assert refused.value.message_dict == {"text": [TOO_LONG_TEXT]}


def test_model_validation_refuses_a_title_over_the_limit() -> None:
    assert Need.text_errors("R" * 201, ELDERLY_CARE_TEXT) == {
        "title": ["Texten har 201 tecken men får ha högst 200. Korta den."]
    }


# ---- pages read a bounded part of a text --------------------------------------------------------


def test_a_need_page_reads_a_bounded_part_of_a_text_stored_before_the_limits(
    client: Client, make_need: MakeNeed, encoder: RecordingEncoder, tfidf_reads: list[int]
) -> None:
    case = UseCase.objects.create(
        title="Taligenkänning i hemtjänsten",
        summary="Personalen dikterar dokumentationen.",
        organisation_id="0180",
        status=Publication.PUBLISHED,
    )
    embeddings.embed_cases(encoder, cases=UseCase.objects.filter(pk=case.pk))
    make_need("1280", text=ELDERLY_CARE_PARAPHRASE)
    need = make_need("0180", text=HUGE)
    encoder.read.clear()
    tfidf_reads.clear()

    response = client.get(f"/behov/{need.pk}/")

    assert response.status_code == 200
    assert encoder.read, "the meaning of the text is read"
    assert max(encoder.read) <= embeddings.ENCODER_CHARACTERS
    assert tfidf_reads, "the words of the text are read"
    assert max(tfidf_reads) <= text_limits.SIMILARITY_READ


def test_the_live_hint_is_a_post_with_the_forms_token(staff: Client) -> None:
    content = staff.get("/behov/nytt/").content.decode()
    assert 'hx-post="/behov/liknande/"' in content
    assert "csrfmiddlewaretoken" in content
    assert staff.get("/behov/liknande/", {"text": ELDERLY_CARE_TEXT}).status_code == 405


def test_the_live_hint_finds_a_similar_need_from_a_maximal_text(
    django_user_model: Any, make_need: MakeNeed, tfidf_reads: list[int]
) -> None:
    existing = make_need("1280", text=ELDERLY_CARE_TEXT)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(convener("redaktor"))
    browser.get("/behov/nytt/")
    token = browser.cookies["csrftoken"].value
    text = ((ELDERLY_CARE_PARAPHRASE + " ") * 100)[: text_limits.DESCRIPTION]

    refused = browser.post("/behov/liknande/", {"title": "", "text": text})
    response = browser.post(
        "/behov/liknande/", {"title": "", "text": text, "csrfmiddlewaretoken": token}
    )

    assert refused.status_code == 403
    assert response.status_code == 200
    assert existing.title in response.content.decode()
    assert max(tfidf_reads) <= text_limits.SIMILARITY_READ
