from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from radslag.register.pstw import ATTRIBUTION, DEFAULT_FILE, PstwError, import_pstw


class Command(BaseCommand):
    help = "Import the Public Sector Tech Watch catalogue (CSV) as reference use cases."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file",
            nargs="?",
            type=Path,
            default=DEFAULT_FILE,
            help="a PSTW export; default: the November 2025 release shipped with Rådslag",
        )
        parser.add_argument(
            "--no-embed",
            action="store_true",
            help="do not queue the embedding of new and changed cases",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = import_pstw(options["file"])
        except PstwError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{summary.rows} cases: {summary.created} new, {summary.updated} updated, "
            f"{summary.unchanged} unchanged; {summary.linked} linked to a Swedish municipality."
        )
        self.stdout.write(ATTRIBUTION)
        if (summary.created or summary.updated) and not options["no_embed"]:
            from radslag.register.tasks import embed_all_cases

            result = embed_all_cases.enqueue()
            self.stdout.write(
                f"Embedding queued as task {result.id}: run `radslag db_worker`, or "
                "`radslag embed-cases` to do it now."
            )
