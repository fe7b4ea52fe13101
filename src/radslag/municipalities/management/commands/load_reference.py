from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from radslag.municipalities.reference import ReferenceDataError, load_reference


class Command(BaseCommand):
    help = (
        "Load the municipalities, counties and Kolada key figures shipped with Rådslag, and "
        "the reference data of the apps built on them (the council's seats)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = load_reference()
        except ReferenceDataError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{summary.counties} counties, {summary.municipalities} municipalities, "
            f"{summary.kpis} KPIs; key figures: {summary.figures_created} new, "
            f"{summary.figures_updated} updated."
        )
        for line in summary.others:
            self.stdout.write(line)
