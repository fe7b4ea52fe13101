"""Who could lead an initiative: municipalities with a use case in production in its areas."""

from __future__ import annotations

from dataclasses import dataclass

from radslag.initiatives.models import Initiative, Participation
from radslag.municipalities.models import Municipality
from radslag.register.choices import Stage
from radslag.register.models import UseCase


@dataclass(frozen=True)
class LeadCandidate:
    municipality: Municipality
    cases: list[UseCase]


def lead_candidates(initiative: Initiative) -> list[LeadCandidate]:
    """Municipalities with published use cases in production in the initiative's areas, most
    such cases first; those already leading are left out."""
    if not initiative.areas:
        return []
    leading = set(
        initiative.participations.filter(role=Participation.Role.LEAD).values_list(
            "municipality_id", flat=True
        )
    )
    cases = (
        UseCase.objects.published()
        .filter(stage=Stage.IN_PRODUCTION, area__in=initiative.areas, organisation__isnull=False)
        .exclude(organisation_id__in=leading)
        .select_related("organisation")
        .order_by("organisation__name", "title")
    )
    by_code: dict[str, LeadCandidate] = {}
    for case in cases:
        municipality = case.organisation
        if municipality is None:
            continue
        by_code.setdefault(municipality.code, LeadCandidate(municipality, [])).cases.append(case)
    return sorted(by_code.values(), key=lambda c: (-len(c.cases), c.municipality.name))
