"""The initiatives as items of a council round, for the council to prioritise them."""

from __future__ import annotations

from radslag.initiatives.models import Initiative

# Finished or cancelled initiatives have nothing left to prioritise.
OUT_OF_PLAY = (Initiative.Status.DONE, Initiative.Status.CANCELLED)


def initiatives_to_prioritise() -> list[tuple[str, str]]:
    live = Initiative.objects.exclude(status__in=OUT_OF_PLAY).order_by("pk")
    return [
        (title, f"initiatives.initiative:{pk}") for pk, title in live.values_list("pk", "title")
    ]
