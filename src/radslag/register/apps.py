from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from radslag.core import sections


def _municipality_cases(request: HttpRequest, municipality: Any) -> dict[str, Any]:
    from radslag.register.models import UseCase

    cases = UseCase.objects.visible_to(request.user).of_municipality(municipality)
    return {"municipality": municipality, "use_cases": cases.order_by("title")}


def _restore_search_index(using: str = "default", **kwargs: Any) -> None:
    from radslag.register.search import ensure_index

    ensure_index(using)


class RegisterConfig(AppConfig):
    name = "radslag.register"
    verbose_name = _("AI-användningsfall")

    def ready(self) -> None:
        post_migrate.connect(_restore_search_index, sender=self)
        sections.contribute(
            "municipality", "register/_municipality_cases.html", _municipality_cases, order=10
        )
