from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from radslag.core.backup import export_database


class Command(BaseCommand):
    help = (
        "Write the whole database to one file (gzip-compressed JSON lines with a SHA-256 per "
        "model) that `radslag import` restores on SQLite or PostgreSQL."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", required=True, type=Path, help="the file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        sums = export_database(options["out"])
        rows = sum(int(str(entry["rows"])) for entry in sums.values())
        self.stdout.write(f"{rows} rows of {len(sums)} models written to {options['out']}.")
