"""The health page that load balancers and monitoring ask: is the database there, and are
background tasks being taken?"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """200 while the database answers, 503 when it does not.

    A stale task queue (the oldest waiting task older than ``TASK_STALE_SECONDS``) is reported
    as ``degraded`` with status 200: pages still work without a task worker, so a load
    balancer should keep sending requests, while monitoring should alert on it.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        ready = DBTaskResult.objects.ready()
        waiting = ready.count()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    except DatabaseError as error:
        return JsonResponse(
            {"status": "fail", "database": f"unavailable: {type(error).__name__}"}, status=503
        )
    waited = (timezone.now() - oldest) if oldest else timedelta(0)
    stale = waited.total_seconds() > settings.TASK_STALE_SECONDS
    return JsonResponse(
        {
            "status": "degraded" if stale else "ok",
            "database": "ok",
            "tasks": {
                "state": "stale" if stale else "ok",
                "waiting": waiting,
                "oldest_waiting_seconds": round(waited.total_seconds()),
                "stale_after_seconds": settings.TASK_STALE_SECONDS,
            },
        }
    )
