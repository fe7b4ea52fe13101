"""The example needs: deterministic, labelled, with planted themes and near-duplicates."""

from __future__ import annotations

import functools
import re
from collections import Counter

import pytest
from django.core.management import call_command

from radslag.core.areas import Area
from radslag.demo.needs import SimulatedNeed, simulate
from radslag.demo.needs_corpus import Corpus, duplicate_pairs, generate
from radslag.demo.needs_vocabulary import Option, parse_theme, vocabulary
from radslag.demo.needs_vocabulary import Theme as PlantedTheme
from radslag.municipalities.models import populations
from radslag.needs.models import Need, Theme
from tests.needs.conftest import MakeNeed

BOUND_DISTINCT = 0.37
BOUND_COMMONEST = 0.06
POPULATIONS = {"0180": 984_748.0, "2480": 130_000.0, "0381": 46_000.0, "2421": 2_400.0}


# The simulations these tests only read are made once per test run, for each size asked.
@functools.cache
def simulated_needs(count: int) -> tuple[SimulatedNeed, ...]:
    return tuple(simulate(POPULATIONS, count, seed=1).needs)


@functools.cache
def generated_corpus(count: int) -> Corpus:
    return generate(count, seed=1)


def test_the_same_seed_gives_the_same_needs_and_another_seed_others() -> None:
    first = simulate(POPULATIONS, 200, seed=1).needs
    assert first == simulate(POPULATIONS, 200, seed=1).needs
    assert first != simulate(POPULATIONS, 200, seed=2).needs


def test_every_need_is_written_in_a_known_kind_and_area() -> None:
    needs = simulated_needs(300)
    assert {need.kind for need in needs} == set(Need.Kind.values)
    assert {need.area for need in needs} <= set(Area.values)
    assert all(need.title and len(need.title) <= 200 for need in needs)


def test_texts_of_one_need_come_from_different_municipalities_where_there_are_enough() -> None:
    needs = simulated_needs(300)
    by_need: dict[int, list[str]] = {}
    for need in needs:
        by_need.setdefault(need.need, []).append(need.municipality)
    for codes in by_need.values():
        if len(codes) <= len(POPULATIONS):
            assert len(set(codes)) == len(codes)


def test_larger_municipalities_raise_more_needs_but_fewer_per_inhabitant() -> None:
    counts = Counter(need.municipality for need in simulated_needs(2000))
    assert counts["0180"] > counts["2480"] > counts["2421"]
    assert counts["0180"] / POPULATIONS["0180"] < counts["2421"] / POPULATIONS["2421"]


def test_a_cosigner_is_never_the_submitter() -> None:
    for need in simulated_needs(500):
        assert need.municipality not in need.supporters


def test_a_need_to_be_merged_points_to_the_first_text_of_the_same_need() -> None:
    needs = simulated_needs(1500)
    merged = [need for need in needs if need.merge_into is not None]
    assert merged
    for need in merged:
        target = needs[need.merge_into]  # type: ignore[index]
        assert target.need == need.need
        assert target.merge_into is None


def test_the_planted_duplicates_are_pairs_of_texts_of_one_need() -> None:
    corpus = generated_corpus(400)
    pairs = duplicate_pairs(corpus.need)
    assert pairs
    assert all(corpus.need[i] == corpus.need[j] and i < j for i, j in pairs)


def test_every_task_is_written_with_an_object_its_theme_allows() -> None:
    corpus = generated_corpus(1500)
    # Every way any theme's task can be written with any object, allowed or not.
    readings: dict[str, set[tuple[int, str, str]]] = {}
    for index, theme in enumerate(vocabulary().themes):
        for task in theme.tasks:
            for obj in theme.objects:
                for task_words in task.phrasings:
                    for object_words in obj.phrasings:
                        wording = task_words.format(o=object_words).replace("|", "").lower()
                        readings.setdefault(wording, set()).add((index, task.id, obj.id))
    first_texts = {int(need): i for i, need in reversed(list(enumerate(corpus.need)))}
    for index in first_texts.values():  # first texts have no typos or split compounds
        text = corpus.texts[index].lower()
        theme = vocabulary().themes[int(corpus.theme[index])]
        allowed = {(int(corpus.theme[index]), task, obj) for task, obj in theme.actions()}
        found = [wording for wording in readings if wording in text]
        assert found, corpus.texts[index]
        for wording in found:
            assert readings[wording] & allowed, (wording, corpus.texts[index])


