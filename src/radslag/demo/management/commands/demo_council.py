from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from radslag.council import item_sources
from radslag.demo.ballots import simulate_ballot
from radslag.demo.council import clear_example_rounds, simulate_round
from radslag.demo.scoring import simulate_scoring
from radslag.demo.seeding import add_seed_argument
from radslag.demo.statements import simulate_statements


class Command(BaseCommand):
    help = (
        "Replace the council's example rounds with a published wiki survey on the needs' "
        "themes, voted by staff of sixty municipalities, a published statements round on "
        "strategic questions and an open one, a ranked ballot among twelve example council "
        "members, and a published scoring round by the same members and an open one "
        "(example data)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_seed_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        themes = item_sources.items_of(item_sources.THEMES)
        labels = [label for label, _source in themes]
        if len(labels) < 2:
            clear_example_rounds()
            self.stdout.write("Fewer than two themes: run demo-needs first; no wiki survey made.")
        else:
            sources = [source for _label, source in themes]
            made = simulate_round(labels, options["seed"], sources)
            self.stdout.write(
                f"Example wiki survey over {len(labels)} themes: {made.votes} votes from "
                f"{made.municipalities} municipalities (seed {options['seed']})."
            )
        statements = simulate_statements(options["seed"])
        self.stdout.write(
            f"Example statements round: {statements.stances} stances from {statements.people} "
            f"participants in {statements.municipalities} municipalities, and an open round."
        )
        ballot = simulate_ballot(options["seed"])
        self.stdout.write(
            f"Example ranked ballot: {ballot.ballots.count()} council members (example accounts)."
        )
        scored = simulate_scoring(options["seed"])
        self.stdout.write(
            f"Example scoring rounds: {scored.members} example council members weighed and "
            "scored a published round; an open round awaits the demo's council member."
        )
