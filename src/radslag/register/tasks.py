"""Background work of the register, run by a task worker (``radslag db_worker``)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from radslag.register.embeddings import embed_cases


@task()
def embed_all_cases() -> dict[str, int]:
    """Embed every case without a cached vector; the progress is read from the cache."""
    summary = embed_cases()
    return {"cases": summary.cases, "embedded": summary.embedded, "cached": summary.cached}


def embedding_tasks() -> QuerySet[DBTaskResult[..., Any]]:
    """The embedding runs, newest first."""
    return DBTaskResult.objects.filter(task_path=embed_all_cases.module_path).order_by(
        "-enqueued_at"
    )
