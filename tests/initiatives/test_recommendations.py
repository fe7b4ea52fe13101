"""The council's national recommendations: the prioritised themes from the published wiki
survey over the themes, and each recommended initiative with its chain of evidence."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from radslag.council import survey
from radslag.council.models import Item, Round
from radslag.initiatives.models import Initiative, Participation
from radslag.initiatives.recommendations import national
from radslag.municipalities.models import Municipality
from radslag.needs.models import Need, Theme
from radslag.register.models import UseCase

pytestmark = pytest.mark.django_db


@pytest.fixture
def evidence() -> Initiative:
    now = timezone.now()
    interpreting = Theme.objects.create(label="Tolkning", terms=["tolk"], computed_at=now)
    scheduling = Theme.objects.create(label="Schemaläggning", terms=["schema"], computed_at=now)
    Need.objects.create(
        title="Tolk i mottagandet", text="x", municipality_id="2026", theme=interpreting, area="ifo"
    )
    Need.objects.create(
        title="Tolk i skolan", text="y", municipality_id="0180", theme=interpreting, area="ifo"
    )
    round_ = Round.objects.create(
        title="Teman", question="?", kind=Round.Kind.WIKI_SURVEY, status=Round.Status.OPEN
    )
    first, second = Item.objects.bulk_create(
        Item(round=round_, label=theme.label, source=f"needs.theme:{theme.pk}")
        for theme in (interpreting, scheduling)
    )
    link = survey.create_link(round_, Municipality.objects.get(code="2026"), None)[0]
    for voter in range(8):
        survey.record_vote(link, f"s{voter}", first.pk, second.pk, "vanster")
    round_.status = Round.Status.PUBLISHED
    round_.save()
    initiative = Initiative.objects.create(
        title="Gemensam tolktjänst",
        type="gemensam-upphandling",
        description="x",
        areas=["ifo"],
        cost_low=1_000_000,
        cost_high=2_000_000,
        ai_act_class="transparens",
        status=Initiative.Status.RECOMMENDED,
    )
    initiative.themes.add(interpreting)
    initiative.needs.set(Need.objects.all())
    Participation.objects.create(initiative=initiative, municipality_id="2026", role="leder")
    UseCase.objects.create(
        title="Distanstolk",
        organisation_id="1715",
        stage="i-drift",
        area="ifo",
        status="publicerad",
    )
    return initiative


def test_the_prioritised_themes_come_from_the_published_survey_over_the_themes(
    evidence: Initiative,
) -> None:
    found = national()

    assert [p.theme.label for p in found.priorities] == ["Tolkning", "Schemaläggning"]
    assert found.priorities[0].needs == 2
    assert dict(found.priorities[0].by_size) == {
        "Under 15 000 invånare": 1,
        "200 000 invånare eller fler": 1,
    }


def test_a_recommended_initiative_traces_its_evidence_with_every_link(
    evidence: Initiative,
) -> None:
    page = Client().get("/rekommendationer/").content.decode()

    item = national().initiatives[0]
    assert item.initiative == evidence
    assert item.themes[0].rank == 1
    assert item.value is not None
    assert item.value[1] > 0
    assert [c.municipality.code for c in item.examples] == ["1715"]
    for need in Need.objects.all():
        assert f'href="/behov/{need.pk}/"' in page
    assert "Transparenskrav" in page
    assert "/initiativ/antaganden/" in page
    assert "Distanstolk" in page


def test_a_proposed_initiative_is_not_recommended(evidence: Initiative) -> None:
    evidence.status = Initiative.Status.PROPOSED
    evidence.save()

    assert national().initiatives == []
