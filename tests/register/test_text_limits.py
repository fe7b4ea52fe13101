"""Long texts in the register: limits in the form and the model, bounded work on the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from radslag.core import text_limits
from radslag.register import embeddings
from radslag.register.models import UseCase
from tests.register.fakes import RecordingEncoder
from tests.register.test_forms import error_of, valid

pytestmark = pytest.mark.django_db

MakeCase = Callable[..., UseCase]


def test_the_form_refuses_a_description_over_the_limit_next_to_the_field(
    admin_client: Client,
) -> None:
    response = admin_client.post(
        "/anvandningsfall/ny/", valid(description="a" * (text_limits.DESCRIPTION + 1))
    )
    assert response.status_code == 200
    assert not UseCase.objects.filter(title=valid()["title"]).exists()
    assert error_of(response.content.decode(), "description") == (
        "Texten har 5001 tecken men får ha högst 5000. Korta den."
    )


@pytest.mark.parametrize(
    "field",
    [
        "goal",
        "data_sources",
        "legal_basis",
        "human_oversight",
        "appeal",
        "risks",
        "effect_time",
        "effect_cost",
        "effect_quality",
        "effect_method",
    ],
)
def test_the_form_refuses_every_other_free_text_over_its_limit(
    admin_client: Client, field: str
) -> None:
    response = admin_client.post(
        "/anvandningsfall/ny/", valid(**{field: "a" * (text_limits.PARAGRAPH + 1)})
    )
    assert not UseCase.objects.filter(title=valid()["title"]).exists()
    assert error_of(response.content.decode(), field) == (
        "Texten har 2001 tecken men får ha högst 2000. Korta den."
    )


def test_the_form_gives_a_title_over_the_limit_the_same_message(admin_client: Client) -> None:
    response = admin_client.post("/anvandningsfall/ny/", valid(title="T" * 301))
    assert error_of(response.content.decode(), "title") == (
        "Texten har 301 tecken men får ha högst 300. Korta den."
    )


def test_model_validation_refuses_texts_over_their_limits() -> None:
    case = UseCase(
        title="Tal till text",
        summary="Personalen dikterar.",
        description="a" * (text_limits.DESCRIPTION + 1),
        risks="a" * (text_limits.PARAGRAPH + 1),
    )
    with pytest.raises(ValidationError) as refused:
        case.full_clean()
    errors = refused.value.message_dict
    assert errors["description"] == ["Texten har 5001 tecken men får ha högst 5000. Korta den."]
    assert errors["risks"] == ["Texten har 2001 tecken men får ha högst 2000. Korta den."]


def test_a_case_page_reads_a_bounded_part_of_a_text_stored_before_the_limits(
    client: Client, make_case: MakeCase, settings: Any
) -> None:
    settings.REGISTER_ENCODER = "tests.register.fakes.RecordingEncoder"
    encoder = embeddings.default_encoder()
    assert isinstance(encoder, RecordingEncoder)
    embeddings.embed_cases(encoder)
    case = make_case(description="Taligenkänning i hemtjänsten. " * 8000)
    encoder.read.clear()

    response = client.get(case.get_absolute_url())

    assert response.status_code == 200
    assert encoder.read, "the case is embedded to find similar ones"
    assert max(encoder.read) <= embeddings.ENCODER_CHARACTERS
