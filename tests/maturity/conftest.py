"""Assessments made to order for the maturity tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from django.http.response import HttpResponseBase
from django.utils import timezone

from radslag.maturity.models import Answer, Assessment, MaturityModel

Assess = Callable[..., Assessment]


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


def text(response: HttpResponseBase) -> str:
    # Swedish number formatting separates thousands with a no-break space.
    content: bytes = getattr(response, "content", b"")
    return content.decode().replace("\xa0", " ")
