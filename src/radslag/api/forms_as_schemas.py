"""The API takes what the pages' forms take, checked by the same forms.

A request schema is made from a form's fields (so the OpenAPI document and the form cannot
drift apart), and a request is turned into the form's data on top of the object's current
values, so a PATCH changes only what it names and a POST is a blank form filled in.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import Model
from django.forms.models import model_to_dict
from ninja import Schema
from pydantic import create_model

from radslag.api.errors import InvalidDataError


def _annotation(field: forms.Field) -> Any:
    if isinstance(field, forms.BooleanField):
        return bool | None
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return list[str] | None
    if isinstance(field, forms.DateField):
        return datetime.date | None
    return str | None


def schema_of(name: str, form_class: type[forms.BaseForm], **extra: Any) -> type[Schema]:
    """A schema with every field of ``form_class`` optional, plus ``extra`` (name: (type,
    default))."""
    fields: dict[str, Any] = {
        field_name: (_annotation(field), None)
        for field_name, field in _fields(form_class).items()
        if not isinstance(field.widget, forms.HiddenInput)
    }
    model: type[Schema] = create_model(name, __base__=Schema, **fields, **extra)
    return model


def form_data(
    instance: Model | None, form_class: type[forms.BaseForm], given: dict[str, Any]
) -> dict[str, Any]:
    """The form's data: the instance's current values, overlaid with what the request gives."""
    names = list(_fields(form_class))
    data: dict[str, Any] = {}
    if instance is not None and instance.pk is not None:
        for name, value in model_to_dict(instance, fields=names).items():
            if isinstance(value, list):
                value = [getattr(item, "pk", item) for item in value]
            data[name] = value
    data |= given
    # A form reads an unchecked box as a missing key; None would be read as "None".
    return {name: value for name, value in data.items() if value is not None}


def errors_of(form: forms.BaseForm) -> InvalidDataError:
    return InvalidDataError(
        {
            field: [error["message"] for error in errors]
            for field, errors in form.errors.get_json_data().items()
        }
    )


def _fields(form_class: type[forms.BaseForm]) -> dict[str, forms.Field]:
    # Form classes made by the metaclass have base_fields; BaseForm's type does not say so.
    fields: dict[str, forms.Field] = form_class.base_fields  # type: ignore[attr-defined]
    return fields
