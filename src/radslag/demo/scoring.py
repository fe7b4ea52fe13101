"""Example data for council scoring: the twelve example council members
(:mod:`radslag.demo.members`, the council's real municipalities' seats) weigh the five default
criteria and score candidate initiatives, in a published round; and an open round, which seven
of them have answered, so the demo's council member can add theirs.

Seeded. Each member's priority of the criteria is the typical one (``data/council.toml``),
with more weight on spread and equality for a small municipality, times personal variation; a
judgement is the ratio of two priorities with some noise, rounded to Saaty's scale, so some
members come out less consistent than others. A score is the initiative's typical score on the
criterion plus personal variation, rounded to 1-5; members from small municipalities see more
equality in shared efforts. The seats span every size class, so the results per size class
show segments side by side and one too small to show.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import transaction
from django.utils import timezone

from radslag.accounts.models import Role
from radslag.council import scoring
from radslag.council.models import Item, Round, ScoringSheet
from radslag.demo.datafiles import read_toml
from radslag.demo.members import example_members
from radslag.demo.seeding import generator
from radslag.municipalities.models import populations
from radslag.municipalities.sizeclass import SizeClass, size_class_of

_SCORING = read_toml("council.toml")["scoring"]
ANSWERED_OPEN = 7
# Spread of a member's priorities and judgements (log scale) and of their scores (points).
_PRIORITY_SPREAD = 0.25
_JUDGEMENT_SPREAD = 0.3
_SCORE_SPREAD = 0.6
_EQUALITY = 4  # position of "Jämlikhet mellan stora och små kommuner" among the defaults


@dataclass(frozen=True)
class SimulatedScoring:
    round: Round
    open_round: Round
    members: int


@dataclass(frozen=True)
class _Member:
    person: Any
    municipality: str  # the code of the member's seat
    small: bool
    priority: np.ndarray


def _members(rng: np.random.Generator) -> list[_Member]:
    base = np.array(_SCORING["priority"], dtype=float)
    small_extra = np.array(_SCORING["small_priority"], dtype=float)
    sizes = populations()
    members = []
    for person in example_members():
        code = person.memberships.get(role=Role.COUNCIL_MEMBER).municipality_id
        small = size_class_of(sizes.get(code)) == SizeClass.SMALL
        lean = base + (small_extra if small else 0.0)
        priority = lean * np.exp(rng.normal(0.0, _PRIORITY_SPREAD, lean.size))
        members.append(_Member(person, code, small, priority / priority.sum()))
    return members


def _sheet(
    rng: np.random.Generator, round_: Round, member: _Member, quality: np.ndarray
) -> ScoringSheet:
    criteria, items = scoring.criteria_of(round_), scoring.active_items(round_)
    # A less careful member judges with more noise, and is less consistent.
    spread = _JUDGEMENT_SPREAD * float(rng.choice([0.5, 1.0, 2.0]))
    judgements = {}
    for i, j in scoring.pairs(criteria):
        ratio = member.priority[i] / member.priority[j] * np.exp(rng.normal(0.0, spread))
        judgements[scoring.judgement_key(criteria[i], criteria[j])] = float(
            scoring.nearest_step(ratio)
        )
    lean = np.zeros(len(criteria))
    if member.small:
        lean[_EQUALITY] = 0.5
    drawn = quality + lean + rng.normal(0.0, _SCORE_SPREAD, quality.shape)
    low, high = scoring.SCALE
    given = np.clip(np.rint(drawn), low, high).astype(int)
    scores = {
        scoring.score_key(item, criterion): int(given[i, j])
        for i, item in enumerate(items)
        for j, criterion in enumerate(criteria)
    }
    return ScoringSheet(
        round=round_,
        person=member.person,
        municipality_id=member.municipality,
        judgements=judgements,
        scores=scores,
    )


def _round(title: str, status: str, entries: list[dict[str, object]], days: int) -> Round:
    today = timezone.localdate()
    round_ = Round.objects.create(
        title=title,
        question=_SCORING["question"],
        kind=Round.Kind.SCORING,
        status=status,
        opens_on=today - datetime.timedelta(days=days),
        closes_on=today + datetime.timedelta(days=30 - days),
        is_example=True,
    )
    Item.objects.bulk_create(Item(round=round_, label=str(entry["label"])) for entry in entries)
    scoring.create_default_criteria(round_)
    return round_


def simulate_scoring(seed: int) -> SimulatedScoring:
    """Replace the example scoring rounds and members with a published round and an open one."""
    rng = generator(seed)
    with transaction.atomic():
        # Replaces its own rounds, so it can run again alone, whatever else is example data.
        Round.objects.filter(is_example=True, kind=Round.Kind.SCORING).delete()
        members = _members(rng)
        published = _round(_SCORING["title"], Round.Status.PUBLISHED, _SCORING["items"], 50)
        open_round = _round(_SCORING["open_title"], Round.Status.OPEN, _SCORING["open_items"], 5)
        sheets = []
        answered = sorted(rng.choice(len(members), ANSWERED_OPEN, replace=False))
        for round_, entries, answering in (
            (published, _SCORING["items"], members),
            (open_round, _SCORING["open_items"], [members[int(k)] for k in answered]),
        ):
            quality = np.array([entry["quality"] for entry in entries], dtype=float)
            sheets += [_sheet(rng, round_, member, quality) for member in answering]
        ScoringSheet.objects.bulk_create(sheets)
    return SimulatedScoring(published, open_round, len(members))
