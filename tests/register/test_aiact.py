"""The EU AI Act questionnaire: one test per path through the rules (Regulation 2024/1689)."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from radslag.register.aiact import (
    GENERAL_APPLICATION,
    PROHIBITIONS_APPLY,
    QUESTIONS,
    Classification,
    Group,
    RiskClass,
    classify,
    clean_answers,
    questions_in,
)

ANNEX_III = [q.key for q in questions_in(Group.HIGH_RISK)]
EXEMPTIONS = [q.key for q in questions_in(Group.EXEMPTION)]
PROHIBITED = [q.key for q in questions_in(Group.PROHIBITED)]


def obligations(result: Classification) -> set[str]:
    return {obligation.key for obligation in result.obligations}


def deciding(result: Classification) -> list[str]:
    return [step.question.key for step in result.steps if step.question]


def test_the_dates_of_application_follow_article_113() -> None:
    assert date(2025, 2, 2) == PROHIBITIONS_APPLY
    assert date(2026, 8, 2) == GENERAL_APPLICATION


def test_every_question_has_a_unique_key_and_a_legal_reference() -> None:
    keys = [q.key for q in QUESTIONS]

    assert len(keys) == len(set(keys))
    assert all(q.reference.startswith(("art.", "bilaga III")) for q in QUESTIONS)


def test_no_answer_yes_is_minimal_risk_with_ai_literacy_only() -> None:
    result = classify({})

    assert result.risk_class == RiskClass.MINIMAL
    assert obligations(result) == {"art4"}
    assert result.obligations[0].applies_from == PROHIBITIONS_APPLY
    assert result.steps[0].reference == "art. 95"


@pytest.mark.parametrize("key", PROHIBITED)
def test_each_prohibited_practice_makes_the_case_prohibited(key: str) -> None:
    result = classify({key: True})

    assert result.risk_class == RiskClass.PROHIBITED
    assert deciding(result) == [key]
    assert obligations(result) == {"art5"}
    assert result.obligations[0].applies_from == date(2025, 2, 2)


def test_social_scoring_is_article_5_1_c_and_emotion_recognition_at_work_5_1_f() -> None:
    assert classify({"social_poangsattning": True}).steps[0].reference == "art. 5.1 c"
    assert classify({"kanslor_arbete_skola": True}).steps[0].reference == "art. 5.1 f"


def test_a_prohibited_practice_outranks_high_risk_and_transparency() -> None:
    result = classify({"kanslor_arbete_skola": True, "rekrytering": True, "interagerar": True})

    assert result.risk_class == RiskClass.PROHIBITED
    assert deciding(result) == ["kanslor_arbete_skola"]


@pytest.mark.parametrize("key", ANNEX_III)
def test_each_annex_iii_area_without_exemption_is_high_risk(key: str) -> None:
    result = classify({key: True})

    assert result.risk_class == RiskClass.HIGH
    assert deciding(result) == [key]
    assert {"art4", "art26"} <= obligations(result)
    high = [o for o in result.obligations if o.key == "art26"]
    assert high[0].applies_from == GENERAL_APPLICATION


@pytest.mark.parametrize(
    ("key", "point"),
    [
        ("kritisk_infrastruktur", "bilaga III punkt 2"),
        ("utbildning_antagning", "bilaga III punkt 3 a"),
        ("rekrytering", "bilaga III punkt 4 a"),
        ("arbetsledning", "bilaga III punkt 4 b"),
        ("offentliga_formaner", "bilaga III punkt 5 a"),
        ("nodsamtal", "bilaga III punkt 5 d"),
    ],
)
def test_the_reasoning_names_the_annex_iii_point(key: str, point: str) -> None:
    assert classify({key: True}).steps[0].reference == point


def test_every_legal_reference_reads_in_english_as_the_regulations_english_text_cites_it() -> None:
    with translation.override("en"):
        references = [str(q.reference) for q in QUESTIONS]
        references += [str(o.reference) for o in classify({"genererar_innehall": True}).obligations]

    assert all(reference.startswith(("Art. ", "Annex III, point ")) for reference in references)
    assert "Art. 5(1)(c)" in references
    assert "Annex III, point 3(b)–(c)" in references
    assert "Art. 50(2) and 50(4)" in references


def test_a_public_authority_using_high_risk_ai_owes_fria_registration_and_explanation() -> None:
    result = classify({"offentliga_formaner": True})

    assert obligations(result) == {"art4", "art26", "art27", "art49", "art86"}


def test_critical_infrastructure_alone_needs_no_fria_registration_or_explanation() -> None:
    result = classify({"kritisk_infrastruktur": True})

    assert result.risk_class == RiskClass.HIGH
    assert obligations(result) == {"art4", "art26"}


def test_critical_infrastructure_with_another_annex_point_needs_the_fria() -> None:
    result = classify({"kritisk_infrastruktur": True, "nodsamtal": True})

    assert "art27" in obligations(result)


@pytest.mark.parametrize("key", ["rekrytering", "arbetsledning"])
def test_ai_at_the_workplace_obliges_informing_the_workers(key: str) -> None:
    assert "art26.7" in obligations(classify({key: True}))


@pytest.mark.parametrize("exemption", EXEMPTIONS)
def test_each_article_6_3_exemption_lifts_the_high_risk_class(exemption: str) -> None:
    result = classify({"utbildning_bedomning": True, exemption: True})

    assert result.risk_class == RiskClass.MINIMAL
    assert deciding(result) == ["utbildning_bedomning", exemption]
    assert obligations(result) == {"art4", "art6.4"}


@pytest.mark.parametrize("exemption", EXEMPTIONS)
def test_profiling_people_overrides_every_exemption(exemption: str) -> None:
    result = classify({"rekrytering": True, exemption: True, "profilering": True})

    assert result.risk_class == RiskClass.HIGH
    assert deciding(result) == ["rekrytering", "profilering"]
    assert "undantagen" in str(result.steps[-1].text)


def test_profiling_without_an_annex_iii_area_is_not_high_risk() -> None:
    assert classify({"profilering": True}).risk_class == RiskClass.MINIMAL


def test_an_exemption_without_an_annex_iii_area_changes_nothing() -> None:
    result = classify({"snav_uppgift": True})

    assert result.risk_class == RiskClass.MINIMAL
    assert obligations(result) == {"art4"}


def test_a_chatbot_has_transparency_obligations_from_august_2026() -> None:
    result = classify({"interagerar": True})

    assert result.risk_class == RiskClass.TRANSPARENCY
    assert deciding(result) == ["interagerar"]
    assert obligations(result) == {"art4", "art50.1"}
    assert result.obligations[-1].applies_from == date(2026, 8, 2)


def test_generated_content_has_labelling_obligations() -> None:
    result = classify({"genererar_innehall": True})

    assert result.risk_class == RiskClass.TRANSPARENCY
    assert obligations(result) == {"art4", "art50.4"}


def test_a_high_risk_chatbot_is_high_risk_and_keeps_its_transparency_duty() -> None:
    result = classify({"offentliga_formaner": True, "interagerar": True})

    assert result.risk_class == RiskClass.HIGH
    assert "art50.1" in obligations(result)


def test_an_exempted_chatbot_falls_to_transparency() -> None:
    result = classify({"rekrytering": True, "forberedande": True, "interagerar": True})

    assert result.risk_class == RiskClass.TRANSPARENCY
    assert {"art6.4", "art50.1"} <= obligations(result)


@pytest.mark.parametrize("answer", ["true", "ja", 1, [True], None, False])
def test_only_a_literal_true_counts_as_yes(answer: object) -> None:
    assert classify({"social_poangsattning": answer}).risk_class == RiskClass.MINIMAL


def test_stored_answers_name_every_question_once_and_drop_unknown_keys() -> None:
    answers = clean_answers({"rekrytering": True, "okand_fraga": True})

    assert set(answers) == {q.key for q in QUESTIONS}
    assert answers["rekrytering"] is True
    assert sum(answers.values()) == 1
