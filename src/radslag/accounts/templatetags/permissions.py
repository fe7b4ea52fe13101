"""Templates ask the permission module, never ``user.is_staff``:
``{% load permissions %}{% if user|can_edit:case %}`` and ``{% if user|can:"merge_needs" %}``."""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Model

from radslag.accounts import permissions

register = template.Library()


@register.filter
def can_edit(user: Any, obj: Model) -> bool:
    return permissions.can_edit(user, obj)


@register.filter
def can(user: Any, action: str) -> bool:
    return permissions.can(user, permissions.Action(action))


@register.filter
def may_act_for(user: Any, action_and_code: str) -> bool:
    """``user|may_act_for:"submit_need:2062"``."""
    action, _separator, code = action_and_code.partition(":")
    return permissions.may_act_for(user, permissions.MunicipalAction(action), code or None)


@register.filter
def may_invite(user: Any) -> bool:
    return permissions.may_invite_anyone(user)


@register.filter
def may_for_any(user: Any, action: str) -> bool:
    """``user|may_for_any:"submit_need"``: may the person take the action for some municipality?"""
    return permissions.municipalities_for(user, permissions.MunicipalAction(action)).exists()


@register.simple_tag
def may_for(user: Any, action: str, code: str) -> bool:
    """``{% may_for user "answer_assessment" municipality.code as allowed %}``."""
    return permissions.may_act_for(user, permissions.MunicipalAction(action), code)
