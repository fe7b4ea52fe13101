"""Every form field has a Swedish label of its own.

A field without a label gets one made by Django from its English name ("merge_with" becomes
"Merge with"), which is what an error summary then shows a Swedish visitor.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django import forms

import radslag


def form_classes() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(radslag.__path__, "radslag."):
        if module.name.rsplit(".", 1)[-1] in {"forms", "filters"}:
            importlib.import_module(module.name)
    found: list[type[forms.BaseForm]] = []
    pending: list[type[forms.BaseForm]] = [forms.Form, forms.ModelForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.startswith("radslag."):
                found.append(subclass)
    return found


def test_the_forms_are_found() -> None:
    names = {form.__name__ for form in form_classes()}
    assert {"NeedForm", "MergeForm", "MunicipalityFilterForm"} <= names


@pytest.mark.parametrize("form", form_classes(), ids=lambda form: form.__qualname__)
def test_every_field_of_the_form_has_a_label_of_its_own(form: type[forms.BaseForm]) -> None:
    unlabelled = [
        name
        for name, field in form.base_fields.items()  # type: ignore[attr-defined]
        if field.label is None
    ]
    assert unlabelled == []
