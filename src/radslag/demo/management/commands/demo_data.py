from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from radslag.demo.seeding import add_seed_argument


class Command(BaseCommand):
    help = (
        "Fill the database with example data, labelled exempeldata wherever it is shown: "
        "maturity self-assessments of every municipality, Swedish use cases, needs, the "
        "council's rounds, members on its seats and a drawn composition, initiatives and budget "
        "rounds. "
        "Deterministic for a seed; replaces earlier example data and never touches real data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_seed_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        seed = options["seed"]
        for command in (
            "demo_maturity",
            "demo_use_cases",
            "demo_needs",
            "demo_council",
            "demo_composition",
            "demo_initiatives",
        ):
            call_command(command, seed=seed, stdout=self.stdout, stderr=self.stderr)
