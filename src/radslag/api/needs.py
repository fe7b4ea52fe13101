"""Needs, strategic questions and obstacles through the API: reading what municipalities have
submitted, and, with a personal key, submitting and correcting one's own municipality's."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status

from radslag.accounts import permissions
from radslag.accounts.audit import acting_as
from radslag.accounts.permissions import MunicipalAction
from radslag.api.auth import READ_ERRORS, WRITE_ERRORS, ErrorOut, PersonalKey
from radslag.api.errors import BadRequestError, ForbiddenError, NotFoundError, claim_or_conflict
from radslag.api.forms_as_schemas import errors_of, form_data, schema_of
from radslag.api.pagination import Page, PageQuery, page_of
from radslag.core import idempotency
from radslag.core.areas import Area
from radslag.municipalities.sizeclass import SizeClass
from radslag.needs import index
from radslag.needs.forms import NeedForm
from radslag.needs.models import Need
from radslag.needs.support import earlier_submission, submit_once

router = Router(tags=["behov"])


class NeedOut(Schema):
    id: int
    url: str
    kind: str
    title: str
    text: str
    area: str
    municipality_code: str
    supporting_municipalities: list[str]
    merged_into: int | None
    is_example: bool
    version: int = Field(
        description="raised by every correction; send it back with a correction so that one "
        "based on an older version is refused (409) instead of overwriting another's"
    )


class SimilarOut(Schema):
    id: int
    title: str
    similarity: float


class NeedCreatedOut(NeedOut):
    similar: list[SimilarOut] = Field(
        description="open submissions much like this one, which a person may want to merge"
    )


class NeedFilters(PageQuery):
    kind: Need.Kind | None = None
    area: Area | None = None
    size_class: SizeClass | None = Field(None, description="size class of the submitter")
    municipality: str | None = Field(None, pattern=r"^\d{4}$", description="four-digit code")


NeedIn = schema_of("NeedIn", NeedForm)
NeedCorrectionIn = schema_of(
    "NeedCorrectionIn",
    NeedForm,
    version=(
        int | None,
        Field(
            None,
            ge=1,
            description="the version the correction is based on, as read; if the submission "
            "has changed since, nothing is saved and the answer is 409",
        ),
    ),
)
IDEMPOTENCY_HEADER = {
    "in": "header",
    "name": idempotency.HEADER,
    "required": False,
    "schema": {"type": "string", "minLength": 16, "maxLength": idempotency.MAX_LENGTH},
    "description": "A key the client makes for this submission (a UUID, say), sent again "
    "unchanged when it retries. A retry with a key the same person has used answers 201 with "
    "the submission stored the first time (and the header Idempotent-Replayed: true) and "
    "stores nothing new.",
}


def _out(request: HttpRequest, need: Need) -> dict[str, Any]:
    return {
        "id": need.pk,
        "url": request.build_absolute_uri(need.get_absolute_url()),
        "kind": need.kind,
        "title": need.title,
        "text": need.text,
        "area": need.area,
        "municipality_code": need.municipality_id,
        "supporting_municipalities": sorted(
            need.supporting_municipalities().values_list("code", flat=True)
        ),
        "merged_into": need.merged_into_id,
        "is_example": need.is_example,
        "version": need.version,
    }


@router.get(
    "/behov/",
    response={200: Page[NeedOut], **READ_ERRORS},
    summary="List submissions, newest first",
)
def list_needs(request: HttpRequest, filters: Query[NeedFilters]) -> dict[str, object]:
    needs = Need.objects.matching(
        kind=filters.kind,
        area=filters.area,
        size_class=filters.size_class,
        municipality=filters.municipality,
    )
    page = page_of(request, needs.order_by("-created_at", "-pk"), filters)
    page["results"] = [_out(request, need) for need in page["results"]]  # type: ignore[attr-defined]
    return page


@router.get(
    "/behov/{need_id}/",
    response={200: NeedOut, 404: ErrorOut, **READ_ERRORS},
    summary="One submission",
)
def get_need(request: HttpRequest, need_id: int) -> dict[str, Any]:
    need = Need.objects.filter(pk=need_id).first() if 0 < need_id < 2**62 else None
    if need is None:
        raise NotFoundError(f"no submission has id {need_id}")
    return _out(request, need)


def _check_codes(request: HttpRequest, given: dict[str, Any]) -> None:
    for field, action in (
        ("municipality", MunicipalAction.SUBMIT_NEED),
        ("supporters", MunicipalAction.SUPPORT_NEED),
    ):
        value = given.get(field)
        codes = value if isinstance(value, list) else [value] if value else []
        for code in codes:
            if not permissions.may_act_for(request.user, action, str(code)):
                raise ForbiddenError(
                    f"{field}: the key's owner may not submit or support for municipality {code}"
                )


@router.post(
    "/behov/",
    response={201: NeedCreatedOut, **WRITE_ERRORS},
    auth=PersonalKey(),
    summary="Submit a need for one of the key owner's municipalities",
    openapi_extra={"parameters": [IDEMPOTENCY_HEADER]},
)
def create_need(
    request: HttpRequest,
    payload: NeedIn,  # type: ignore[valid-type]
    response: HttpResponse,
) -> Status[dict[str, Any]]:
    key = request.headers.get(idempotency.HEADER)
    problem = idempotency.key_problem(key)
    if problem is not None:
        raise BadRequestError(problem)
    earlier = earlier_submission(request.user, key or "")
    if earlier is not None:
        response[REPLAYED] = "true"
        return Status(201, _created(request, earlier))
    given = payload.dict(exclude_unset=True)  # type: ignore[attr-defined]
    _check_codes(request, given)
    # No near-duplicate question to answer through the API: it is submitted, and the similar
    # submissions are listed in the answer.
    form = NeedForm(
        form_data(None, NeedForm, given) | {"decision": NeedForm.NEW}, user=request.user
    )
    if not form.is_valid():
        raise errors_of(form)
    with acting_as(request.user):
        need = form.save(commit=False)
        need.created_by = request.user
        need, created = submit_once(need, form.cleaned_data["supporters"], key or "")
    if not created:
        response[REPLAYED] = "true"
    return Status(201, _created(request, need))


REPLAYED = "Idempotent-Replayed"


def _created(request: HttpRequest, need: Need) -> dict[str, Any]:
    similar = index.similar_needs(need.title, need.text, exclude=need.pk)
    listed = [
        {"id": s.need.pk, "title": s.need.title, "similarity": round(s.similarity, 3)}
        for s in similar
    ]
    return _out(request, need) | {"similar": listed}


@router.patch(
    "/behov/{need_id}/",
    response={200: NeedOut, 404: ErrorOut, 409: ErrorOut, **WRITE_ERRORS},
    auth=PersonalKey(),
    summary="Correct a submission of one of the key owner's municipalities",
    description="Send the `version` read with the submission: if someone has changed it since, "
    "the answer is 409 and nothing is saved.",
)
def update_need(request: HttpRequest, need_id: int, payload: NeedCorrectionIn) -> dict[str, Any]:  # type: ignore[valid-type]
    need = Need.objects.filter(pk=need_id).first() if 0 < need_id < 2**62 else None
    if need is None:
        raise NotFoundError(f"no submission has id {need_id}")
    if not permissions.can_edit(request.user, need):
        raise ForbiddenError(f"the key's owner may not change submission {need_id}")
    given = payload.dict(exclude_unset=True)  # type: ignore[attr-defined]
    seen = given.pop("version", None)
    given.pop("supporters", None)  # support is added on the need's page or by a new submission
    _check_codes(request, given)
    form = NeedForm(
        form_data(need, NeedForm, given) | {"decision": NeedForm.NEW},
        instance=need,
        user=request.user,
    )
    if not form.is_valid():
        raise errors_of(form)
    with transaction.atomic(), acting_as(request.user):
        claim_or_conflict(need, seen, f"submission {need_id}", "correction")
        form.save()
    return _out(request, need)
