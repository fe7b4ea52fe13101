"""Background work of the needs, run by a task worker (``radslag db_worker``)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from radslag.needs.themes import compute_themes

# A task's state as the themes page says it; the worker's own names are for developers.
STATUS_WORDS: dict[str, Promise] = {
    "READY": _("väntar"),
    "RUNNING": _("pågår"),
    "SUCCESSFUL": _("klar"),
    "FAILED": _("misslyckades"),
}


@task()
def compute_all_themes() -> dict[str, int]:
    """Recompute the themes of every open submission."""
    summary = compute_themes()
    return {
        "needs": summary.needs,
        "themes": summary.themes,
        "kept": summary.kept,
        "labels_kept": summary.labels_kept,
        "retired": summary.retired,
    }


def theme_tasks() -> QuerySet[DBTaskResult[..., Any]]:
    """The theme computations, newest first."""
    return DBTaskResult.objects.filter(task_path=compute_all_themes.module_path).order_by(
        "-enqueued_at"
    )


def status_in_words(status: str) -> str:
    """What a theme computation's state is called on the page ("klar", "pågår", …)."""
    return str(STATUS_WORDS.get(status, status))
