from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from radslag.demo.maturity import simulate
from radslag.demo.seeding import add_seed_argument, generator
from radslag.maturity.definitions import CURRENT
from radslag.maturity.loading import load_definition
from radslag.maturity.models import Answer, Assessment
from radslag.municipalities.models import populations


class Command(BaseCommand):
    help = (
        "Store simulated example maturity self-assessments (is_example) for every municipality; "
        "replaces earlier example assessments and never touches real ones."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_seed_argument(parser)
        parser.add_argument(
            "--year",
            type=int,
            default=timezone.localdate().year - 1,
            help="the latest year simulated (default last year, so this year stays open)",
        )
        parser.add_argument(
            "--years", type=int, default=3, help="how many years of history (default 3)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["years"] < 1:
            raise CommandError("--years must be at least 1")
        sizes = populations()
        if not sizes:
            raise CommandError("No municipalities: run `radslag load-reference` first.")
        years = list(range(options["year"] - options["years"] + 1, options["year"] + 1))
        with transaction.atomic():
            version = load_definition(CURRENT)
            dimensions = version.dimension_list()
            _total, deleted = Assessment.objects.filter(is_example=True).delete()
            replaced = deleted.get("maturity.Assessment", 0)
            real = set(Assessment.objects.values_list("municipality_id", "year"))
            simulated = [
                entry
                for entry in simulate(
                    sizes,
                    [d.key for d in dimensions],
                    years,
                    generator(options["seed"]),
                )
                if (entry.code, entry.year) not in real
            ]
            assessments = Assessment.objects.bulk_create(
                Assessment(
                    municipality_id=entry.code,
                    year=entry.year,
                    model=version,
                    status=Assessment.Status.SUBMITTED,
                    is_example=True,
                    submitted_at=datetime.datetime(entry.year, 11, 15, 12, tzinfo=datetime.UTC),
                )
                for entry in simulated
            )
            Answer.objects.bulk_create(
                Answer(assessment=assessment, dimension=dimension, level=level)
                for assessment, entry in zip(assessments, simulated, strict=True)
                for dimension, level in zip(dimensions, entry.levels, strict=True)
            )
        self.stdout.write(
            f"{len(simulated)} example assessments for {len(sizes)} municipalities, "
            f"{years[0]}–{years[-1]} (seed {options['seed']}); replaced {replaced} earlier ones; "
            f"{len(real)} real assessments untouched."
        )
