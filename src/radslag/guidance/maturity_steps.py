"""Next steps from maturity: the dimensions where the municipality lies furthest below its
peers, each with what the next level requires and which peers are there already.

The comparison is the maturity profile's (:mod:`radslag.maturity.comparison`): the latest
year with enough submitted self-assessments, against the municipality's size class if it
has enough of them, else against all; the gaps are :func:`radslag.maturity.scoring.largest_gaps`.
The ``gap`` signal is the gap in levels, at most 1: a whole level below the peers' median is
as strong as a gap gets, as strong as two needs of its own in an area.
"""

from __future__ import annotations

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from radslag.guidance.steps import Candidate, Evidence, Peer, StepContext
from radslag.maturity.comparison import peer_groups
from radslag.maturity.scoring import largest_gaps

PEERS_SHOWN = 5
FULL_GAP = 1.0


def maturity_steps(context: StepContext) -> list[Candidate]:
    picture = context.landscape.maturity
    municipality = context.municipality
    own = picture.latest_levels.get(municipality.code) if picture else None
    if picture is None or own is None:
        return []
    year, levels, own_is_example = own
    groups = {
        group.key: group
        for group in peer_groups(municipality, context.size_class, picture.scored)
        if group.is_comparable
    }
    group = groups.get("size") or groups.get("all")
    if group is None:
        return []
    medians = [spread.median if spread else None for spread in group.per_dimension]
    candidates = []
    for gap in largest_gaps(levels, medians):
        dimension = picture.dimensions[gap.position]
        target = gap.level + 1
        next_level = next(level for level in dimension.levels.all() if level.number == target)
        ahead = sorted(
            (member for member in group.members if member.levels[gap.position] >= target),
            key=lambda member: member.name,
        )
        candidates.append(
            Candidate(
                key=f"maturity:{dimension.key}",
                kind="maturity",
                title=_("Nå nivå %(level)d i %(dimension)s")
                % {"level": target, "dimension": _(dimension.name).lower()},
                signals={"gap": min(1.0, gap.size / FULL_GAP)},
                evidence=[
                    Evidence(
                        "gap",
                        _(
                            "Er nivå %(level)d (självskattning %(year)d) ligger %(size)s under "
                            "medianen %(median)s för %(group)s %(compared)d."
                        )
                        % {
                            "level": gap.level,
                            "year": year,
                            "size": _format_levels(gap.size),
                            "median": floatformat(gap.median, 1),
                            "group": group.label.lower(),
                            "compared": picture.year,
                        },
                        reverse("maturity:profile", args=[municipality.code]),
                        own_is_example or group.has_example,
                    ),
                    Evidence("gap", _("Nästa nivå: %(text)s") % {"text": _(next_level.descriptor)}),
                ],
                peers=[
                    Peer(
                        name=member.name,
                        url=reverse("maturity:profile", args=[member.code]),
                        what=_("nivå %(level)d") % {"level": member.levels[gap.position]},
                        what_url=reverse("maturity:profile", args=[member.code]),
                        same_size=member.size_class == context.size_class,
                        is_example=member.is_example,
                    )
                    for member in ahead[:PEERS_SHOWN]
                ],
                peers_total=len(ahead),
                more_url=reverse("maturity:profile", args=[municipality.code]),
                more_label=_("Hela mognadsprofilen"),
            )
        )
    return candidates


def _format_levels(size: float) -> str:
    return ngettext("%(n)s nivå", "%(n)s nivåer", 1 if size == 1 else 2) % {
        "n": floatformat(size, -1)
    }
