from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from radslag.needs.themes import compute_themes


class Command(BaseCommand):
    help = (
        "Group every open need and strategic question into themes, replacing the themes there "
        "were; labels the convener edited are kept for the theme that carries them on."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--themes",
            type=int,
            default=None,
            help="how many themes (default: chosen from the texts)",
        )
        parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["themes"] is not None and options["themes"] < 1:
            raise CommandError("--themes must be at least 1")
        summary = compute_themes(n_themes=options["themes"], seed=options["seed"])
        self.stdout.write(
            f"{summary.themes} themes of {summary.needs} open needs; "
            f"{summary.labels_kept} edited labels kept."
        )
