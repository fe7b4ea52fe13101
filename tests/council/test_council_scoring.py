"""Council scoring: the convener sets the criteria of a draft round, members weigh them
pairwise (AHP) seeing the consistency ratio and the worst-fitting judgement, and score every
item on every criterion; bad answers are refused naming the cell, and nobody else may answer."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from radslag.accounts.models import Membership, Role
from radslag.council import scoring
from radslag.council.models import Criterion, Item, Link, Round, ScoringSheet
from tests.browserless import forms_of, submit
from tests.people import convener, council_member, representative

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_() -> Round:
    created = Round.objects.create(
        title="Teman",
        question="Vad ska rådet driva?",
        kind=Round.Kind.SCORING,
        status=Round.Status.OPEN,
    )
    Item.objects.bulk_create(Item(round=created, label=label) for label in ("A", "B", "C"))
    scoring.create_default_criteria(created)
    return created


def signed_in(person: Any) -> Client:
    client = Client()
    client.force_login(person)
    return client


def pair_field(round_: Round, first: str, second: str) -> str:
    by_name = {c.name: c.pk for c in round_.criteria.all()}
    return f"par-{by_name[first]}-{by_name[second]}"


def test_a_convener_creates_a_scoring_round_with_the_five_default_criteria() -> None:
    client = signed_in(convener())

    answer = client.post(
        "/radet/omgangar/ny/",
        {
            "title": "Teman",
            "question": "Vad ska rådet driva?",
            "kind": "poang",
            "weighting": "equal",
            "items": "Tolkning\nBygglov",
        },
    )

    created = Round.objects.get()
    assert answer.status_code == 302
    assert [c.name for c in created.criteria.all()] == [
        "Nytta",
        "Genomförbarhet",
        "Spridning till många kommuner",
        "Risk",
        "Jämlikhet mellan stora och små kommuner",
    ]
    assert [c.name for c in created.criteria.filter(more_is_better=False)] == ["Risk"]


def test_the_convener_edits_the_criteria_of_a_draft_without_javascript(round_: Round) -> None:
    round_.status = Round.Status.DRAFT
    round_.save()
    client = signed_in(convener())
    page = f"/radet/omgangar/{round_.pk}/kriterier/"

    answer = submit(
        client,
        page,
        button="Spara kriterierna",
        **{"form-0-name": "Värde", "form-1-DELETE": "on", "form-5-name": "Kostnad"},
    )

    assert answer.status_code == 302
    names = list(round_.criteria.values_list("name", "position"))
    assert names[0] == ("Värde", 0)
    assert "Genomförbarhet" not in dict(names)
    assert names[-1] == ("Kostnad", 4)


def test_two_criteria_with_one_name_are_refused_next_to_the_field(round_: Round) -> None:
    round_.status = Round.Status.DRAFT
    round_.save()
    client = signed_in(convener())

    answer = submit(
        client,
        f"/radet/omgangar/{round_.pk}/kriterier/",
        button="Spara kriterierna",
        **{"form-1-name": "nytta"},
    )

    assert answer.status_code == 200
    assert "Två kriterier heter ”nytta”." in answer.content.decode()
    assert round_.criteria.filter(name="nytta").count() == 0


def test_criteria_cannot_change_once_the_round_is_open(round_: Round) -> None:
    client = signed_in(convener())

    assert client.get(f"/radet/omgangar/{round_.pk}/kriterier/").status_code == 403


def test_a_member_weighs_without_javascript_and_sees_the_ratio_after_saving(
    round_: Round,
) -> None:
    client = signed_in(council_member())
    page = f"/radet/omgangar/{round_.pk}/vikta/"

    answer = submit(
        client,
        page,
        button="Spara jämförelserna",
        **{
            pair_field(round_, "Nytta", "Risk"): "5",
            pair_field(round_, "Nytta", "Genomförbarhet"): "1/3",
        },
    )
    shown = client.get(page).content.decode()

    assert answer.status_code == 302
    sheet = ScoringSheet.objects.get()
    assert len(sheet.judgements) == 10
    nytta, genom = (round_.criteria.get(name=n).pk for n in ("Nytta", "Genomförbarhet"))
    assert sheet.judgements[f"{nytta}:{genom}"] == pytest.approx(1 / 3)
    assert "Konsistenskvot: 0,15." in shown
    assert "Dina sparade svar" in shown
    assert "Passar sämst med de andra: Nytta mot Risk. Du angav 5;" in shown
    assert "selected>Genomförbarhet: måttligt viktigare (3)" in shown


def test_the_live_check_shows_the_ratio_and_worst_judgement_without_saving(
    round_: Round,
) -> None:
    client = signed_in(council_member())
    form = forms_of(client.get(f"/radet/omgangar/{round_.pk}/vikta/").content.decode())[-1]
    data = form.values()
    # Nytta far above Risk, yet as important as everything Risk is as important as.
    data[pair_field(round_, "Nytta", "Risk")] = ["9"]

    answer = client.post(f"/radet/omgangar/{round_.pk}/vikta/", data, HTTP_HX_REQUEST="true")
    html = answer.content.decode()

    assert answer.status_code == 200
    assert html.startswith('<section id="consistency"')
    assert "Dina svar just nu (inte sparade)" in html
    assert "Över 0,10: svaren motsäger delvis varandra." in html
    assert "Konsistenskvot: 0,15." in html
    worst = "Passar sämst med de andra: Nytta mot Risk. Du angav 9; dina övriga svar pekar mot "
    assert worst + "ungefär 2,86, på skalan närmast 3." in html
    assert not ScoringSheet.objects.exists()


@pytest.mark.parametrize("value", ["0", "-3", "7/0", "12"])
def test_a_judgement_off_the_scale_is_refused_naming_the_cell(round_: Round, value: str) -> None:
    client = signed_in(council_member())
    field = pair_field(round_, "Genomförbarhet", "Risk")

    answer = submit(client, f"/radet/omgangar/{round_.pk}/vikta/", button="Spara", **{field: value})
    html = answer.content.decode()

    assert answer.status_code == 200
    assert "Jämförelsen Genomförbarhet mot Risk (rad 2, kolumn 4) har värdet" in html
    assert not ScoringSheet.objects.exists()


@pytest.mark.parametrize("value", [0.0, -2.0, float("nan")])
def test_the_service_refuses_a_zero_or_negative_judgement_naming_the_cell(
    round_: Round, value: float
) -> None:
    criteria = scoring.criteria_of(round_)
    judgements = {
        scoring.judgement_key(criteria[i], criteria[j]): 1.0 for i, j in scoring.pairs(criteria)
    }
    judgements[scoring.judgement_key(criteria[0], criteria[2])] = value

    with pytest.raises(scoring.ScoringRefusedError) as refused:
        scoring.save_judgements(council_member(), round_, judgements)

    assert (
        "Jämförelsen Nytta mot Spridning till många kommuner (rad 1, kolumn 3)"
        in refused.value.message
    )
    assert refused.value.key == scoring.judgement_key(criteria[0], criteria[2])
    assert not ScoringSheet.objects.exists()


def test_a_member_scores_saves_part_and_changes_it_while_open(round_: Round) -> None:
    person = council_member()
    Membership.objects.filter(person=person).update(municipality_id="1715")
    client = signed_in(person)
    page = f"/radet/omgangar/{round_.pk}/poangsatt/"
    a = round_.items.get(label="A")
    nytta, risk = (round_.criteria.get(name=n) for n in ("Nytta", "Risk"))

    submit(client, page, button="Spara poängen", **{f"poang-{a.pk}-{nytta.pk}": "5"})
    answer = submit(
        client,
        page,
        button="Spara poängen",
        **{f"poang-{a.pk}-{nytta.pk}": "4", f"poang-{a.pk}-{risk.pk}": "2"},
    )

    sheet = ScoringSheet.objects.get()
    assert answer.status_code == 302
    assert sheet.scores == {f"{a.pk}:{nytta.pk}": 4, f"{a.pk}:{risk.pk}": 2}
    assert sheet.municipality_id == "1715"
    assert "selected>4</option>" in client.get(page).content.decode()
    shown = client.get(f"/radet/omgangar/{round_.pk}/").content.decode()
    assert "1 röst · 1 kommun" in shown


def test_a_score_off_the_scale_is_refused_next_to_its_field(round_: Round) -> None:
    client = signed_in(council_member())
    a = round_.items.get(label="A")
    nytta = round_.criteria.get(name="Nytta")

    answer = client.post(
        f"/radet/omgangar/{round_.pk}/poangsatt/", {f"poang-{a.pk}-{nytta.pk}": "9"}
    )

    assert answer.status_code == 200
    assert "Välj ett giltigt alternativ" in answer.content.decode()
    assert not ScoringSheet.objects.exists()


def test_the_service_refuses_a_score_off_the_scale_naming_item_and_criterion(round_: Round) -> None:
    a = round_.items.get(label="A")
    risk = round_.criteria.get(name="Risk")

    with pytest.raises(scoring.ScoringRefusedError, match="Poängen för A på Risk är 0"):
        scoring.save_scores(council_member(), round_, {f"{a.pk}:{risk.pk}": 0})


@pytest.mark.parametrize("status", [Round.Status.CLOSED, Round.Status.PUBLISHED])
def test_nobody_weighs_or_scores_once_the_round_has_closed(round_: Round, status: str) -> None:
    round_.status = status
    round_.save()
    client = signed_in(council_member())

    assert client.get(f"/radet/omgangar/{round_.pk}/vikta/").status_code == 403
    assert client.get(f"/radet/omgangar/{round_.pk}/poangsatt/").status_code == 403
    with pytest.raises(scoring.ScoringRefusedError):
        scoring.save_scores(council_member("annan"), round_, {})


def test_before_its_first_day_an_open_round_takes_no_weights_or_scores(round_: Round) -> None:
    round_.opens_on = timezone.localdate() + datetime.timedelta(days=3)
    round_.save()
    person = council_member()

    assert signed_in(person).get(f"/radet/omgangar/{round_.pk}/vikta/").status_code == 403
    with pytest.raises(scoring.ScoringRefusedError, match="Omgången öppnar den"):
        scoring.save_judgements(person, round_, {})
    with pytest.raises(scoring.ScoringRefusedError, match="Omgången öppnar den"):
        scoring.save_scores(person, round_, {})
    assert not ScoringSheet.objects.exists()


def test_a_convener_who_is_no_member_may_not_score(round_: Round) -> None:
    person = convener()

    assert signed_in(person).get(f"/radet/omgangar/{round_.pk}/poangsatt/").status_code == 403
    assert Membership.objects.filter(person=person, role=Role.COUNCIL_MEMBER).count() == 0


def test_the_round_page_shows_the_criteria_and_the_member_their_two_pages(round_: Round) -> None:
    html = signed_in(council_member()).get(f"/radet/omgangar/{round_.pk}/").content.decode()

    assert "Risk</dt>" not in html  # a cost criterion says so
    assert "Risk (lägre är bättre)</dt>" in html
    assert f'href="/radet/omgangar/{round_.pk}/vikta/"' in html
    assert f'href="/radet/omgangar/{round_.pk}/poangsatt/"' in html
    assert Criterion.objects.filter(round=round_).count() == 5


def test_a_decimal_judgement_counts_as_the_scale_value_it_rounds(round_: Round) -> None:
    criteria = scoring.criteria_of(round_)
    judgements = {
        scoring.judgement_key(criteria[i], criteria[j]): 1.0 for i, j in scoring.pairs(criteria)
    }
    judgements[scoring.judgement_key(criteria[0], criteria[1])] = 0.333

    scoring.save_judgements(council_member(), round_, judgements)

    saved = ScoringSheet.objects.get().judgements
    assert saved[scoring.judgement_key(criteria[0], criteria[1])] == pytest.approx(1 / 3, rel=1e-12)


def test_a_scoring_round_takes_no_municipal_links(round_: Round) -> None:
    client = signed_in(representative("2026"))

    page = client.get(f"/radet/omgangar/{round_.pk}/").content.decode()
    answer = client.post(
        f"/radet/omgangar/{round_.pk}/lank/", {"municipality": "2026"}, follow=True
    )

    assert 'id="links-heading"' not in page
    assert "Omgången besvaras av rådets ledamöter, inte genom en kommuns länk." in (
        answer.content.decode()
    )
    assert not Link.objects.filter(round=round_).exists()
