"""People with roles, for the tests: who may do what comes from memberships alone."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from radslag.accounts.models import Membership, Role


def convener(username: str = "sammankallande", **fields: Any) -> Any:
    person = get_user_model().objects.create_user(username, **fields)
    Membership.objects.create(person=person, role=Role.CONVENER)
    return person


def representative(code: str, username: str = "representant", **fields: Any) -> Any:
    person = get_user_model().objects.create_user(username, **fields)
    Membership.objects.create(person=person, role=Role.REPRESENTATIVE, municipality_id=code)
    return person


def employee(code: str, username: str = "medarbetare", **fields: Any) -> Any:
    person = get_user_model().objects.create_user(username, **fields)
    Membership.objects.create(person=person, role=Role.STAFF, municipality_id=code)
    return person


def council_member(username: str = "ledamot", **fields: Any) -> Any:
    person = get_user_model().objects.create_user(username, **fields)
    Membership.objects.create(person=person, role=Role.COUNCIL_MEMBER)
    return person
