"""Example use cases: plausible, size-correlated, reproducible, and labelled wherever shown."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from io import StringIO

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from radslag.demo.use_case_archetypes import ARCHETYPES, EARLIEST_START
from radslag.demo.use_cases import (
    MAX_CASES,
    MunicipalityFacts,
    SimulatedUseCase,
    simulate,
)
from radslag.municipalities.models import Municipality
from radslag.register.aiact import RiskClass, classify, clean_answers
from radslag.register.choices import Source, Stage
from radslag.register.models import UseCase

UNTIL = date(2026, 11, 1)
NOTICE = "beskriver inte något som kommunen verkligen gör"
MakeCase = Callable[..., UseCase]


def municipalities(count: int = 290, seed: int = 0) -> list[MunicipalityFacts]:
    # Swedish municipalities span about 2 500 to 1 000 000 inhabitants, log-normally.
    sizes = 10 ** np.random.default_rng(seed).normal(4.3, 0.45, size=count)
    return [
        MunicipalityFacts(f"{index:04d}", f"Å-by {index}", float(size))
        for index, size in enumerate(sizes)
    ]


def cases(seed: int = 1) -> list[SimulatedUseCase]:
    return simulate(municipalities(), np.random.default_rng(seed), UNTIL)


def run(*arguments: str) -> str:
    out = StringIO()
    call_command("demo_use_cases", *arguments, "--until", UNTIL.isoformat(), stdout=out)
    return out.getvalue()


# The simulation


def test_the_same_seed_gives_the_same_cases_and_another_seed_other_ones() -> None:
    assert cases(1) == cases(1)
    assert cases(1) != cases(2)


def test_about_150_municipalities_get_one_to_eight_cases_each() -> None:
    per_municipality = Counter(case.code for case in cases())

    assert len(per_municipality) == 150
    assert min(per_municipality.values()) >= 1
    assert max(per_municipality.values()) <= MAX_CASES
    assert 300 < sum(per_municipality.values()) < 600


def test_a_municipality_has_each_archetype_at_most_once() -> None:
    pairs = [(case.code, case.archetype) for case in cases()]

    assert len(pairs) == len(set(pairs))


def test_larger_municipalities_are_more_likely_to_have_cases_and_have_more() -> None:
    population = {m.code: m.population or 0.0 for m in municipalities()}
    per_municipality = Counter(case.code for case in cases())
    drawn = np.log10([population[code] for code in per_municipality])
    left_out = np.log10([p for code, p in population.items() if code not in per_municipality])
    counts = np.array(list(per_municipality.values()))

    assert drawn.mean() > left_out.mean() + 0.2
    assert np.corrcoef(drawn, counts)[0, 1] > 0.3


def test_larger_municipalities_have_more_of_their_cases_in_production() -> None:
    population = {m.code: m.population or 0.0 for m in municipalities()}
    simulated = cases()
    median = np.median([population[case.code] for case in simulated])

    def share_in_production(large: bool) -> float:
        group = [case for case in simulated if (population[case.code] > median) == large]
        return sum(case.stage == Stage.IN_PRODUCTION for case in group) / len(group)

    assert share_in_production(large=True) > share_in_production(large=False) + 0.1


def test_every_stage_occurs_and_production_is_the_most_common() -> None:
    stages = Counter(case.stage for case in cases())

    assert set(stages) == set(Stage)
    assert stages.most_common(1)[0][0] == Stage.IN_PRODUCTION


def test_dates_follow_the_stage() -> None:
    for case in cases():
        if case.stage == Stage.IDEA:
            assert case.start_date is None
            assert case.end_date is None
            continue
        assert case.start_date is not None, case
        assert EARLIEST_START <= case.start_date <= UNTIL, case
        if case.end_date is not None:
            assert case.end_date >= case.start_date, case
        if case.stage in (Stage.PRESTUDY, Stage.IN_PRODUCTION):
            assert case.end_date is None, case
        if case.stage == Stage.RETIRED:
            assert case.end_date is not None, case
            assert case.end_date <= UNTIL, case


def test_generative_ai_cases_start_in_2023_or_later() -> None:
    recent = {a.key for a in ARCHETYPES if a.earliest_year >= 2023}

    starts = [case.start_date for case in cases() if case.archetype in recent and case.start_date]

    assert starts
    assert min(starts) >= date(2023, 1, 1)


def test_assessments_are_dated_no_later_than_until() -> None:
    for case in cases():
        assert case.last_reviewed <= UNTIL
        if case.dpia_done:
            assert case.dpia_date is not None
            assert case.dpia_date <= UNTIL
        if case.fria_done:
            assert case.fria_date is not None
            assert case.fria_date <= UNTIL


def test_only_high_risk_cases_report_a_fundamental_rights_assessment() -> None:
    for case in cases():
        if case.fria_done:
            assert classify(case.aiact_answers()).risk_class == RiskClass.HIGH


def test_contact_addresses_are_functional_and_in_the_example_domain() -> None:
    address = re.compile(r"^(ai|digitalisering|innovation)@[a-z0-9-]+\.example$")
    simulated = cases()

    for case in simulated:
        assert address.match(case.contact_email), case.contact_email
    # "Å-by 7" becomes a plain ASCII label.
    first = simulated[0]
    assert first.contact_email.endswith(f"@a-by-{int(first.code)}.example")


def test_a_municipality_of_unknown_size_counts_as_a_median_one() -> None:
    unknown = [MunicipalityFacts("0001", "Okänd", None)]

    simulated = simulate(unknown, np.random.default_rng(1), UNTIL)

    assert {case.code for case in simulated} == {"0001"}


@pytest.mark.parametrize(
    ("given", "count", "until"),
    [
        ([], 150, UNTIL),
        (municipalities(3), 0, UNTIL),
        (municipalities(3), 150, date(2018, 12, 31)),
        ([MunicipalityFacts("0001", "Noll", 0.0)], 150, UNTIL),
    ],
)
def test_it_refuses_input_it_cannot_simulate(
    given: list[MunicipalityFacts], count: int, until: date
) -> None:
    with pytest.raises(ValueError, match=r"municipalities|count|until|population"):
        simulate(given, np.random.default_rng(1), until, count)


# The command


@pytest.mark.django_db
def test_the_command_stores_published_swedish_example_cases_for_150_municipalities() -> None:
    output = run("--seed", "1")

    examples = UseCase.objects.filter(source=Source.EXAMPLE)
    assert examples.values("organisation").distinct().count() == 150
    assert set(examples.values_list("status", "country", "level").distinct()) == {
        ("publicerad", "SE", "lokal")
    }
    assert all(
        re.fullmatch(r"exempel-\d+", s) for s in examples.values_list("source_id", flat=True)
    )
    assert f"{examples.count()} example use cases" in output
    assert "for 150 of 290 municipalities (seed 1); replaced 0 earlier ones" in output


@pytest.mark.django_db
def test_every_stored_risk_class_is_the_classification_of_its_answers() -> None:
    run("--seed", "1")

    for answers, risk_class in UseCase.objects.filter(source=Source.EXAMPLE).values_list(
        "aiact_answers", "risk_class"
    ):
        assert answers == clean_answers(answers)
        assert risk_class == classify(answers).risk_class


@pytest.mark.django_db
def test_a_case_in_production_always_has_a_start_date_in_the_database() -> None:
    run("--seed", "1")

    examples = UseCase.objects.filter(source=Source.EXAMPLE)
    assert examples.filter(stage=Stage.IN_PRODUCTION).exists()
    assert not examples.filter(stage=Stage.IN_PRODUCTION, start_date__isnull=True).exists()


@pytest.mark.django_db
def test_running_it_again_replaces_the_example_cases_and_leaves_real_ones(
    make_case: MakeCase,
) -> None:
    own = make_case(title="Vår egen chattbot", organisation_id="0180")
    real = set(UseCase.objects.exclude(source=Source.EXAMPLE).values_list("pk", "updated_at"))
    first = run("--seed", "1")
    count_1 = UseCase.objects.filter(source=Source.EXAMPLE).count()

    second = run("--seed", "2")

    examples = UseCase.objects.filter(source=Source.EXAMPLE)
    assert examples.count() == len(simulate_like_the_command(seed=2))
    assert f"replaced {count_1} earlier ones" in second
    assert f"{len(real)} real use cases untouched" in first
    assert set(UseCase.objects.exclude(source=Source.EXAMPLE).values_list("pk", "updated_at")) == (
        real
    )
    assert UseCase.objects.get(pk=own.pk).source == Source.OWN
    assert UseCase.objects.filter(source=Source.PSTW).exists()


def simulate_like_the_command(seed: int) -> list[SimulatedUseCase]:
    facts = [
        MunicipalityFacts(m.code, m.name, getattr(m, "population", None))
        for m in Municipality.objects.with_latest_figures()
    ]
    return simulate(facts, np.random.default_rng(seed), UNTIL)


@pytest.mark.django_db
def test_it_refuses_to_run_without_municipalities(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        Municipality.objects, "with_latest_figures", lambda: Municipality.objects.none()
    )

    with pytest.raises(CommandError, match="load-reference"):
        run("--seed", "1")
    assert not UseCase.objects.filter(source=Source.EXAMPLE).exists()


# The pages


@pytest.mark.django_db
def test_the_list_marks_every_example_row_and_no_real_one(client: Client) -> None:
    run("--seed", "1")

    response = client.get("/anvandningsfall/?origin=sverige")
    shown = response.context["cases"]
    examples = [case for case in shown if case.source == Source.EXAMPLE]
    assert examples
    assert response.content.decode().count('class="example-tag"') == len(examples)

    european = client.get("/anvandningsfall/?origin=europa")
    assert european.context["cases"]
    assert "exempeldata" not in european.content.decode().lower()


@pytest.mark.django_db
def test_the_detail_page_of_an_example_case_says_so_at_the_top(client: Client) -> None:
    run("--seed", "1")
    case = UseCase.objects.filter(source=Source.EXAMPLE).first()
    assert case is not None

    page = client.get(case.get_absolute_url()).content.decode()

    assert NOTICE in page
    assert page.index(NOTICE) < page.index('<p class="lead">')
    assert "Exempeldata" in page


@pytest.mark.django_db
def test_the_detail_page_of_a_real_case_has_no_example_notice(
    client: Client, make_case: MakeCase
) -> None:
    run("--seed", "1")
    case = make_case(title="Verklig taligenkänning", summary="Tal till text i hemtjänsten.")

    page = client.get(case.get_absolute_url()).content.decode()

    assert NOTICE not in page
    assert "Exempeldata." not in page


@pytest.mark.django_db
def test_the_municipality_page_marks_its_example_cases(client: Client) -> None:
    run("--seed", "1")
    # Stockholm is the largest municipality and is all but certain to be drawn.
    assert UseCase.objects.filter(source=Source.EXAMPLE, organisation_id="0180").exists()

    page = client.get("/kommuner/0180/").content.decode()

    assert 'class="example-tag"' in page


@pytest.mark.django_db
def test_the_api_and_the_open_data_leave_example_cases_out(client: Client) -> None:
    run("--seed", "1")
    case = UseCase.objects.filter(source=Source.EXAMPLE).first()
    assert case is not None
    real = UseCase.objects.open_data().count()

    assert client.get(f"/api/v1/anvandningsfall/{case.pk}/").status_code == 404
    assert client.get("/api/v1/anvandningsfall/").json()["count"] == real
    exported = client.get("/anvandningsfall/oppna-data/anvandningsfall.json").json()
    assert len(exported["use_cases"]) == real
    assert '"exempel-' not in json.dumps(exported)


@pytest.mark.django_db
def test_the_statistics_say_how_many_example_cases_they_count(client: Client) -> None:
    run("--seed", "1")
    examples = UseCase.objects.filter(source=Source.EXAMPLE).count()

    page = client.get("/anvandningsfall/statistik/").content.decode()

    assert f"Statistiken räknar med {examples} simulerade användningsfall" in page
