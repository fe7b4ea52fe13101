from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from radslag.core import sections


def _next_steps_link(request: HttpRequest, municipality: Any) -> dict[str, Any]:
    return {"municipality": municipality}


class GuidanceConfig(AppConfig):
    name = "radslag.guidance"
    verbose_name = _("Nästa steg")

    def ready(self) -> None:
        from radslag.guidance import sources
        from radslag.guidance.area_steps import area_steps
        from radslag.guidance.maturity_steps import maturity_steps

        sources.contribute("areas", area_steps, order=10)
        sources.contribute("maturity", maturity_steps, order=20)
        sections.contribute(
            "municipality", "guidance/_municipality_link.html", _next_steps_link, order=5
        )
