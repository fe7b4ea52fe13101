"""Full-text search through the engine's own index (FTS5 on SQLite, tsvector on PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection

from radslag.register.models import UseCase
from radslag.register.search import Match, ensure_index, ranked_ids, terms

pytestmark = pytest.mark.django_db

MakeCase = Callable[..., UseCase]


def test_it_finds_a_case_by_a_word_of_its_title(make_case: MakeCase) -> None:
    case = make_case(title="Snöröjningsrobot för gångbanor")

    assert ranked_ids("snöröjningsrobot") == [case.pk]


def test_it_matches_a_word_as_a_prefix_for_inflected_forms(make_case: MakeCase) -> None:
    case = make_case(title="Schemaläggning", description="Bättre planering inom äldreomsorgen")

    assert case.pk in ranked_ids("äldreomsorg")


def test_every_word_must_match_in_the_search_box(make_case: MakeCase) -> None:
    both = make_case(title="Tolkningstjänst", summary="Tal till text för tolkning i vården")
    one = make_case(title="Tolkningsrobot", summary="Översätter broschyrer")

    found = ranked_ids("tolkning vården")

    assert both.pk in found
    assert one.pk not in found


def test_any_word_may_match_for_similar_texts(make_case: MakeCase) -> None:
    first = make_case(title="Zebraöverfart med sensorer")
    second = make_case(title="Kameraövervakad zebrakorsning")

    found = ranked_ids("zebraöverfart zebrakorsning", Match.ANY)

    assert {first.pk, second.pk} <= set(found)


def test_a_title_match_ranks_above_a_match_in_the_description(make_case: MakeCase) -> None:
    body = make_case(title="Ett system", description="Det hanterar kvittoskanning i ekonomin.")
    title = make_case(title="Kvittoskanning med AI")

    assert ranked_ids("kvittoskanning")[:2] == [title.pk, body.pk]


def test_a_saved_change_is_searchable_at_once(make_case: MakeCase) -> None:
    case = make_case(title="Gammalt namn")
    case.title = "Vattenläckagedetektor"
    case.save()

    assert ranked_ids("vattenläckagedetektor") == [case.pk]
    assert case.pk not in ranked_ids("gammalt")


def test_a_deleted_case_is_not_found(make_case: MakeCase) -> None:
    case = make_case(title="Bortplockad parkeringsapp")
    case.delete()

    assert ranked_ids("parkeringsapp") == []


def test_an_organisation_supplier_and_keyword_are_searchable(make_case: MakeCase) -> None:
    case = make_case(organisation_name="Hjortronkommunen", supplier="Molnbolaget AB")

    assert ranked_ids("hjortronkommunen") == [case.pk]
    assert ranked_ids("molnbolaget") == [case.pk]


def test_it_finds_the_imported_catalogue_in_english() -> None:
    found = ranked_ids("chatbot")

    assert found
    assert UseCase.objects.filter(pk__in=found, source="pstw").count() == len(found)


@pytest.mark.parametrize(
    "text", ['"', "AND OR NOT", "NEAR(a b)", "title:x", "*", "a & b | !c", "'; DROP TABLE x; --"]
)
def test_query_syntax_typed_by_a_user_is_read_as_words(text: str) -> None:
    assert isinstance(ranked_ids(text), list)


def test_a_text_without_words_finds_nothing() -> None:
    assert ranked_ids("  ... !!! ") == []


def test_common_words_are_dropped_from_any_word_queries() -> None:
    assert terms("Hur kan en chatbot för invånare", Match.ANY) == ["chatbot", "invan"]
    assert terms("AI i skolan") == ["ai", "skolan"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's triggers only")
def test_the_index_is_restored_when_a_table_rebuild_dropped_its_triggers(
    make_case: MakeCase,
) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER register_usecase_fts_insert")

    assert ensure_index() is True
    assert ensure_index() is False
    assert ranked_ids("trafiksignalsoptimering") == []
    case = make_case(title="Trafiksignalsoptimering")
    assert ranked_ids("trafiksignalsoptimering") == [case.pk]


def test_inflected_forms_and_missing_diacritics_find_the_same_cases(make_case: MakeCase) -> None:
    base = make_case(title="AI-stöd i äldreomsorg", summary="Planering av hemtjänsten.")
    genitive = make_case(title="Äldreomsorgens schemaläggning", summary="Scheman.")
    other = make_case(title="Chattbot för skolan", summary="Svarar elever.")

    for query in ("äldreomsorg", "äldreomsorgen", "aldreomsorg", "ALDREOMSORGENS"):
        found = set(ranked_ids(query))
        assert {base.pk, genitive.pk} <= found, query
        assert other.pk not in found, query


def test_a_short_stem_matches_whole_words_only(make_case: MakeCase) -> None:
    fragmented = make_case(title="Fragmented procurement", summary="Procedures.")
    questions = make_case(title="Frågor från invånare", summary="Svar.")

    found = set(ranked_ids("frågor"))

    assert questions.pk in found
    assert fragmented.pk not in found
