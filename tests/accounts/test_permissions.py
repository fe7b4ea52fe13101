"""The permission module: what each role may do, at which municipality."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import IntegrityError
from django.template import Context, Template
from django.utils import timezone

from radslag.accounts.models import Membership, Role
from radslag.accounts.permissions import (
    Action,
    MunicipalAction,
    can,
    can_edit,
    can_view,
    editable,
    may_act_for,
    municipalities_for,
)
from radslag.maturity.models import Assessment, MaturityModel
from radslag.needs.models import Need
from radslag.register.models import UseCase

pytestmark = pytest.mark.django_db

KIL, MORA = "1715", "2062"


def person(name: str, *roles: tuple[Role, str | None]) -> User:
    user = User.objects.create_user(name)
    for role, code in roles:
        Membership.objects.create(person=user, role=role, municipality_id=code)
    return user


def case(code: str, status: str = "publicerad") -> UseCase:
    return UseCase.objects.create(
        title="Chattbot", summary="Svarar.", organisation_id=code, status=status
    )


def need(code: str) -> Need:
    return Need.objects.create(title="Behov", text="Ett behov.", municipality_id=code)


def assessment(code: str, submitted: bool) -> Assessment:
    return Assessment.objects.create(
        municipality_id=code,
        year=2026,
        model=MaturityModel.objects.current(),
        status=Assessment.Status.SUBMITTED if submitted else Assessment.Status.DRAFT,
        submitted_at=timezone.now() if submitted else None,
    )


@pytest.fixture
def kil_representative() -> User:
    return person("kil", (Role.REPRESENTATIVE, KIL))


def test_a_representative_edits_their_municipalitys_objects_and_no_others(
    kil_representative: User,
) -> None:
    assert can_edit(kil_representative, case(KIL))
    assert can_edit(kil_representative, need(KIL))
    assert can_edit(kil_representative, assessment(KIL, submitted=False))

    assert not can_edit(kil_representative, case(MORA))
    assert not can_edit(kil_representative, need(MORA))
    assert not can_edit(kil_representative, assessment(MORA, submitted=False))


def test_a_submitted_assessment_is_edited_by_nobody_until_reopened(
    kil_representative: User,
) -> None:
    convener = person("sam", (Role.CONVENER, None))
    submitted = assessment(KIL, submitted=True)

    assert not can_edit(kil_representative, submitted)
    assert not can_edit(convener, submitted)
    assert can(convener, Action.REOPEN_ASSESSMENT)
    assert not can(kil_representative, Action.REOPEN_ASSESSMENT)


def test_an_employee_submits_and_supports_needs_for_their_municipality_only() -> None:
    employee = person("anställd", (Role.STAFF, MORA))

    assert may_act_for(employee, MunicipalAction.SUBMIT_NEED, MORA)
    assert may_act_for(employee, MunicipalAction.SUPPORT_NEED, MORA)
    assert not may_act_for(employee, MunicipalAction.SUBMIT_NEED, KIL)
    assert not may_act_for(employee, MunicipalAction.REGISTER_CASE, MORA)
    assert not may_act_for(employee, MunicipalAction.ANSWER_ASSESSMENT, MORA)
    assert not can_edit(employee, need(MORA))


def test_a_convener_may_do_everything_everywhere() -> None:
    convener = person("sam", (Role.CONVENER, None))

    assert all(can(convener, action) for action in Action)
    assert all(may_act_for(convener, action, KIL) for action in MunicipalAction)
    assert can_edit(convener, case(MORA))
    assert municipalities_for(convener, MunicipalAction.REGISTER_CASE).count() == 290


def test_visitors_and_council_members_read_what_is_published_and_change_nothing() -> None:
    visitor: Any = type("Anonymous", (), {"is_authenticated": False, "is_active": False})()
    member = person("ledamot", (Role.COUNCIL_MEMBER, KIL))
    published, draft = case(KIL), case(KIL, status="utkast")

    for someone in (visitor, member):
        assert can_view(someone, published)
        assert not can_view(someone, draft)
        assert not can_edit(someone, published)
        assert not any(can(someone, action) for action in Action)
        assert not may_act_for(someone, MunicipalAction.SUBMIT_NEED, KIL)


def test_the_choices_of_a_form_are_the_municipalities_the_person_acts_for() -> None:
    both = person("båda", (Role.REPRESENTATIVE, KIL), (Role.STAFF, MORA))

    assert set(
        municipalities_for(both, MunicipalAction.SUBMIT_NEED).values_list("code", flat=True)
    ) == {KIL, MORA}
    assert list(
        municipalities_for(both, MunicipalAction.REGISTER_CASE).values_list("code", flat=True)
    ) == [KIL]
    kil_case, _mora_case = case(KIL), case(MORA)
    assert list(editable(both, UseCase.objects.all())) == [kil_case]


def test_a_deactivated_account_may_do_nothing(kil_representative: User) -> None:
    kil_representative.is_active = False

    assert not can_edit(kil_representative, case(KIL))
    assert not may_act_for(kil_representative, MunicipalAction.SUBMIT_NEED, KIL)


def test_a_municipal_role_needs_its_municipality_and_a_convener_has_none() -> None:
    user = User.objects.create_user("x")

    with pytest.raises(IntegrityError):
        Membership.objects.create(person=user, role=Role.STAFF, municipality=None)


def test_a_convener_role_is_national() -> None:
    user = User.objects.create_user("x")

    with pytest.raises(IntegrityError):
        Membership.objects.create(person=user, role=Role.CONVENER, municipality_id=KIL)


def test_templates_ask_through_the_permission_filters(kil_representative: User) -> None:
    template = Template(
        "{% load permissions %}{% if user|can_edit:case %}ändra{% endif %}"
        '{% if user|may_act_for:"submit_need:1715" %} lämna{% endif %}'
        '{% if user|can:"merge_needs" %} slå ihop{% endif %}'
    )

    rendered = template.render(Context({"user": kil_representative, "case": case(KIL)}))

    assert rendered == "ändra lämna"
