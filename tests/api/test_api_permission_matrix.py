"""Every operation of the API, for a caller without a key and for the key of each role, with
the status each gets. An operation added to the OpenAPI document without its row here fails
the completeness test."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from radslag.accounts import tokens
from radslag.api.urls import api
from radslag.needs.models import Need
from radslag.register.models import UseCase
from tests.people import convener, employee, representative

pytestmark = pytest.mark.django_db

ROLES = ("utan nyckel", "samordnare", "egen", "annan", "medarbetare")
KIL, MORA = "1715", "2062"
TEXT = "Vi behöver tolkning i mottagandet av nyanlända, dygnet runt och på många språk."


@dataclass(frozen=True)
class Objects:
    case_id: int
    need_id: int


@dataclass(frozen=True)
class Cell:
    path: Callable[[Objects], str]
    statuses: tuple[int, int, int, int, int]  # in the order of ROLES
    body: Callable[[], dict[str, Any]] | None = None


READ = (200,) * 5
MATRIX: dict[tuple[str, str], Cell] = {
    ("GET", "/api/v1/kommuner/"): Cell(lambda o: "/api/v1/kommuner/", READ),
    ("GET", "/api/v1/kommuner/{code}/"): Cell(lambda o: f"/api/v1/kommuner/{KIL}/", READ),
    ("GET", "/api/v1/anvandningsfall/"): Cell(lambda o: "/api/v1/anvandningsfall/", READ),
    ("GET", "/api/v1/anvandningsfall/{case_id}/"): Cell(
        lambda o: f"/api/v1/anvandningsfall/{o.case_id}/", READ
    ),
    ("GET", "/api/v1/statistik/"): Cell(lambda o: "/api/v1/statistik/", READ),
    ("GET", "/api/v1/behov/"): Cell(lambda o: "/api/v1/behov/", READ),
    ("GET", "/api/v1/behov/{need_id}/"): Cell(lambda o: f"/api/v1/behov/{o.need_id}/", READ),
    ("POST", "/api/v1/anvandningsfall/"): Cell(
        lambda o: "/api/v1/anvandningsfall/",
        (401, 201, 201, 403, 403),
        lambda: {
            "title": "Ny",
            "summary": "Kort.",
            "organisation": KIL,
            "stage": "pilot",
            "country": "SE",
            "status": "publicerad",
        },
    ),
    ("PATCH", "/api/v1/anvandningsfall/{case_id}/"): Cell(
        lambda o: f"/api/v1/anvandningsfall/{o.case_id}/",
        (401, 200, 200, 403, 403),
        lambda: {"summary": "Ändrad."},
    ),
    ("POST", "/api/v1/behov/"): Cell(
        lambda o: "/api/v1/behov/",
        (401, 201, 201, 403, 201),
        lambda: {
            "kind": "behov",
            "title": "Tolkning",
            "text": TEXT,
            "area": "aldreomsorg",
            "municipality": KIL,
        },
    ),
    ("PATCH", "/api/v1/behov/{need_id}/"): Cell(
        lambda o: f"/api/v1/behov/{o.need_id}/",
        (401, 200, 200, 403, 403),
        lambda: {"title": "Tolkning i mottagandet"},
    ),
}


def test_every_operation_of_the_api_has_its_row() -> None:
    document = api.get_openapi_schema()
    operations = {
        (method.upper(), path) for path, ops in document["paths"].items() for method in ops
    }

    assert operations - set(MATRIX) == set(), "add these operations to the matrix"
    assert set(MATRIX) - operations == set(), "these rows name operations that are gone"


@pytest.mark.parametrize(("method", "path"), sorted(MATRIX))
def test_each_role_gets_the_status_its_rights_give(method: str, path: str) -> None:
    keys = {
        "utan nyckel": None,
        "samordnare": tokens.create(convener(), "k")[1],
        "egen": tokens.create(representative(KIL), "k")[1],
        "annan": tokens.create(representative(MORA, "mora"), "k")[1],
        "medarbetare": tokens.create(employee(KIL), "k")[1],
    }
    objects = Objects(
        case_id=UseCase.objects.create(title="Fall", organisation_id=KIL, status="publicerad").pk,
        need_id=Need.objects.create(title="Behov", text=TEXT, municipality_id=KIL, area="skola").pk,
    )
    cell = MATRIX[(method, path)]
    got = []
    for role in ROLES:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {keys[role]}"} if keys[role] else {}
        client = Client()
        if cell.body is None:
            answer = client.get(cell.path(objects), **headers)
        else:
            answer = getattr(client, method.lower())(
                cell.path(objects),
                data=json.dumps(cell.body()),
                content_type="application/json",
                **headers,
            )
        got.append(answer.status_code)

    assert dict(zip(ROLES, got, strict=True)) == dict(zip(ROLES, cell.statuses, strict=True))
