"""The council's tests' common round: an open wiki survey on three items, and a link to it for
Kil (1715). A test file with a round of another kind defines its own ``round_``."""

from __future__ import annotations

import pytest

from radslag.council import survey
from radslag.council.models import Item, Round
from radslag.municipalities.models import Municipality


@pytest.fixture
def round_() -> Round:
    created = Round.objects.create(
        title="Prioritering",
        question="Vad är viktigast?",
        kind=Round.Kind.WIKI_SURVEY,
        status=Round.Status.OPEN,
    )
    Item.objects.bulk_create(Item(round=created, label=label) for label in ("A", "B", "C"))
    return created


@pytest.fixture
def token(round_: Round) -> str:
    return survey.create_link(round_, Municipality.objects.get(code="1715"), None)[1]
