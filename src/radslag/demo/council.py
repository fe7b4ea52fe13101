"""Example data for the council: a finished, published wiki survey on the needs' themes.

Seeded, so the same seed gives the same round; every round it makes is marked as example data
and replaced on the next run. Staff of some sixty municipalities vote, each municipality with
a few voters; a voter prefers an item with the Bradley–Terry probability of the item's appeal,
and small and large municipalities weigh a few themes differently, so the results by size
class show a difference worth seeing. One vote in ten is "kan inte avgöra".
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.utils import timezone

from radslag.core.secret_links import digest, new_secret
from radslag.council.models import Item, Link, PairVote, Round
from radslag.council.survey import pair_key
from radslag.demo.choosing import choose_municipalities
from radslag.demo.datafiles import read_toml
from radslag.demo.seeding import generator
from radslag.municipalities.models import Municipality
from radslag.municipalities.sizeclass import SizeClass, size_class_of

MUNICIPALITIES = 60
UNDECIDED = 0.1
# The round's title and question, in data/council.toml.
_ROUND = read_toml("council.toml")


@dataclass(frozen=True)
class SimulatedRound:
    round: Round
    votes: int
    municipalities: int


def clear_example_rounds() -> None:
    """Delete every example round with its items, links, votes and ballots."""
    Round.objects.filter(is_example=True).delete()


def simulate_round(
    labels: list[str], seed: int, sources: list[str] | None = None
) -> SimulatedRound:
    """Replace the example rounds with one published wiki survey over ``labels``, each item
    naming where it comes from in ``sources`` (e.g. ``"needs.theme:12"``) when given."""
    if len(labels) < 2:
        raise ValueError("labels: a round needs at least two items")
    rng = generator(seed)
    appeal = rng.normal(0.0, 1.0, len(labels))
    # The small municipalities lean towards a few themes the large ones care less about.
    small_lean = np.zeros(len(labels))
    small_lean[rng.choice(len(labels), size=min(3, len(labels)), replace=False)] = 1.2
    municipalities = list(Municipality.objects.with_latest_figures().order_by("code"))
    chosen = [
        municipalities[i] for i in choose_municipalities(rng, len(municipalities), MUNICIPALITIES)
    ]
    today = timezone.localdate()
    with transaction.atomic():
        clear_example_rounds()
        round_ = Round.objects.create(
            title=_ROUND["title"],
            question=_ROUND["question"],
            kind=Round.Kind.WIKI_SURVEY,
            status=Round.Status.PUBLISHED,
            weighting=Round.Weighting.SQRT_POPULATION,
            opens_on=today - datetime.timedelta(days=40),
            closes_on=today - datetime.timedelta(days=10),
            is_example=True,
        )
        origins = sources or [""] * len(labels)
        items = Item.objects.bulk_create(
            Item(round=round_, label=label, source=origin)
            for label, origin in zip(labels, origins, strict=True)
        )
        votes: list[PairVote] = []
        for municipality in chosen:
            link = Link.objects.create(
                round=round_, municipality=municipality, token_hash=digest(new_secret())
            )
            small = size_class_of(getattr(municipality, "population", None)) == SizeClass.SMALL
            strength = appeal + (small_lean if small else 0.0)
            for voter in range(int(rng.integers(2, 9))):
                session = digest(f"exempel-{seed}-{municipality.code}-{voter}")
                seen: set[str] = set()
                for _vote in range(int(rng.integers(8, 25))):
                    first, second = (int(i) for i in rng.choice(len(items), 2, replace=False))
                    key = pair_key(items[first].pk, items[second].pk)
                    if key in seen:
                        continue
                    seen.add(key)
                    if rng.random() < UNDECIDED:
                        choice = PairVote.Choice.CANNOT_DECIDE
                    else:
                        p_first = 1.0 / (1.0 + np.exp(strength[second] - strength[first]))
                        choice = (
                            PairVote.Choice.LEFT
                            if rng.random() < p_first
                            else PairVote.Choice.RIGHT
                        )
                    votes.append(
                        PairVote(
                            round=round_,
                            municipality=municipality,
                            link=link,
                            left=items[first],
                            right=items[second],
                            choice=choice,
                            pair_key=key,
                            session_digest=session,
                        )
                    )
        PairVote.objects.bulk_create(votes, batch_size=2000)
    return SimulatedRound(round_, len(votes), len(chosen))
