"""Next steps by application area: AI in production where the municipality has none yet.

Every area without a case of its own in production is a candidate. Its signals:

- ``need``: 1 if the municipality stands behind an open need, strategic question or obstacle
  in the area: its own word weighs in full, however many texts it wrote it in;
- ``council``: the council's priority for the area (:mod:`radslag.guidance.priorities`);
- ``peers``: the area recommender of :mod:`radslag.decide.recommend` with its default weights
  (the areas of the municipality's own cases and those of municipalities of its size class,
  half each; everyone's where it has no peers), scaled so the likeliest area is 1. Measured
  against popularity in ``bench/recommend_bench.py``;
- ``pilot``: a case of its own in the area as a pilot (1) or a prestudy (half), so the step is
  to take it into production.

The peers shown are municipalities of the same size class with a published case in
production in the area, or of other sizes where none of its own size has one.
"""

from __future__ import annotations

from urllib.parse import urlencode

import numpy as np
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from radslag.core.areas import Area
from radslag.decide.recommend import recommend_areas, scaled
from radslag.guidance.landscape import AREA_INDEX, AREAS, RunningCase
from radslag.guidance.steps import Candidate, Evidence, Peer, StepContext
from radslag.needs.models import Need
from radslag.register.choices import Source, Stage

PEERS_SHOWN = 5
NEEDS_SHOWN = 3
_OWN_WORK = {Stage.PILOT: 1.0, Stage.PRESTUDY: 0.5}


def area_steps(context: StepContext) -> list[Candidate]:
    landscape, code = context.landscape, context.municipality.code
    in_production = {
        case.area for case in context.own.cases if case.area and case.stage == Stage.IN_PRODUCTION
    }
    table, peers = landscape.table, landscape.peers_mask(code, context.size_class)
    if code in landscape.rows:
        row = landscape.rows[code]
        table, peers = np.delete(table, row, axis=0), np.delete(peers, row)
    likely = scaled(recommend_areas(context.own.profile(), table, peers).tolist())
    candidates = []
    for area in AREAS:
        if area in in_production:
            continue
        candidates.append(_candidate(context, area, likely[AREA_INDEX[area]]))
    return candidates


def _candidate(context: StepContext, area: str, likely: float) -> Candidate:
    label = Area(area).label
    evidence: list[Evidence] = []
    signals: dict[str, float] = {"peers": likely}
    needs = [need for need in context.own.needs if need.area == area]
    if needs:
        signals["need"] = 1.0
        evidence += [
            Evidence("need", _own_need(need), need.get_absolute_url(), need.is_example)
            for need in needs[:NEEDS_SHOWN]
        ]
        if len(needs) > NEEDS_SHOWN:
            more = len(needs) - NEEDS_SHOWN
            evidence.append(
                Evidence(
                    "need",
                    ngettext(
                        "och %(count)d behov eller fråga till inom området",
                        "och %(count)d behov och frågor till inom området",
                        more,
                    )
                    % {"count": more},
                )
            )
    council = context.landscape.council
    priority = council.by_area.get(area) if council else None
    if council and priority and priority.priority > 0:
        signals["council"] = priority.priority
        evidence.append(
            Evidence(
                "council",
                _(
                    "Rådet prioriterade temat ”%(theme)s” på plats %(rank)d av %(places)d i "
                    "”%(round)s”; %(percent)d %% av temats behov gäller området."
                )
                % {
                    "theme": priority.theme.label,
                    "rank": priority.rank,
                    "places": priority.items,
                    "round": council.round.title,
                    "percent": priority.percent,
                },
                priority.theme.get_absolute_url(),
                council.round.is_example,
            )
        )
    own_work = [case for case in context.own.cases if case.area == area and case.stage in _OWN_WORK]
    title = _("%(area)s: ta AI i drift") % {"area": label}
    if own_work:
        signals["pilot"] = max(_OWN_WORK[Stage(case.stage)] for case in own_work)
        started = max(own_work, key=lambda case: _OWN_WORK[Stage(case.stage)])
        title = _("Ta ”%(case)s” i drift") % {"case": started.title}
        evidence += [
            Evidence(
                "pilot",
                _("Ert användningsfall ”%(case)s” är i skedet %(stage)s.")
                % {"case": case.title, "stage": case.get_stage_display().lower()},
                case.get_absolute_url(),
                case.source == Source.EXAMPLE,
            )
            for case in own_work
        ]
    peers, total, same_size = _peers(context, area)
    evidence.append(_peer_evidence(context, total, same_size))
    return Candidate(
        key=f"area:{area}",
        kind="area",
        title=title,
        signals=signals,
        evidence=evidence,
        peers=peers,
        peers_total=total,
        more_url=reverse("register:list")
        + "?"
        + urlencode({"area": area, "stage": Stage.IN_PRODUCTION}),
        more_label=ngettext(
            "%(count)d användningsfall i drift i Europa inom området",
            "%(count)d användningsfall i drift i Europa inom området",
            context.landscape.european_running.get(area, 0),
        )
        % {"count": context.landscape.european_running.get(area, 0)},
    )


def _own_need(need: Need) -> str:
    if need.kind == Need.Kind.OBSTACLE:
        return _("Ert hinder: ”%(title)s”") % {"title": need.title}
    if need.kind == Need.Kind.STRATEGIC_QUESTION:
        return _("Er strategiska fråga: ”%(title)s”") % {"title": need.title}
    return _("Ert behov: ”%(title)s”") % {"title": need.title}


def _peers(context: StepContext, area: str) -> tuple[list[Peer], int, bool]:
    """Up to PEERS_SHOWN cases of peers: evaluated ones first, then those with a contact."""
    landscape, code = context.landscape, context.municipality.code
    others = [case for case in landscape.running.get(area, []) if case.code != code]
    same = [case for case in others if landscape.size_classes.get(case.code) == context.size_class]
    chosen, same_size = (same, True) if same or context.size_class is None else (others, False)
    chosen.sort(
        key=lambda case: (
            not case.evaluated,
            not (case.contact_email or case.contact_name),
            landscape.names.get(case.code, ""),
            case.title,
        )
    )
    return [_peer(context, case) for case in chosen[:PEERS_SHOWN]], len(chosen), same_size


def _peer(context: StepContext, case: RunningCase) -> Peer:
    landscape = context.landscape
    return Peer(
        name=landscape.names.get(case.code, case.code),
        url=reverse("municipalities:detail", args=[case.code]),
        what=case.title,
        what_url=reverse("register:detail", args=[case.pk]),
        contact_email=case.contact_email,
        contact_name=case.contact_name,
        same_size=landscape.size_classes.get(case.code) == context.size_class,
        is_example=case.is_example,
    )


def _peer_evidence(context: StepContext, total: int, same_size: bool) -> Evidence:
    if total and same_size:
        text = ngettext(
            "%(count)d kommun i samma storleksklass har AI i drift inom området.",
            "%(count)d kommuner i samma storleksklass har AI i drift inom området.",
            total,
        )
    elif total:
        text = ngettext(
            "Ingen kommun i samma storleksklass har AI i drift inom området, men %(count)d "
            "annan kommun har det.",
            "Ingen kommun i samma storleksklass har AI i drift inom området, men %(count)d "
            "andra kommuner har det.",
            total,
        )
    else:
        text = _("Ingen svensk kommun har registrerat AI i drift inom området ännu.")
    return Evidence("peers", text % {"count": total})