def test_a_place_or_goal_that_fits_only_some_options_is_combined_with_those_only() -> None:
    def options(*ids: str) -> tuple[Option, ...]:
        return tuple(Option(i, (i,)) for i in ids)

    theme = PlantedTheme(
        name="teknik: test",
        tasks=(Option("inspect", ("granska {o}",), "granskning av {o}", frozenset({"a", "b"})),),
        objects=options("a", "b", "c"),
        places=options("anywhere", "only-a"),
        goals=options("always", "only-anywhere"),
        fits={"only-a": frozenset({"a"}), "only-anywhere": frozenset({"anywhere"})},
        contexts=(),
    )
    assert theme.actions() == {("inspect", "a"), ("inspect", "b")}
    assert theme.combinations() == [
        (0, 0, 0, 0),
        (0, 0, 0, 1),
        (0, 0, 1, 0),
        (0, 1, 0, 0),
        (0, 1, 0, 1),
    ]


def test_a_theme_that_names_an_option_it_lacks_or_a_task_without_object_is_refused() -> None:
    def entry(task: dict[str, object], fits: dict[str, list[str]]) -> dict[str, object]:
        return {
            "name": "teknik: test",
            "contexts": [],
            "objects": {"pumps": ["pumpstationerna"]},
            "tasks": {"monitor": task},
            "places": {"va": ["i VA-verksamheten"]},
            "goals": {"failures": ["undvika haverier"]},
            "fits": fits,
        }

    monitor: dict[str, object] = {
        "phrasings": ["övervaka {o}"],
        "title": "övervakning av {o}",
        "objects": ["pumps"],
    }
    assert parse_theme(entry(monitor, {"failures": ["pumps"]})).actions() == {("monitor", "pumps")}
    with pytest.raises(ValueError, match="unknown ids"):
        parse_theme(entry({**monitor, "objects": ["plant"]}, {}))
    with pytest.raises(ValueError, match="unknown ids"):
        parse_theme(entry(monitor, {"failures": ["plant"]}))
    with pytest.raises(ValueError, match="without its object"):
        parse_theme(entry({**monitor, "phrasings": ["övervaka driften"]}, {}))


def fragments(text: str) -> list[tuple[str, ...]]:
    """The word 4-grams of a text, within its sentences."""
    grams = []
    for sentence in re.split(r"[.?!:]\s+|[.?!]$", text):
        words = re.findall(r"\w+", sentence.lower())
        grams += [tuple(words[i : i + 4]) for i in range(len(words) - 3)]
    return grams


def test_the_texts_repeat_few_fragments() -> None:
    texts = generated_corpus(1500).texts
    every = [gram for text in texts for gram in fragments(text)]
    in_texts = Counter(gram for text in texts for gram in set(fragments(text)))
    # Before the vocabulary was chosen per area: 0.337 distinct, the commonest fragment
    # ("det som hindrar oss") in 11.4 % of the texts.
    assert len(set(every)) / len(every) >= BOUND_DISTINCT
    assert in_texts.most_common(1)[0][1] / len(texts) <= BOUND_COMMONEST


def test_it_refuses_an_empty_request() -> None:
    with pytest.raises(ValueError, match="count"):
        simulate(POPULATIONS, 0, seed=1)
    with pytest.raises(ValueError, match="populations"):
        simulate({}, 10, seed=1)


def test_a_municipality_of_unknown_size_raises_as_many_as_a_median_one() -> None:
    # Two of 16 000 inhabitants, the median, one of them not known.
    needs = simulate({"0001": 10**4.2, "0002": None}, 400, seed=1).needs

    raised = Counter(need.municipality for need in needs)
    assert 0.8 < raised["0001"] / raised["0002"] < 1.25


def test_a_population_that_is_not_positive_is_refused_naming_the_municipality() -> None:
    with pytest.raises(ValueError, match="population of 0002"):
        simulate({"0001": 16_000.0, "0002": 0.0}, 10, seed=1)


@pytest.mark.django_db
def test_the_command_replaces_example_needs_and_leaves_real_ones(make_need: MakeNeed) -> None:
    real = make_need("0180")
    call_command("demo_needs", seed=1, count=120)
    call_command("demo_needs", seed=1, count=120)
    assert Need.objects.filter(is_example=True).count() == 120
    assert Need.objects.filter(is_example=False).get() == real
    assert Theme.objects.exists()
    stored = sorted(Need.objects.filter(is_example=True).values_list("text", flat=True))
    assert stored == sorted(need.text for need in simulate(populations(), 120, seed=1).needs)


@pytest.mark.django_db
def test_a_real_need_merged_into_an_example_survives_the_replacement(make_need: MakeNeed) -> None:
    call_command("demo_needs", seed=1, count=60)
    example = Need.objects.filter(is_example=True).first()
    real = make_need("0180")
    Need.objects.filter(pk=real.pk).update(merged_into=example)
    call_command("demo_needs", seed=2, count=60)
    real.refresh_from_db()
    assert real.merged_into is None
