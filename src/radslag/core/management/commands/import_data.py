from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from radslag.core.backup import BackupError, restore_database


class Command(BaseCommand):
    help = (
        "Restore a file written by `radslag export` into this (migrated, empty) database, all "
        "or nothing, checked by its checksums."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="the backup file")
        parser.add_argument(
            "--replace", action="store_true", help="empty the database first (all its data)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            restored = restore_database(options["file"], replace=options["replace"])
        except BackupError as error:
            raise CommandError(f"{error} (nothing was written)") from None
        rows = sum(restored.values())
        self.stdout.write(f"{rows} rows of {len(restored)} models restored and checked.")
