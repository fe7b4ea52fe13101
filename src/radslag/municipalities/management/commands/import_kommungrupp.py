from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from radslag.municipalities.kommungrupp import KommungruppError, import_kommungrupp


class Command(BaseCommand):
    help = "Set each municipality's SKR group from SKR's kommungruppsindelning (.xlsx)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="SKR's Excel file")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            count = import_kommungrupp(options["file"])
        except KommungruppError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{count} municipalities given their SKR group.")
