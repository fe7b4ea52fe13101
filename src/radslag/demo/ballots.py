"""Example data for a ranked ballot among the council: the twelve example members rank the
initiatives to recommend first, published, with Schulze's order and its certainty.

Seeded. Each member's ranking is the shared order perturbed by the member's own view (a
Plackett–Luce draw around common strengths), with members from small municipalities leaning
towards joint efforts, so the per-segment ranks differ where they should.
"""

from __future__ import annotations

import datetime

import numpy as np
from django.db import transaction
from django.utils import timezone

from radslag.council.models import Ballot, Item, Round
from radslag.demo.datafiles import read_toml
from radslag.demo.members import example_members
from radslag.demo.seeding import generator
from radslag.municipalities.models import populations
from radslag.municipalities.sizeclass import SizeClass, size_class_of

_BALLOT = read_toml("council.toml")["ballot"]


def simulate_ballot(seed: int) -> Round:
    """Add a published ranked ballot to the example rounds."""
    rng = generator(seed)
    items = _BALLOT["items"]
    strength = np.array([float(item["strength"]) for item in items])
    joint = np.array([float(item["joint"]) for item in items])
    sizes = populations()
    today = timezone.localdate()
    members = example_members()
    with transaction.atomic():
        round_ = Round.objects.create(
            title=_BALLOT["title"],
            question=_BALLOT["question"],
            kind=Round.Kind.BALLOT,
            status=Round.Status.PUBLISHED,
            opens_on=today - datetime.timedelta(days=25),
            closes_on=today - datetime.timedelta(days=5),
            is_example=True,
        )
        made = Item.objects.bulk_create(Item(round=round_, label=item["text"]) for item in items)
        for member in members:
            code = member.memberships.get(role="radsledamot").municipality_id
            small = size_class_of(sizes.get(code)) == SizeClass.SMALL
            utility = strength + (joint if small else 0) + rng.gumbel(0.0, 1.0, len(items))
            order = np.argsort(-utility)
            ranks = {str(made[int(i)].pk): position for position, i in enumerate(order, start=1)}
            Ballot.objects.create(round=round_, person=member, ranks=ranks)
    return round_
