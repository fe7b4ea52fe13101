"""Example data for the council's composition: members on the real seats, and a drawn lottery.

The twelve example members (:mod:`radslag.demo.members`) are put on the seats of their
municipalities, marked as example holders. An example composition then draws a new council of
twelve from all 290 with quotas a convener might set: size and maturity near their shares of
the country, at least four municipalities with AI in production (more than their share, to
learn from them), and at most one per county. Its seed is published in its title's place and
derived from the simulator's seed, so the same seed gives the same draw.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from radslag.council.composition import Definition, compose, draw, suggested_quotas
from radslag.council.composition_models import Composition, Seat
from radslag.council.features import YES, Feature, Features, municipality_features
from radslag.demo.members import example_members

SEATS = 12
TITLE = "Exempel: ett nytt råd för 2027"
SEED = "Rådslag exempeldragning {seed}"


@dataclass(frozen=True)
class MadeComposition:
    composition: Composition
    seated: int


def seat_example_members() -> int:
    """Put each example member on the seat of their municipality; return how many were seated.

    Earlier example holders are cleared first; a seat held by a real member keeps them.
    """
    Seat.objects.filter(holder_is_example=True).update(holder=None, holder_is_example=False)
    seated = 0
    for member in example_members():
        code = member.memberships.get(role="radsledamot").municipality_id
        seated += Seat.objects.filter(municipalities=code, holder__isnull=True).update(
            holder=member, holder_is_example=True
        )
    return seated


def example_definition(known: Features) -> Definition:
    suggested = suggested_quotas(SEATS, known)
    size, county, maturity, production = (
        Feature.SIZE.value,
        Feature.COUNTY.value,
        Feature.MATURITY.value,
        Feature.PRODUCTION.value,
    )
    bounds = {
        size: suggested[size],
        maturity: suggested[maturity],
        production: {YES: (4, SEATS)},
        county: dict.fromkeys(known.values[county], (0, 1)),
    }
    return Definition(
        TITLE,
        SEATS,
        Composition.PoolKind.ALL,
        tuple(sorted(known.of)),
        (size, county, maturity, production),
        bounds,
    )


def simulate_composition(seed: int) -> MadeComposition:
    """Replace the example compositions with one drawn council, and seat the example members."""
    known = municipality_features()
    with transaction.atomic():
        Composition.objects.filter(is_example=True).delete()
        seated = seat_example_members()
        made = compose(example_definition(known), known, is_example=True)
        made = draw(made, SEED.format(seed=seed))
    return MadeComposition(made, seated)
