"""Example data for a statements round: staff of some fifty municipalities take a stance on
the council's strategic questions, and an open round the demo's accounts can answer.

Seeded. Each participant leans on two axes: towards joint, national efforts (more in small
municipalities) and towards caution (more where the municipality's self-assessed maturity is
low), each with personal variation; a statement's chance of agreement is the logistic of its
base plus the participant's leanings times the statement's loadings (``data/council.toml``).
One stance in ten is a pass. So the results show opinion groups that follow size and maturity
without being the same thing, which is what the council needs to see.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.utils import timezone

from radslag.core.secret_links import digest, new_secret
from radslag.council.models import Item, Link, Round, StatementVote
from radslag.demo.choosing import choose_municipalities
from radslag.demo.datafiles import read_toml
from radslag.demo.seeding import generator
from radslag.maturity.summary import latest_overall_scores
from radslag.municipalities.models import Municipality
from radslag.municipalities.sizeclass import SizeClass, size_class_of

MUNICIPALITIES = 50
PASSES = 0.1
_STATEMENTS = read_toml("council.toml")["statements"]
# How far a municipality's size and maturity move its staff on the two axes.
_SMALL_JOINT = 1.0
_MATURITY_CAUTION = 0.6


@dataclass(frozen=True)
class SimulatedStatements:
    round: Round
    open_round: Round
    stances: int
    people: int
    municipalities: int


def simulate_statements(seed: int) -> SimulatedStatements:
    """Add a published statements round and an open one to the example rounds."""
    rng = generator(seed)
    items = _STATEMENTS["items"]
    base = np.array([float(item["base"]) for item in items])
    loadings = np.array([[float(item["joint"]), float(item["caution"])] for item in items])
    municipalities = list(Municipality.objects.with_latest_figures().order_by("code"))
    chosen = [
        municipalities[i] for i in choose_municipalities(rng, len(municipalities), MUNICIPALITIES)
    ]
    maturity = latest_overall_scores()
    known = list(maturity.values())
    typical = float(np.median(known)) if known else 2.5
    today = timezone.localdate()
    with transaction.atomic():
        round_ = Round.objects.create(
            title=_STATEMENTS["title"],
            question=_STATEMENTS["question"],
            kind=Round.Kind.STATEMENTS,
            status=Round.Status.PUBLISHED,
            weighting=Round.Weighting.EQUAL,
            opens_on=today - datetime.timedelta(days=60),
            closes_on=today - datetime.timedelta(days=30),
            is_example=True,
        )
        statements = Item.objects.bulk_create(
            Item(round=round_, label=item["text"]) for item in items
        )
        stances: list[StatementVote] = []
        people = 0
        for municipality in chosen:
            link = Link.objects.create(
                round=round_, municipality=municipality, token_hash=digest(new_secret())
            )
            small = size_class_of(getattr(municipality, "population", None)) == SizeClass.SMALL
            centre = np.array(
                [
                    _SMALL_JOINT if small else -_SMALL_JOINT / 2,
                    _MATURITY_CAUTION * (typical - maturity.get(municipality.code, typical)),
                ]
            )
            for person in range(int(rng.integers(2, 7))):
                people += 1
                leaning = centre + rng.normal(0.0, 0.8, 2)
                session = digest(f"exempel-pastaenden-{seed}-{municipality.code}-{person}")
                answered = rng.choice(
                    len(statements), size=int(rng.integers(8, len(statements) + 1)), replace=False
                )
                p_agree = 1.0 / (1.0 + np.exp(-(base + loadings @ leaning)))
                for index in answered:
                    if rng.random() < PASSES:
                        stance = StatementVote.Stance.PASS
                    elif rng.random() < p_agree[index]:
                        stance = StatementVote.Stance.AGREE
                    else:
                        stance = StatementVote.Stance.DISAGREE
                    stances.append(
                        StatementVote(
                            round=round_,
                            municipality=municipality,
                            link=link,
                            item=statements[int(index)],
                            stance=stance,
                            session_digest=session,
                        )
                    )
        StatementVote.objects.bulk_create(stances, batch_size=2000)
        open_round = Round.objects.create(
            title=_STATEMENTS["open_title"],
            question=_STATEMENTS["question"],
            kind=Round.Kind.STATEMENTS,
            status=Round.Status.OPEN,
            weighting=Round.Weighting.EQUAL,
            opens_on=today - datetime.timedelta(days=3),
            closes_on=today + datetime.timedelta(days=25),
            is_example=True,
        )
        Item.objects.bulk_create(
            Item(round=open_round, label=item["text"]) for item in _STATEMENTS["open_items"]
        )
    return SimulatedStatements(round_, open_round, len(stances), people, len(chosen))
