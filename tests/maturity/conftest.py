"""Assessments made to order for the maturity tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from django.http.response import HttpResponseBase
from django.utils import timezone

from radslag.maturity.models import Answer, Assessment, MaturityModel
from radslag.municipalities.models import Municipality

Assess = Callable[..., Assessment]
FillYear = Callable[..., int]


@pytest.fixture
def assess() -> Assess:
    """Create an assessment: ``assess("0180", 2025, [3, 2, 2, 3, 2, 4, 1])``.

    ``None`` in ``levels`` leaves that dimension unanswered; ``submitted=False`` makes a draft.
    """

    def make(
        code: str,
        year: int,
        levels: Sequence[int | None],
        *,
        submitted: bool = True,
        is_example: bool = False,
        comments: dict[str, str] | None = None,
    ) -> Assessment:
        model = MaturityModel.objects.current()
        assessment = Assessment.objects.create(
            municipality_id=code,
            year=year,
            model=model,
            status=Assessment.Status.SUBMITTED if submitted else Assessment.Status.DRAFT,
            submitted_at=timezone.now() if submitted else None,
            is_example=is_example,
        )
        for dimension, level in zip(model.dimension_list(), levels, strict=True):
            Answer.objects.create(
                assessment=assessment,
                dimension=dimension,
                level=level,
                comment=(comments or {}).get(dimension.key, ""),
            )
        return assessment

    return make


@pytest.fixture
def fill_year() -> FillYear:
    """Submit an assessment of ``year`` for every municipality (or those of ``codes``) at once.

    Levels vary with the code and the dimension, so no level is chosen by all of them.
    Returns how many were stored.
    """

    def make(year: int, codes: Sequence[str] | None = None) -> int:
        model = MaturityModel.objects.current()
        dimensions = model.dimension_list()
        if codes is None:
            codes = list(Municipality.objects.values_list("code", flat=True))
        assessments = Assessment.objects.bulk_create(
            Assessment(
                municipality_id=code,
                year=year,
                model=model,
                status=Assessment.Status.SUBMITTED,
                submitted_at=timezone.now(),
            )
            for code in codes
        )
        Answer.objects.bulk_create(
            Answer(assessment=assessment, dimension=dimension, level=(int(code) + index) % 5 + 1)
            for assessment, code in zip(assessments, codes, strict=True)
            for index, dimension in enumerate(dimensions)
        )
        return len(assessments)

    return make


def text(response: HttpResponseBase) -> str:
    # Swedish number formatting separates thousands with a no-break space.
    content: bytes = getattr(response, "content", b"")
    return content.decode().replace("\xa0", " ")
