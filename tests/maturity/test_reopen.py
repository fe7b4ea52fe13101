"""A convener reopens a submitted self-assessment at /mognad/kommuner/<code>/<year>/oppna-igen/."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.test import Client
from django.utils import timezone

from radslag.accounts.models import Membership, Role
from radslag.accounts.permissions import Action, can
from radslag.maturity.models import Answer, Assessment, Reopening
from tests.html import contains
from tests.maturity.conftest import Assess, FillYear, text

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year
FORM_URL = f"/mognad/kommuner/0114/{YEAR}/"
REOPEN_URL = f"{FORM_URL}oppna-igen/"
REASON = "Fel nivå angavs för Data: kommunen har ingen datakatalog ännu."


@pytest.fixture
def submitted(assess: Assess) -> Assessment:
    assessment = assess("0114", YEAR, [3, 2, 4, 3, 2, 4, 1])
    assessment.submitted_by = User.objects.create_user("inskickare")
    assessment.save()
    return assessment


@pytest.fixture
def convener() -> User:
    user = User.objects.create_user("sammankallande", first_name="Eva", last_name="Ek")
    Membership.objects.create(person=user, role=Role.CONVENER)
    return user


def test_a_convener_reopens_a_submitted_assessment_and_who_when_and_why_are_recorded(
    client: Client, submitted: Assessment, convener: User
) -> None:
    client.force_login(convener)
    submitted_at = submitted.submitted_at

    response = client.post(REOPEN_URL, {"reason": f"  {REASON}  "})

    assert response.status_code == 302
    assert response["Location"] == FORM_URL
    record = Reopening.objects.get(assessment=submitted)
    assert record.reopened_by == convener
    assert timezone.now() - record.reopened_at < datetime.timedelta(minutes=1)
    assert record.reason == REASON
    assert record.submitted_at == submitted_at
    assert record.submitted_by is not None
    assert record.submitted_by.username == "inskickare"
    submitted.refresh_from_db()
    assert submitted.status == Assessment.Status.DRAFT
    assert submitted.submitted_at is None


def test_a_reopened_assessment_can_be_corrected_and_submitted_again(
    client: Client, submitted: Assessment, convener: User
) -> None:
    client.force_login(convener)
    client.post(REOPEN_URL, {"reason": REASON})

    form = text(client.get(FORM_URL))
    keys = ["strategi", "styrning", "data", "teknik", "kompetens", "samverkan", "anvandning"]
    corrected = dict(zip(keys, [3, 2, 1, 3, 2, 4, 1], strict=True))
    response = client.post(
        FORM_URL, {"action": "submit"} | {f"level_{k}": str(v) for k, v in corrected.items()}
    )

    assert "<fieldset" in form
    assert 'id="data-4" value="4" checked' in form
    assert "Öppnad igen" in form
    assert "av Eva Ek." in form
    assert REASON in form
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.is_submitted
    assert submitted.submitted_by == convener
    assert Answer.objects.get(assessment=submitted, dimension__key="data").level == 1
    page = text(client.get(FORM_URL))
    assert "Öppnad igen för rättelse" in page
    assert f"av Eva Ek: {REASON}" in page


def test_a_reason_is_required_and_its_error_is_shown_next_to_the_field(
    client: Client, submitted: Assessment, convener: User
) -> None:
    client.force_login(convener)

    response = client.post(REOPEN_URL, {"reason": "   "})
    page = text(response)

    assert response.status_code == 400
    assert 'aria-describedby="id_reason_helptext id_reason_error"' in page
    assert '<ul class="errorlist" id="id_reason_error"><li>Skriv varför' in page
    assert not Reopening.objects.exists()
    submitted.refresh_from_db()
    assert submitted.is_submitted


def test_an_overlong_reason_is_refused(
    client: Client, submitted: Assessment, convener: User
) -> None:
    client.force_login(convener)

    response = client.post(REOPEN_URL, {"reason": "x" * 1001})

    assert response.status_code == 400
    assert 'id="id_reason_error"' in text(response)
    assert not Reopening.objects.exists()


def test_reopening_is_refused_for_a_user_who_is_not_staff(
    client: Client, submitted: Assessment
) -> None:
    client.force_login(User.objects.create_user("medarbetare"))

    response = client.post(REOPEN_URL, {"reason": REASON})

    assert response.status_code == 403
    assert not Reopening.objects.exists()
    submitted.refresh_from_db()
    assert submitted.is_submitted


def test_reopening_sends_an_anonymous_visitor_to_log_in(
    client: Client, submitted: Assessment
) -> None:
    response = client.post(REOPEN_URL, {"reason": REASON})

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")
    assert not Reopening.objects.exists()


def test_only_conveners_may_reopen(convener: User) -> None:
    inactive = User.objects.create_user("slutat", is_active=False)
    Membership.objects.create(person=inactive, role=Role.CONVENER)
    representative = User.objects.create_user("rep")
    Membership.objects.create(
        person=representative, role=Role.REPRESENTATIVE, municipality_id="0114"
    )

    assert can(convener, Action.REOPEN_ASSESSMENT)
    assert not can(representative, Action.REOPEN_ASSESSMENT)
    assert not can(User.objects.create_user("medarbetare"), Action.REOPEN_ASSESSMENT)
    assert not can(inactive, Action.REOPEN_ASSESSMENT)
    assert not can(AnonymousUser(), Action.REOPEN_ASSESSMENT)


def test_the_form_to_reopen_is_offered_on_a_submitted_assessment(
    client: Client, submitted: Assessment, convener: User
) -> None:
    client.force_login(convener)

    page = text(client.get(FORM_URL))

    assert f'<form method="post" action="{REOPEN_URL}" novalidate>' in page
    assert contains(page, '<label for="id_reason">Skäl:</label>')


def test_the_profile_leads_staff_to_each_submitted_year_to_reopen_it(
    client: Client, assess: Assess, convener: User
) -> None:
    assess("0114", 2024, [2, 2, 2, 2, 2, 2, 2])
    client.force_login(convener)

    staff_page = text(client.get("/mognad/kommuner/0114/"))
    public_page = text(Client().get("/mognad/kommuner/0114/"))

    assert '<a href="/mognad/kommuner/0114/2024/">2024</a>' in staff_page
    assert '<a href="/mognad/kommuner/0114/2024/">' not in public_page


@pytest.mark.parametrize("state", ["draft", "example"])
def test_a_draft_or_example_data_cannot_be_reopened(
    client: Client, assess: Assess, convener: User, state: str
) -> None:
    assess(
        "0114",
        YEAR,
        [3, 2, 4, 3, 2, 4, 1],
        submitted=state == "example",
        is_example=state == "example",
    )
    client.force_login(convener)

    response = client.post(REOPEN_URL, {"reason": REASON}, follow=True)

    assert not Reopening.objects.exists()
    page = text(response)
    assert "kan redan ändras" in page or "Exempeldata kan inte öppnas igen." in page
    assert "oppna-igen" not in page


def test_a_reopened_assessment_leaves_the_comparisons_until_submitted_again(
    client: Client, fill_year: FillYear, convener: User
) -> None:
    fill_year(YEAR, ["0180", "1480", "2062", "0114", "0115"])
    client.force_login(convener)

    before = text(client.get("/mognad/"))
    client.post(REOPEN_URL, {"reason": REASON})
    after = text(client.get("/mognad/"))

    assert f"5 av 290 kommuner har skickat in en självskattning för {YEAR}." in before
    assert f"{YEAR}: 4 kommuner har skickat in hittills, för få för att visa." in after


def test_a_reopening_for_an_unknown_assessment_is_404(client: Client, convener: User) -> None:
    client.force_login(convener)

    assert client.post(REOPEN_URL, {"reason": REASON}).status_code == 404


def test_reopening_takes_only_post(client: Client, submitted: Assessment, convener: User) -> None:
    client.force_login(convener)

    assert client.get(REOPEN_URL).status_code == 405


def test_the_admin_shows_reopenings_and_changes_no_submitted_answers_or_status(
    admin_client: Client, submitted: Assessment, convener: User
) -> None:
    Reopening.objects.create(assessment=submitted, reopened_by=convener, reason=REASON)

    page = text(admin_client.get(f"/admin/maturity/assessment/{submitted.pk}/change/"))

    assert REASON in page
    assert 'name="status"' not in page
    assert 'name="answers-0-level"' not in page
