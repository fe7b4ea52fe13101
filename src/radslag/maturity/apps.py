from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from radslag.core import sections


def _maturity_summary(request: HttpRequest, municipality: Any) -> dict[str, Any]:
    from radslag.maturity.summary import maturity_summary

    return {"municipality": municipality, "maturity_summary": maturity_summary(municipality)}


class MaturityConfig(AppConfig):
    name = "radslag.maturity"
    verbose_name = _("AI-mognad")

    def ready(self) -> None:
        sections.contribute(
            "municipality", "maturity/_municipality_summary.html", _maturity_summary, order=20
        )
