from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from radslag.core import sections


def _council_place(request: HttpRequest, municipality: Any) -> dict[str, Any]:
    from radslag.council.seats import council_place

    return {"municipality": municipality, "place": council_place(municipality.code)}


class CouncilConfig(AppConfig):
    name = "radslag.council"
    verbose_name = _("Rådet")

    def ready(self) -> None:
        from radslag.council.seats import on_reference_loaded
        from radslag.municipalities.reference import reference_loaded

        # The council's seats are reference data loaded with the municipalities they name.
        reference_loaded.connect(on_reference_loaded, dispatch_uid="council-seats")
        sections.contribute(
            "municipality", "council/_municipality_place.html", _council_place, order=30
        )
