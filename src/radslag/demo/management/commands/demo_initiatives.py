from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from radslag.demo.initiatives import simulate_initiatives
from radslag.demo.seeding import add_seed_argument


class Command(BaseCommand):
    help = (
        "Replace the example initiatives with ten in every status, their participants and "
        "milestones, a closed budget round with its approvals and an open one (example data)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_seed_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        made = simulate_initiatives(options["seed"])
        self.stdout.write(
            f"Example initiatives: {made.initiatives}; a closed budget round with "
            f"{made.approvals} approvals and an open one (seed {options['seed']})."
        )
