"""Themes of the submissions: the overview, one theme with its needs and solutions, naming."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from radslag.accounts import permissions
from radslag.accounts.permissions import Action, signed_in
from radslag.municipalities.models import populations
from radslag.municipalities.sizeclass import SizeClass, size_class_of
from radslag.needs import matching
from radslag.needs.forms import ThemeLabelForm
from radslag.needs.models import Need, Support, Theme
from radslag.needs.tasks import compute_all_themes, status_in_words, theme_tasks
from radslag.needs.views.detail import visible_case_ids

THEME_NEEDS_SHOWN = 50
# Column headings for the size classes, in SizeClass order; short, for a wide table. The
# thousands are set apart by no-break spaces, so a narrow column never splits a number.
SIZE_HEADINGS = (
    gettext_lazy("Under 15\u00a0000 inv."),
    gettext_lazy("15\u00a0000–49\u00a0999 inv."),
    gettext_lazy("50\u00a0000–199\u00a0999 inv."),
    gettext_lazy("200\u00a0000 inv. eller fler"),
)


@dataclass(frozen=True)
class ThemeRow:
    theme: Theme
    needs: int
    municipalities: int
    by_size: list[int]  # supporting municipalities per size class, in SizeClass order
    kinds: dict[str, int]


def _supporters_by_theme() -> dict[int, set[str]]:
    rows = Support.objects.filter(need__merged_into__isnull=True, need__theme__isnull=False)
    backers: dict[int, set[str]] = {}
    for theme, code in rows.values_list("need__theme", "municipality").distinct():
        backers.setdefault(theme, set()).add(code)
    return backers


def theme_list(request: HttpRequest) -> HttpResponse:
    themes = Theme.objects.live()
    backers = _supporters_by_theme()
    sizes = {code: size_class_of(population) for code, population in populations().items()}
    kinds: dict[int, Counter[str]] = {}
    for theme_id, kind in Need.objects.open().exclude(theme=None).values_list("theme", "kind"):
        kinds.setdefault(theme_id, Counter())[kind] += 1
    rows = []
    for theme in themes:
        codes = backers.get(theme.pk, set())
        per_class = Counter(sizes.get(code) for code in codes)
        rows.append(
            ThemeRow(
                theme,
                sum(kinds.get(theme.pk, Counter()).values()),
                len(codes),
                [per_class[size_class] for size_class in SizeClass],
                {
                    str(label): kinds.get(theme.pk, Counter())[value]
                    for value, label in Need.Kind.choices
                },
            )
        )
    rows.sort(key=lambda row: (-row.municipalities, -row.needs, row.theme.position))
    task = theme_tasks().first()
    context = {
        "rows": rows,
        "size_headings": SIZE_HEADINGS,
        "kinds": Need.Kind.choices,
        "computed_at": rows[0].theme.computed_at if rows else None,
        "unthemed": Need.objects.open().filter(theme=None).count(),
        "has_example": Need.objects.filter(is_example=True).exists(),
        "task": task,
        "task_status": status_in_words(task.status) if task else "",
    }
    return render(request, "needs/themes.html", context)


def theme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_object_or_404(Theme.objects.select_related("successor"), pk=pk)
    if theme.retired_at is not None:
        return _gone(request, theme)
    return render(request, "needs/theme.html", _theme_context(request, theme, None))


def _gone(request: HttpRequest, theme: Theme) -> HttpResponse:
    """A retired theme's address: what became of it, with 410 Gone rather than a bare 404."""
    return render(request, "needs/theme_gone.html", {"theme": theme}, status=410)


def _theme_context(
    request: HttpRequest, theme: Theme, label_form: ThemeLabelForm | None
) -> dict[str, object]:
    needs = (
        Need.objects.open()
        .filter(theme=theme)
        .with_support()
        .select_related("municipality")
        .order_by("-support_count", "-created_at")
    )
    shown = list(needs[:THEME_NEEDS_SHOWN])
    municipalities = (
        Support.objects.filter(need__theme=theme, need__merged_into__isnull=True)
        .values("municipality")
        .distinct()
        .count()
    )
    query = " ".join([theme.label, *theme.terms, *(need.title for need in shown[:5])])
    common_area = Counter(need.area for need in shown).most_common(1)
    return {
        "theme": theme,
        "needs": shown,
        "total": needs.count(),
        "municipalities": municipalities,
        "solutions": matching.solutions(
            query, common_area[0][0] if common_area else "", visible_case_ids(request)
        ),
        "label_form": label_form or ThemeLabelForm(instance=theme),
        "has_example": any(need.is_example for need in shown),
    }


@require_POST
@signed_in
def rename(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require(permissions.can(request.user, Action.RENAME_THEME))
    theme = get_object_or_404(Theme.objects.select_related("successor"), pk=pk)
    if theme.retired_at is not None:
        return _gone(request, theme)
    form = ThemeLabelForm(request.POST, instance=theme)
    if form.is_valid():
        theme = form.save(commit=False)
        theme.label_edited = True
        theme.save(update_fields=["label", "label_edited"])
        messages.success(request, _("Temat har fått nytt namn."))
        return redirect(theme)
    theme.refresh_from_db()
    return render(request, "needs/theme.html", _theme_context(request, theme, form), status=400)


@require_POST
@signed_in
def recompute(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.can(request.user, Action.COMPUTE_THEMES))
    latest = theme_tasks().first()
    if latest is None or latest.status not in {"READY", "RUNNING"}:
        compute_all_themes.enqueue()
    messages.info(request, _("Temana beräknas på nytt. Ladda om sidan om en stund."))
    return redirect("needs:themes")
