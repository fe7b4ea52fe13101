from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from radslag.municipalities.organisation_number_import import (
    OrganisationNumberError,
    import_organisation_numbers,
)


class Command(BaseCommand):
    help = (
        "Set municipalities' organisation numbers from a CSV with the columns kommunkod and "
        "organisationsnummer; signing in through an identity provider maps a person's "
        "organisation to a municipality by them."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="CSV file, comma or semicolon separated")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            count = import_organisation_numbers(options["file"])
        except OrganisationNumberError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{count} municipalities given their organisation number.")
