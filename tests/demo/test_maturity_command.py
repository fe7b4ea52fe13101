"""`radslag demo-maturity`: example assessments in, real ones untouched."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from radslag.maturity.models import Answer, Assessment
from tests.maturity.conftest import Assess, text

pytestmark = pytest.mark.django_db


def run(*arguments: str) -> str:
    out = StringIO()
    call_command("demo_maturity", *arguments, stdout=out)
    return out.getvalue()


def levels() -> list[tuple[str, int, str, int | None]]:
    return list(
        Answer.objects.order_by(
            "assessment__municipality", "assessment__year", "dimension__position"
        ).values_list("assessment__municipality", "assessment__year", "dimension__key", "level")
    )


def test_it_stores_submitted_example_assessments_for_all_290() -> None:
    output = run("--seed", "1", "--year", "2025", "--years", "2")

    latest = Assessment.objects.filter(year=2025)
    assert latest.count() == 290
    assert latest.filter(is_example=True, status=Assessment.Status.SUBMITTED).count() == 290
    assert Assessment.objects.filter(year=2024).count() < 290
    assert Answer.objects.filter(level__isnull=True).count() == 0
    assert "for 290 municipalities, 2024–2025 (seed 1)" in output


def test_running_it_again_replaces_the_example_data_with_the_same() -> None:
    run("--seed", "1", "--year", "2025", "--years", "1")
    first = levels()

    output = run("--seed", "1", "--year", "2025", "--years", "1")

    assert levels() == first
    assert "replaced 290 earlier ones" in output
    assert Assessment.objects.count() == 290


def test_it_never_touches_real_assessments(assess: Assess) -> None:
    real = assess("0180", 2025, [5, 5, 4, 5, 4, 5, 4])
    draft = assess("0114", 2025, [2, None, None, None, None, None, None], submitted=False)

    output = run("--seed", "2", "--year", "2025", "--years", "1")
    run("--seed", "3", "--year", "2025", "--years", "1")

    assert "2 real assessments untouched" in output
    assert Assessment.objects.get(pk=real.pk).answers.filter(level=5).count() == 4
    assert not Assessment.objects.get(pk=draft.pk).is_example
    assert Assessment.objects.filter(is_example=True).count() == 288


def test_pages_with_the_example_data_say_so(client: Client) -> None:
    run("--seed", "1", "--year", "2025", "--years", "1")

    for url in ["/mognad/", "/mognad/kommuner/0180/", "/kommuner/0180/"]:
        assert "exempeldata" in text(client.get(url)), url
