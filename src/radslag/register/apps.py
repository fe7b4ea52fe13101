from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _restore_search_index(using: str = "default", **kwargs: Any) -> None:
    from radslag.register.search import ensure_index

    ensure_index(using)


class RegisterConfig(AppConfig):
    name = "radslag.register"
    verbose_name = _("AI-användningsfall")

    def ready(self) -> None:
        post_migrate.connect(_restore_search_index, sender=self)
