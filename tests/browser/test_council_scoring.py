"""Council scoring in a real browser: while a member answers, htmx shows the consistency ratio
and the worst-fitting judgement without saving (under the Content-Security-Policy, no inline
script), and the weighing, scoring and results pages pass axe-core's WCAG 2.1 AA rules."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from radslag.accounts.models import Membership, Role
from radslag.council import scoring
from radslag.council.models import Item, Round
from tests.browser.conftest import ExampleSite
from tests.browser.test_accessibility_by_role import sign_in, violations

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def scoring_round(example_site: ExampleSite, django_db_blocker: Any) -> Round:
    """An open scoring round three members from Gagnef, Mora and Stockholm have answered."""
    with django_db_blocker.unblock():
        round_ = Round.objects.create(
            title="Insatser",
            question="Hur väl svarar insatsen mot kriterierna?",
            kind=Round.Kind.SCORING,
            status=Round.Status.OPEN,
        )
        Item.objects.bulk_create(
            Item(round=round_, label=label) for label in ("Upphandling", "Nätverk", "Plattform")
        )
        scoring.create_default_criteria(round_)
        criteria, items = scoring.criteria_of(round_), scoring.active_items(round_)
        for number, code in enumerate(("2026", "2062", "0180"), start=1):
            person = get_user_model().objects.create_user(f"webbledamot-{number}")
            Membership.objects.create(person=person, role=Role.COUNCIL_MEMBER, municipality_id=code)
            scoring.save_judgements(
                person,
                round_,
                {
                    scoring.judgement_key(criteria[i], criteria[j]): 1.0
                    for i, j in scoring.pairs(criteria)
                },
            )
            scoring.save_scores(
                person,
                round_,
                {
                    scoring.score_key(item, criterion): (number + n) % 5 + 1
                    for n, item in enumerate(items)
                    for criterion in criteria
                },
            )
    return round_


def test_the_ratio_and_worst_judgement_follow_the_answers_before_saving(
    page: Page, example_site: ExampleSite, scoring_round: Round
) -> None:
    sign_in(page, example_site, "ledamot")
    page.goto(example_site(f"/radet/omgangar/{scoring_round.pk}/vikta/"))
    box = page.locator("#consistency")
    expect(box).to_contain_text("Du har inte sparat några jämförelser än.")

    page.get_by_label("Nytta jämfört med Risk").select_option("9")

    expect(box).to_contain_text("Dina svar just nu (inte sparade)")
    expect(box).to_contain_text("Konsistenskvot: 0,15.")
    expect(box).to_contain_text("Passar sämst med de andra: Nytta mot Risk. Du angav 9;")
    # Nothing saved yet (asked of the page: a query from here would lock the table the live
    # server writes to).
    page.reload()
    expect(box).to_contain_text("Du har inte sparat några jämförelser än.")
    page.get_by_label("Nytta jämfört med Risk").select_option("9")
    page.get_by_role("button", name="Spara jämförelserna").click()

    expect(page.locator("#consistency h2")).to_have_text("Dina sparade svar")
    expect(page.locator("#consistency")).to_contain_text("Konsistenskvot: 0,15.")


def test_the_scoring_pages_pass_axe(
    page: Page, example_site: ExampleSite, scoring_round: Round
) -> None:
    sign_in(page, example_site, "ledamot")
    found: list[dict[str, Any]] = []
    for path in ("vikta/", "poangsatt/", "resultat/", ""):
        answer = page.goto(example_site(f"/radet/omgangar/{scoring_round.pk}/{path}"))
        assert answer is not None
        assert answer.status == 200, path
        found += violations(page)

    assert found == []


def test_no_criterion_label_breaks_before_its_colon_on_a_phone(
    phone: Page, example_site: ExampleSite, scoring_round: Round
) -> None:
    sign_in(phone, example_site, "ledamot")
    phone.goto(example_site(f"/radet/omgangar/{scoring_round.pk}/poangsatt/"))

    # A label whose last two characters (the word's end and the colon) lie on two lines.
    broken = phone.evaluate(
        """() => [...document.querySelectorAll('.score-row label')].filter(label => {
            const text = label.firstChild;
            const range = document.createRange();
            range.setStart(text, text.length - 2);
            range.setEnd(text, text.length);
            const boxes = [...range.getClientRects()];
            return new Set(boxes.map(box => Math.round(box.top))).size > 1;
        }).map(label => label.textContent)"""
    )
    assert phone.locator(".score-row label").count() > 0
    assert broken == []
