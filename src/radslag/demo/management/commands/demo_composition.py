from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from radslag.demo.composition import simulate_composition
from radslag.demo.seeding import add_seed_argument


class Command(BaseCommand):
    help = (
        "Seat the twelve example council members on the council's real seats and replace the "
        "example composition: a LEXIMIN lottery of twelve seats among the 290 municipalities, "
        "drawn with a published seed (example data)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_seed_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        made = simulate_composition(options["seed"])
        composition = made.composition
        self.stdout.write(
            f"Example composition: {composition.panel_size} seats among "
            f"{len(composition.candidates)} municipalities, a lottery over "
            f"{len(composition.panels)} panels, drawn with seed {composition.seed!r}: "
            f"{', '.join(composition.drawn_codes())}; {made.seated} seats with example members."
        )
