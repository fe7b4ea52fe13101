from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from radslag.demo.seeding import add_seed_argument, generator
from radslag.demo.use_cases import (
    DEFAULT_COUNT,
    MunicipalityFacts,
    SimulatedUseCase,
    simulate,
)
from radslag.municipalities.models import Municipality
from radslag.register import aiact
from radslag.register.choices import Level, Publication, Source, Stage
from radslag.register.countries import SWEDEN
from radslag.register.models import UseCase


class Command(BaseCommand):
    help = (
        "Store simulated example AI use cases (source 'exempel') for about 150 municipalities; "
        "replaces earlier example cases and never touches real ones."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_seed_argument(parser)
        parser.add_argument(
            "--count",
            type=int,
            default=DEFAULT_COUNT,
            help=f"how many municipalities get cases (default {DEFAULT_COUNT})",
        )
        parser.add_argument(
            "--until",
            type=datetime.date.fromisoformat,
            default=timezone.localdate(),
            help="the latest start date, YYYY-MM-DD (default today)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["count"] < 1:
            raise CommandError("--count must be at least 1")
        municipalities = [
            # An annotation of with_latest_figures(), which the type checker cannot see.
            MunicipalityFacts(m.code, m.name, getattr(m, "population", None))
            for m in Municipality.objects.with_latest_figures().only("code", "name")
        ]
        if not municipalities:
            raise CommandError("No municipalities: run `radslag load-reference` first.")
        try:
            simulated = simulate(
                municipalities,
                generator(options["seed"]),
                until=options["until"],
                count=options["count"],
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        with transaction.atomic():
            _total, deleted = UseCase.objects.filter(source=Source.EXAMPLE).delete()
            replaced = deleted.get("register.UseCase", 0)
            UseCase.objects.bulk_create(
                (_use_case(number, entry) for number, entry in enumerate(simulated, start=1)),
                batch_size=500,
            )
            real = UseCase.objects.exclude(source=Source.EXAMPLE).count()
        in_production = sum(1 for entry in simulated if entry.stage == Stage.IN_PRODUCTION)
        self.stdout.write(
            f"{len(simulated)} example use cases ({in_production} in production) for "
            f"{len({entry.code for entry in simulated})} of {len(municipalities)} "
            f"municipalities (seed {options['seed']}); replaced {replaced} earlier ones; "
            f"{real} real use cases untouched."
        )
        self.stdout.write(
            "Run `radslag embed-cases` to include them in the search for similar cases by meaning."
        )


def _use_case(number: int, entry: SimulatedUseCase) -> UseCase:
    answers = entry.aiact_answers()
    return UseCase(
        title=entry.title,
        summary=entry.summary,
        description=entry.description,
        organisation_id=entry.code,
        organisation_name=entry.organisation_name,
        contact_email=entry.contact_email,
        goal=entry.goal,
        area=entry.area,
        cofog=entry.cofog,
        benefits=list(entry.benefits),
        technique=entry.technique,
        ai_subdomain=entry.ai_subdomain,
        keywords=entry.keywords,
        supplier=entry.supplier,
        stage=entry.stage,
        start_date=entry.start_date,
        end_date=entry.end_date,
        data_sources=entry.data_sources,
        personal_data=entry.personal_data,
        legal_basis=entry.legal_basis,
        human_oversight=entry.human_oversight,
        appeal=entry.appeal,
        risks=entry.risks,
        dpia_done=entry.dpia_done,
        dpia_date=entry.dpia_date,
        fria_done=entry.fria_done,
        fria_date=entry.fria_date,
        aiact_answers=answers,
        # As the registration form does when a case is saved: the class follows the answers.
        risk_class=aiact.classify(answers).risk_class,
        effect_time=entry.effect_time,
        effect_cost=entry.effect_cost,
        effect_quality=entry.effect_quality,
        effect_method=entry.effect_method,
        effect_evaluated=entry.effect_evaluated,
        status=Publication.PUBLISHED,
        last_reviewed=entry.last_reviewed,
        source=Source.EXAMPLE,
        source_id=f"exempel-{number}",
        country=SWEDEN,
        level=Level.LOCAL,
    )
