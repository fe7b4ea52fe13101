"""Themes: computed from the texts, named by their words, renamed by the convener."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from radslag.decide.clustering import adjusted_rand_index
from radslag.maturity.comparison import populations
from radslag.municipalities.models import Municipality
from radslag.needs.models import Need, Theme
from radslag.needs.simulation import SimulatedNeed, simulate
from radslag.needs.support import merge, submit
from radslag.needs.themes import compute_themes, label_from_terms

pytestmark = pytest.mark.django_db


def store(entries: list[SimulatedNeed]) -> list[Need]:
    municipalities = Municipality.objects.in_bulk()
    return [
        submit(
            Need(
                kind=e.kind,
                title=e.title,
                text=e.text,
                area=e.area,
                municipality=municipalities[e.municipality],
                is_example=True,
            )
        )
        for e in entries
    ]


@pytest.fixture
def simulated() -> list[Need]:
    """120 example needs of the simulator, of 15 planted themes."""
    return store(simulate(populations(), 120, seed=3).needs)


@pytest.fixture
def staff(client: Client, django_user_model: Any) -> Client:
    client.force_login(django_user_model.objects.create_user("sammankallande", is_staff=True))
    return client


def test_every_open_need_gets_a_theme_and_themes_are_named_by_their_words(
    simulated: list[Need],
) -> None:
    summary = compute_themes(seed=0)
    assert summary.needs == 120
    assert summary.themes >= 2
    assert Need.objects.open().filter(theme=None).count() == 0
    for theme in Theme.objects.all():
        assert theme.terms
        assert theme.label == label_from_terms(theme.terms)


def test_needs_of_one_planted_theme_mostly_share_a_computed_theme() -> None:
    # 300 texts: about 20 a theme, enough for the planted themes to show (ARI 0.77 here).
    planted = store(simulate(populations(), 300, seed=3).needs)
    compute_themes(n_themes=15, seed=0)
    truth = [entry.theme for entry in simulate(populations(), 300, seed=3).needs]
    found = Need.objects.filter(pk__in=[n.pk for n in planted]).order_by("pk")
    assert adjusted_rand_index(truth, [need.theme_id for need in found]) > 0.6


def test_merged_needs_follow_the_theme_of_the_need_they_were_merged_into(
    simulated: list[Need],
) -> None:
    merge(simulated[0], simulated[1])
    compute_themes(seed=0)
    simulated[0].refresh_from_db()
    simulated[1].refresh_from_db()
    assert simulated[1].theme_id == simulated[0].theme_id is not None


def test_an_edited_label_survives_recomputing_the_themes(simulated: list[Need]) -> None:
    compute_themes(seed=0)
    theme = Theme.objects.order_by("position").first()
    assert theme is not None
    members = set(theme.needs.values_list("pk", flat=True))
    theme.label, theme.label_edited = "Tal till text i omsorgen", True
    theme.save()
    summary = compute_themes(seed=0)
    assert summary.labels_kept == 1
    renamed = Theme.objects.get(label="Tal till text i omsorgen")
    assert renamed.label_edited
    assert set(renamed.needs.values_list("pk", flat=True)) == members


def test_too_few_needs_give_no_themes(make_need: Any) -> None:
    make_need("0180")
    assert compute_themes().themes == 0
    assert Theme.objects.count() == 0


def test_the_themes_page_shows_support_by_size_class_and_the_example_label(
    client: Client, simulated: list[Need]
) -> None:
    compute_themes(seed=0)
    response = client.get("/behov/teman/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Exempeldata." in content
    rows = response.context["rows"]
    assert sum(row.needs for row in rows) == 120
    for row in rows:
        assert sum(row.by_size) == row.municipalities


def test_a_theme_page_lists_its_needs_and_staff_can_rename_it(
    staff: Client, simulated: list[Need]
) -> None:
    compute_themes(seed=0)
    theme = Theme.objects.first()
    assert theme is not None
    response = staff.get(f"/behov/teman/{theme.pk}/")
    assert response.status_code == 200
    assert len(response.context["needs"]) == theme.needs.count()
    staff.post(f"/behov/teman/{theme.pk}/namn/", {"label": "Nytt namn"})
    theme.refresh_from_db()
    assert (theme.label, theme.label_edited) == ("Nytt namn", True)


def test_an_empty_theme_name_is_refused_next_to_the_field(
    staff: Client, simulated: list[Need]
) -> None:
    compute_themes(seed=0)
    theme = Theme.objects.first()
    assert theme is not None
    response = staff.post(f"/behov/teman/{theme.pk}/namn/", {"label": "  "})
    assert response.status_code == 400
    assert "Ge temat ett namn." in response.content.decode()


def test_the_public_cannot_rename_a_theme_or_start_a_computation(
    client: Client, simulated: list[Need]
) -> None:
    compute_themes(seed=0)
    theme = Theme.objects.first()
    assert theme is not None
    client.post(f"/behov/teman/{theme.pk}/namn/", {"label": "Nytt namn"})
    client.post("/behov/teman/berakna/")
    theme.refresh_from_db()
    assert theme.label != "Nytt namn"
    assert DBTaskResult.objects.count() == 0


def test_staff_can_start_a_recomputation_in_the_background(staff: Client) -> None:
    response = staff.post("/behov/teman/berakna/")
    assert response.status_code == 302
    assert DBTaskResult.objects.count() == 1
    staff.post("/behov/teman/berakna/")
    assert DBTaskResult.objects.count() == 1  # one at a time


def test_the_command_computes_the_themes_and_refuses_zero_themes(simulated: list[Need]) -> None:
    output = StringIO()
    call_command("compute_themes", themes=4, stdout=output)
    assert output.getvalue().startswith("4 themes of 120 open needs")
    with pytest.raises(CommandError, match="at least 1"):
        call_command("compute_themes", themes=0)
