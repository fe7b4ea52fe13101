"""Similar cases for any text, and the state of the embeddings behind them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from radslag.accounts import permissions
from radslag.accounts.permissions import Action, signed_in
from radslag.core.partials import render_page_or_partial
from radslag.register.embeddings import default_encoder, vector_index
from radslag.register.models import UseCase
from radslag.register.similar import similar_to_text
from radslag.register.tasks import embed_all_cases, embedding_tasks

MAX_TEXT = 2000
TASK_STATES = {
    "READY": _("köad"),
    "RUNNING": _("pågår"),
    "SUCCESSFUL": _("klar"),
    "FAILED": _("misslyckades"),
}


def similar_cases(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("text", "")[:MAX_TEXT].strip()
    result = None
    if text:
        visible = UseCase.objects.visible_to(request.user)
        result = similar_to_text(text, visible=set(visible.values_list("pk", flat=True)))
    return render(request, "register/similar.html", {"text": text, "result": result})


def _status_context() -> dict[str, object]:
    encoder = default_encoder()
    index = vector_index(encoder)
    latest = embedding_tasks().first()
    embedded = len(index.ids)
    return {
        "model_version": encoder.model_version,
        "embedded": embedded,
        "total": index.total,
        "percent": round(100 * embedded / index.total) if index.total else 100,
        "task": latest,
        "task_state": TASK_STATES.get(latest.status, latest.status) if latest else "",
        "running": latest is not None and latest.status in {"READY", "RUNNING"},
    }


@signed_in
def embedding_status(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.can(request.user, Action.MANAGE_EMBEDDINGS))
    return render_page_or_partial(
        request, "register/embedding.html", "register/_embedding_progress.html", _status_context()
    )


@require_POST
@signed_in
def start_embedding(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.can(request.user, Action.MANAGE_EMBEDDINGS))
    latest = embedding_tasks().first()
    if latest is None or latest.status not in {"READY", "RUNNING"}:
        embed_all_cases.enqueue()
    return redirect("register:embedding")
