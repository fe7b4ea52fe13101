"""Registering and updating use cases through the API, with a personal key: the same rules
and the same rights as the pages (:class:`radslag.register.forms.UseCaseForm`)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest
from ninja import Field, Status

from radslag.accounts import permissions
from radslag.accounts.audit import acting_as
from radslag.accounts.permissions import MunicipalAction
from radslag.api.auth import WRITE_ERRORS, ErrorOut, PersonalKey
from radslag.api.errors import ForbiddenError, NotFoundError, claim_or_conflict
from radslag.api.forms_as_schemas import errors_of, form_data, schema_of
from radslag.api.use_cases import UseCaseDetailOut, _base, _out, router
from radslag.register import exports
from radslag.register.aiact import QUESTIONS
from radslag.register.forms import ASSESSED, UseCaseForm, answer_field
from radslag.register.models import UseCase

# On the reading router: one path takes one view, so a second router for the same path
# would leave its methods unreachable.
UseCaseIn = schema_of(
    "UseCaseIn",
    UseCaseForm,
    aiact_answers=(
        dict[str, bool] | None,
        Field(
            None,
            description="The AI Act questionnaire: question key to answer; keys as in "
            "register/aiact.py. Given, the case is assessed and its risk class follows.",
        ),
    ),
    version=(
        int | None,
        Field(
            None,
            ge=1,
            description="On a change: the version it is based on, as read. If the case has "
            "changed since, nothing is saved and the answer is 409.",
        ),
    ),
)


def _given(payload: Any) -> dict[str, Any]:
    given: dict[str, Any] = payload.dict(exclude_unset=True)
    answers = given.pop("aiact_answers", None)
    if answers is not None:
        known = {question.key for question in QUESTIONS}
        unknown = sorted(set(answers) - known)
        if unknown:
            from radslag.api.errors import InvalidDataError

            raise InvalidDataError(
                {"aiact_answers": [f"unknown question(s): {', '.join(unknown)}"]}
            )
        given[ASSESSED] = True
        given |= {answer_field(q): bool(answers.get(q.key)) for q in QUESTIONS}
    return given


def _save(request: HttpRequest, case: UseCase | None, payload: Any) -> UseCase:
    allowed = permissions.municipalities_for(request.user, MunicipalAction.REGISTER_CASE)
    if not allowed.exists():
        raise ForbiddenError("the key's owner registers use cases for no municipality")
    given = _given(payload)
    code = given.get("organisation")
    if code is not None and not allowed.filter(code=code).exists():
        raise ForbiddenError(f"the key's owner may not register use cases for municipality {code}")
    data = form_data(case, UseCaseForm, given)
    if case is not None:
        answers = case.aiact_answers or {}
        if answers and ASSESSED not in given:
            data |= {ASSESSED: True} | {
                answer_field(q): bool(answers.get(q.key)) for q in QUESTIONS
            }
    form = UseCaseForm(
        data,
        instance=case,
        organisations=allowed,
        any_organisation=permissions.is_convener(request.user),
    )
    if not form.is_valid():
        raise errors_of(form)
    with transaction.atomic(), acting_as(request.user):
        if case is not None:
            claim_or_conflict(case, form.cleaned_data["version"], f"use case {case.pk}", "change")
        saved = form.save(commit=False)
        if case is None:
            saved.created_by = request.user  # type: ignore[assignment]
        saved.save()
        form.save_m2m()
    return saved


def _detail(request: HttpRequest, case: UseCase) -> dict[str, Any]:
    base = _base(request)
    return {**_out(case, base), "record": exports.record(case, base), "version": case.version}


@router.post(
    "/anvandningsfall/",
    response={201: UseCaseDetailOut, **WRITE_ERRORS},
    auth=PersonalKey(),
    summary="Register a use case of one of the key owner's municipalities",
)
def create_use_case(request: HttpRequest, payload: UseCaseIn) -> Status[dict[str, Any]]:  # type: ignore[valid-type]
    case = _save(request, None, payload)
    return Status(201, _detail(request, case))


@router.patch(
    "/anvandningsfall/{case_id}/",
    response={200: UseCaseDetailOut, 404: ErrorOut, 409: ErrorOut, **WRITE_ERRORS},
    auth=PersonalKey(),
    summary="Change a use case the key's owner may edit; fields not given keep their values",
)
def update_use_case(request: HttpRequest, case_id: int, payload: UseCaseIn) -> dict[str, Any]:  # type: ignore[valid-type]
    case = UseCase.objects.filter(pk=case_id).first() if 0 < case_id < 2**62 else None
    if case is None or not permissions.can_view(request.user, case):
        raise NotFoundError(f"no use case has id {case_id}")
    if not permissions.can_edit(request.user, case):
        raise ForbiddenError(f"the key's owner may not change use case {case_id}")
    return _detail(request, _save(request, case, payload))
