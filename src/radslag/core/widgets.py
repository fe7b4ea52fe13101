"""Choice widgets whose choices are texts the municipalities wrote, in Swedish.

On a page in another language each choice is marked ``lang="sv"`` (WCAG 2.1, 3.1.2), so a
screen reader reads it with Swedish pronunciation; on a Swedish page nothing changes.
"""

from __future__ import annotations

from typing import Any

from django import forms

from radslag.core.languages import MUNICIPAL_LANGUAGE, marked_swedish, page_is_in


class SwedishSelect(forms.Select):
    """A select whose options (the empty one aside) carry ``lang="sv"``."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option: dict[str, Any] = super().create_option(*args, **kwargs)
        if option["value"] not in ("", None) and not page_is_in(MUNICIPAL_LANGUAGE):
            option["attrs"] = {**option["attrs"], "lang": MUNICIPAL_LANGUAGE}
        return option


class SwedishSelectMultiple(SwedishSelect, forms.SelectMultiple):
    """A list box whose options carry ``lang="sv"``."""


class SwedishCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes whose labels' text is held in a ``<span lang="sv">``.

    The label also holds the box itself, so the language goes on the text alone.
    """

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option: dict[str, Any] = super().create_option(*args, **kwargs)
        option["label"] = marked_swedish(option["label"])
        return option
