"""Initiatives a municipality could join, as next steps on its page (the guidance app's
source ``"initiatives"``).

An initiative that is proposed, recommended, decided or under way and that the municipality
is not yet part of is a candidate. Its signal is 1 when the initiative works in an area of the
municipality's own needs or one where it has no AI in production yet, a half otherwise; the
council's recommendation is named among the reasons, and the municipalities of its size that
already take part are its peers.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from radslag.core.areas import Area
from radslag.guidance.steps import Candidate, Evidence, Peer, StepContext
from radslag.initiatives.models import Initiative, Participation
from radslag.register.choices import Stage

JOINABLE = (
    Initiative.Status.PROPOSED,
    Initiative.Status.RECOMMENDED,
    Initiative.Status.DECIDED,
    Initiative.Status.ONGOING,
)
PEERS_SHOWN = 5


def initiatives_to_join(context: StepContext) -> list[Candidate]:
    code = context.municipality.code
    needed = {need.area for need in context.own.needs if need.area}
    running = {
        case.area for case in context.own.cases if case.area and case.stage == Stage.IN_PRODUCTION
    }
    candidates = []
    initiatives = (
        Initiative.objects.filter(status__in=JOINABLE)
        .exclude(participations__municipality_id=code)
        .prefetch_related("participations__municipality")
    )
    for initiative in initiatives:
        areas = set(initiative.areas)
        fits = bool(areas & needed) or bool(areas - running)
        evidence = [
            Evidence(
                "initiative",
                _("Initiativet ”%(title)s” (%(status)s) arbetar inom %(areas)s.")
                % {
                    "title": initiative.title,
                    "status": initiative.get_status_display().lower(),
                    "areas": ", ".join(str(Area(area).label) for area in sorted(areas))
                    or _("flera områden"),
                },
                initiative.get_absolute_url(),
                initiative.is_example,
            )
        ]
        parts = [
            part
            for part in initiative.participations.all()
            if part.role != Participation.Role.INTERESTED
        ]
        same_size = [
            part
            for part in parts
            if context.size_class is not None
            and context.landscape.size_classes.get(part.municipality_id) == context.size_class
        ]
        candidates.append(
            Candidate(
                key=f"initiative:{initiative.pk}",
                kind="initiative",
                title=_("Gå med i ”%(title)s”") % {"title": initiative.title},
                signals={"initiative": 1.0 if fits else 0.5},
                evidence=evidence,
                peers=[
                    Peer(
                        name=part.municipality.name,
                        url=reverse("municipalities:detail", args=[part.municipality_id]),
                        what=part.get_role_display(),
                        what_url=initiative.get_absolute_url(),
                        is_example=initiative.is_example,
                    )
                    for part in same_size[:PEERS_SHOWN]
                ],
                peers_total=len(parts),
                more_url=initiative.get_absolute_url(),
                more_label=_("Alla kommuner i initiativet"),
            )
        )
    return candidates
