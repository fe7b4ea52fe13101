from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from radslag.register.embeddings import BATCH_SIZE, default_encoder, embed_cases


class Command(BaseCommand):
    help = "Embed every use case that has no cached vector yet, here and now."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args: Any, **options: Any) -> None:
        encoder = default_encoder()
        bar = tqdm(
            total=0,
            unit="fall",
            desc="Inbäddning",
            file=sys.stderr,
            disable=options["verbosity"] == 0,
        )

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

        try:
            summary = embed_cases(encoder, progress, options["batch_size"])
        finally:
            bar.close()
        self.stdout.write(
            f"{summary.cases} cases: {summary.embedded} embedded now, {summary.cached} "
            f"already cached ({encoder.model_version})."
        )
