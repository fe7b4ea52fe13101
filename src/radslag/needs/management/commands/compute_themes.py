from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from radslag.needs.themes import compute_themes


class Command(BaseCommand):
    help = (
        "Group every open need and strategic question into themes; a theme that a new group "
        "continues keeps its id and label, one that none continues is retired."
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
            f"{summary.kept} continued from before ({summary.labels_kept} with edited labels), "
            f"{summary.retired} retired."
        )
