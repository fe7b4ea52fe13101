from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from radslag.register.embeddings import BATCH_SIZE, default_encoder, embed_cases, vector_index


class Command(BaseCommand):
    help = "Embed every use case that has no cached vector yet, here and now."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Queue the embedding for the task worker instead, if some case has no vector "
            "and no run is waiting.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        encoder = default_encoder()
        if options["queue"]:
            self._queue(encoder.model_version, vector_index(encoder).missing)
            return
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

    def _queue(self, model_version: str, missing: int) -> None:
        # A run stopped part-way (a worker stopped with the server, or killed) is not resumed
        # by anything else: `make demo` calls this before it starts its worker.
        from radslag.register.tasks import embed_all_cases, embedding_tasks

        if not missing:
            self.stdout.write(f"Every case has a vector ({model_version}); nothing queued.")
        elif embedding_tasks().filter(status="READY").exists():
            self.stdout.write(f"{missing} cases without a vector; a run is already queued.")
        else:
            result = embed_all_cases.enqueue()
            self.stdout.write(
                f"{missing} cases without a vector: embedding queued as task {result.id}."
            )
