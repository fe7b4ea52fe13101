from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from radslag.decide.clustering import adjusted_rand_index
from radslag.demo.needs import simulate
from radslag.demo.seeding import add_seed_argument
from radslag.municipalities.models import populations
from radslag.needs.models import Need, Support
from radslag.needs.support import merge
from radslag.needs.themes import compute_themes


class Command(BaseCommand):
    help = (
        "Store simulated example needs and strategic questions (is_example) with planted "
        "themes and near-duplicates, then compute the themes; replaces earlier example needs "
        "and never touches real ones."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_seed_argument(parser)
        parser.add_argument(
            "--count", type=int, default=1500, help="how many submissions (default 1500)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["count"] < 1:
            raise CommandError("--count must be at least 1")
        sizes = populations()
        if not sizes:
            raise CommandError("No municipalities: run `radslag load-reference` first.")
        simulated = simulate(sizes, options["count"], options["seed"])
        now = timezone.now()
        with transaction.atomic():
            # Merges point between submissions; undo those that involve example ones first.
            Need.objects.filter(merged_into__is_example=True).update(merged_into=None)
            replaced, _ = Need.objects.filter(is_example=True).delete()
            created = Need.objects.bulk_create(
                Need(
                    kind=entry.kind,
                    title=entry.title,
                    text=entry.text,
                    area=entry.area,
                    municipality_id=entry.municipality,
                    is_example=True,
                )
                for entry in simulated.needs
            )
            for need, entry in zip(created, simulated.needs, strict=True):
                need.created_at = now - datetime.timedelta(days=entry.days_ago)
            Need.objects.bulk_update(created, ["created_at"], batch_size=500)
            Support.objects.bulk_create(
                Support(need=need, municipality_id=code)
                for need, entry in zip(created, simulated.needs, strict=True)
                for code in dict.fromkeys((entry.municipality, *entry.supporters))
            )
            merged = 0
            for need, entry in zip(created, simulated.needs, strict=True):
                if entry.merge_into is not None:
                    merge(created[entry.merge_into], need)
                    merged += 1
            themes = compute_themes()
        found = dict(Need.objects.filter(pk__in=[n.pk for n in created]).values_list("pk", "theme"))
        open_needs = [
            (entry.theme, found[need.pk])
            for need, entry in zip(created, simulated.needs, strict=True)
            if entry.merge_into is None
        ]
        planted, computed = zip(*open_needs, strict=True)
        self.stdout.write(
            f"{len(created)} example needs (seed {options['seed']}), "
            f"{len({e.need for e in simulated.needs})} distinct, "
            f"{len(simulated.corpus.theme_names)} planted themes, {merged} merged; "
            f"{themes.themes} themes computed, adjusted Rand index against the planted ones "
            f"{adjusted_rand_index(planted, [t or -1 for t in computed]):.3f}; "
            f"replaced {replaced} earlier example rows."
        )
