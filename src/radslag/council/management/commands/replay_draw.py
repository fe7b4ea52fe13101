from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from radslag.council.composition import recompute, replay
from radslag.council.composition_models import Composition


class Command(BaseCommand):
    help = (
        "Replay a council composition's draw: draw again with its published seed from the "
        "published lottery, compute the LEXIMIN lottery again from the frozen pool and quotas, "
        "and say whether both give the council that was drawn. Exits with an error if not."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("composition", type=int, help="the composition's number (its URL's)")

    def handle(self, *args: Any, **options: Any) -> None:
        composition = Composition.objects.filter(pk=options["composition"]).first()
        if composition is None:
            raise CommandError(f"No composition {options['composition']}.")
        if not composition.is_drawn:
            raise CommandError(f"Composition {composition.pk} has not been drawn yet.")
        published = replay(composition, composition.seed)
        self.stdout.write(
            f"Seed {composition.seed!r}: SHA-256 {published.digest}, "
            f"ticket {published.ticket:.12f}, panel {published.index + 1} of "
            f"{len(composition.panels)} in the published lottery."
        )
        same_panel = published.index == composition.drawn_panel
        self.stdout.write(
            "Published lottery: the same council."
            if same_panel
            else "Published lottery: a different council."
        )
        again = recompute(composition)
        self.stdout.write(
            f"Lottery computed again: selection probabilities differ by at most "
            f"{again.largest_difference:.1e}; "
            + ("the same council." if again.same_members else "a different council.")
        )
        if not (same_panel and again.same_members):
            raise CommandError("The replay does not give the council that was drawn.")
