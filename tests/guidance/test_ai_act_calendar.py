"""A municipality's AI Act calendar: the deployer obligations of its cases, the date each
applies from, and how each stands, overdue first."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client

from radslag.guidance.calendar import Standing, calendar_of
from radslag.register import aiact
from radslag.register.models import UseCase

AFTER = datetime.date(2026, 12, 5)  # both of art. 113's dates have passed
BETWEEN = datetime.date(2026, 1, 15)  # the prohibitions apply, the rest not yet

HIGH_RISK = {"offentliga_formaner": True}  # Annex III 5 a: public benefits
WORKPLACE = {"rekrytering": True}
PROHIBITED = {"social_poangsattning": True}
CHATBOT = {"interagerar": True}


def _case(title: str, stage: str, answers: dict[str, bool] | None, **fields: Any) -> UseCase:
    return UseCase(
        pk=abs(hash(title)) % 10_000,
        title=title,
        stage=stage,
        aiact_answers=aiact.clean_answers(answers) if answers is not None else {},
        **fields,
    )


def _rows(cases: list[UseCase], today: datetime.date) -> list[tuple[str, str, Standing]]:
    return [
        (entry.case.title, entry.obligation.key, entry.standing)
        for entry in calendar_of(cases, today).entries
    ]


def test_a_high_risk_system_in_use_without_an_impact_assessment_is_overdue_and_comes_first() -> (
    None
):
    cases = [
        _case("Chattbot", "i-drift", CHATBOT),
        _case("Biståndsbedömning", "i-drift", HIGH_RISK),
    ]

    rows = _rows(cases, AFTER)

    assert rows[0] == ("Biståndsbedömning", "art27", Standing.OVERDUE)
    assert ("Biståndsbedömning", "art49", Standing.TO_CONFIRM) in rows
    assert ("Biståndsbedömning", "art26", Standing.IN_FORCE) in rows
    assert ("Chattbot", "art50.1", Standing.IN_FORCE) in rows
    assert [standing for *_rest, standing in rows] == sorted(s for *_rest, s in rows)


def test_each_obligation_applies_from_the_date_of_article_113() -> None:
    calendar = calendar_of([_case("Biståndsbedömning", "i-drift", HIGH_RISK)], AFTER)

    dates = {entry.obligation.key: entry.applies_from for entry in calendar.entries}

    assert dates == {
        "art4": datetime.date(2025, 2, 2),
        "art26": datetime.date(2026, 8, 2),
        "art27": datetime.date(2026, 8, 2),
        "art49": datetime.date(2026, 8, 2),
        "art86": datetime.date(2026, 8, 2),
    }


def test_a_high_risk_system_in_use_since_before_august_2026_has_until_2030() -> None:
    started = _case("Biståndsbedömning", "i-drift", HIGH_RISK, start_date=datetime.date(2024, 3, 1))

    entries = {entry.obligation.key: entry for entry in calendar_of([started], AFTER).entries}

    assert entries["art27"].applies_from == datetime.date(2030, 8, 2)
    assert entries["art27"].transitional
    assert entries["art27"].standing == Standing.COMING
    assert entries["art4"].applies_from == datetime.date(2025, 2, 2)
    assert entries["art4"].standing == Standing.IN_FORCE


def test_a_high_risk_system_put_into_service_after_august_2026_is_overdue_without_its_fria() -> (
    None
):
    started = _case("Biståndsbedömning", "i-drift", HIGH_RISK, start_date=datetime.date(2026, 9, 1))

    entries = {entry.obligation.key: entry for entry in calendar_of([started], AFTER).entries}

    assert entries["art27"].applies_from == datetime.date(2026, 8, 2)
    assert not entries["art27"].transitional
    assert entries["art27"].standing == Standing.OVERDUE


def test_a_recorded_impact_assessment_is_done_with_its_date() -> None:
    done = _case(
        "Biståndsbedömning",
        "i-drift",
        HIGH_RISK,
        fria_done=True,
        fria_date=datetime.date(2026, 6, 1),
    )

    (entry,) = [e for e in calendar_of([done], AFTER).entries if e.obligation.key == "art27"]

    assert entry.standing == Standing.DONE
    assert entry.done_on == datetime.date(2026, 6, 1)


def test_an_impact_assessment_done_ahead_of_its_date_is_done() -> None:
    early = _case(
        "Biståndsbedömning",
        "pilot",
        HIGH_RISK,
        fria_done=True,
        fria_date=datetime.date(2025, 11, 1),
    )

    (entry,) = [e for e in calendar_of([early], BETWEEN).entries if e.obligation.key == "art27"]

    assert entry.standing == Standing.DONE


def test_before_the_general_date_the_duties_are_coming_and_ai_literacy_already_applies() -> None:
    rows = _rows([_case("Biståndsbedömning", "pilot", HIGH_RISK)], BETWEEN)

    assert ("Biståndsbedömning", "art4", Standing.IN_FORCE) in rows
    assert ("Biståndsbedömning", "art27", Standing.COMING) in rows
    assert all(standing != Standing.OVERDUE for *_rest, standing in rows)


def test_a_case_not_in_use_yet_has_its_duties_before_first_use() -> None:
    rows = _rows([_case("Rekryteringsstöd", "forstudie", WORKPLACE)], AFTER)

    assert ("Rekryteringsstöd", "art26.7", Standing.BEFORE_USE) in rows
    assert ("Rekryteringsstöd", "art27", Standing.BEFORE_USE) in rows


def test_a_prohibited_practice_in_use_is_overdue_since_february_2025() -> None:
    calendar = calendar_of([_case("Poängsättning", "pilot", PROHIBITED)], BETWEEN)

    (entry,) = calendar.entries
    assert (entry.obligation.key, entry.standing) == ("art5", Standing.OVERDUE)
    assert entry.applies_from == datetime.date(2025, 2, 2)
    assert calendar.overdue == 1


def test_retired_cases_carry_nothing_and_unanswered_ones_are_listed_apart() -> None:
    calendar = calendar_of(
        [_case("Gammal", "avvecklad", HIGH_RISK), _case("Obesvarad", "i-drift", None)], AFTER
    )

    assert calendar.entries == []
    assert [case.title for case in calendar.unassessed] == ["Obesvarad"]


@pytest.mark.django_db
def test_the_page_lists_the_overdue_obligation_first(client: Client) -> None:
    for title, answers in (("Chattbot", CHATBOT), ("Biståndsbedömning", HIGH_RISK)):
        UseCase.objects.create(
            title=title,
            summary=title,
            organisation_id="1715",
            stage="i-drift",
            status="publicerad",
            aiact_answers=aiact.clean_answers(answers),
        )

    page = client.get("/kommuner/1715/nasta-steg/").content.decode()
    table = page.split('id="calendar-heading"', 1)[1]

    assert "1 skyldighet är försenad." in table
    first_row = table.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert "<strong>Försenad</strong>" in first_row
    assert "Biståndsbedömning" in first_row
    assert "art. 27" in first_row
