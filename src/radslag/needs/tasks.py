"""Background work of the needs, run by a task worker (``radslag db_worker``)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from radslag.needs.themes import compute_themes


@task()
def compute_all_themes() -> dict[str, int]:
    """Recompute the themes of every open submission."""
    summary = compute_themes()
    return {"needs": summary.needs, "themes": summary.themes, "labels_kept": summary.labels_kept}


def theme_tasks() -> QuerySet[DBTaskResult[..., Any]]:
    """The theme computations, newest first."""
    return DBTaskResult.objects.filter(task_path=compute_all_themes.module_path).order_by(
        "-enqueued_at"
    )
