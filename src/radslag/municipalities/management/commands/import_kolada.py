from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from radslag.municipalities.kolada import (
    DEFAULT_DEADLINE,
    KoladaClient,
    KoladaError,
    KoladaPage,
)
from radslag.municipalities.kolada_import import import_key_figures
from radslag.municipalities.models import Municipality

_KPI = re.compile(r"^[A-Z]\d{5}$")
_YEAR = re.compile(r"^\d{4}$")


class Command(BaseCommand):
    help = "Fetch key figures from the Kolada API and store them (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--kpi", required=True, help="KPI ids, comma-separated: N01951,N03067")
        parser.add_argument("--year", required=True, help="years, comma-separated: 2022,2023")
        parser.add_argument("--municipality", help="one municipality code, e.g. 0180")
        parser.add_argument("--base-url", default=None, help="Kolada API base URL")
        parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
        parser.add_argument("--retries", type=int, default=4, help="retries on 5xx and errors")
        parser.add_argument(
            "--deadline",
            type=float,
            default=DEFAULT_DEADLINE,
            help=f"seconds for the whole import (default {DEFAULT_DEADLINE:g})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        kpis = [k.strip().upper() for k in options["kpi"].split(",") if k.strip()]
        bad = [k for k in kpis if not _KPI.match(k)]
        if not kpis or bad:
            raise CommandError(f"--kpi: not a Kolada KPI id: {', '.join(bad) or '(empty)'}")
        years_raw = [y.strip() for y in options["year"].split(",") if y.strip()]
        bad = [y for y in years_raw if not _YEAR.match(y)]
        if not years_raw or bad:
            raise CommandError(f"--year: not a year: {', '.join(bad) or '(empty)'}")
        municipality = options["municipality"]
        if municipality is not None:
            if not re.fullmatch(r"\d{4}", municipality):
                raise CommandError(f"--municipality: {municipality!r} is not four digits")
            if not Municipality.objects.filter(code=municipality).exists():
                raise CommandError(f"--municipality: no municipality has code {municipality}")
        base_url = options["base_url"] or settings.KOLADA_BASE_URL
        progress = tqdm(desc="Kolada", unit=" rader", disable=options["verbosity"] == 0)

        def on_page(page: KoladaPage) -> None:
            if page.count is not None and progress.total is None:
                progress.total = page.count
            progress.update(len(page.values))

        try:
            with KoladaClient(
                base_url, options["timeout"], options["retries"], deadline=options["deadline"]
            ) as client:
                summary = import_key_figures(
                    client, kpis, [int(y) for y in years_raw], municipality, on_page
                )
        except KoladaError as error:
            raise CommandError(str(error)) from None
        finally:
            progress.close()
        self.stdout.write(
            f"Key figures: {summary.created} new, {summary.updated} updated, "
            f"{summary.unchanged} unchanged."
        )
        if summary.skipped_codes:
            codes = ", ".join(sorted(summary.skipped_codes))
            self.stdout.write(f"Skipped rows for codes outside the registry: {codes}")
