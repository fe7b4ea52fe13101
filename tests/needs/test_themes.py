"""Themes: computed from the texts, named by their words, renamed by the convener."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from radslag.core import text_limits
from radslag.decide.clustering import adjusted_rand_index
from radslag.demo.needs import SimulatedNeed, simulate
from radslag.municipalities.models import Municipality, populations
from radslag.needs.models import Need, Theme
from radslag.needs.support import merge, submit
from radslag.needs.themes import Candidate, compute_themes, label_from_titles
from tests.needs.conftest import MakeNeed
from tests.people import convener

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
    client.force_login(convener("sammankallande"))
    return client


def test_every_open_need_gets_a_theme_named_by_the_title_of_one_of_its_needs(
    simulated: list[Need],
) -> None:
    summary = compute_themes(seed=0)
    assert summary.needs == 120
    assert summary.themes >= 2
    assert Need.objects.open().filter(theme=None).count() == 0
    for theme in Theme.objects.all():
        assert theme.terms
        titles = {
            title[:1].upper() + title[1:] for title in theme.needs.values_list("title", flat=True)
        }
        assert theme.label in titles
        assert ", " not in theme.label


def test_a_theme_is_named_by_a_need_rather_than_a_question_when_it_can_be() -> None:
    candidates = [
        Candidate("Hur kan vi tolka ritningar?", Need.Kind.STRATEGIC_QUESTION),
        Candidate("förhindra undernäring hos äldre", Need.Kind.NEED),
    ]
    assert label_from_titles(candidates) == "Förhindra undernäring hos äldre"
    assert label_from_titles(candidates[:1]) == "Hur kan vi tolka ritningar?"


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


def test_an_edited_label_stays_with_its_theme_when_recomputing(simulated: list[Need]) -> None:
    compute_themes(seed=0)
    theme = Theme.objects.order_by("position").first()
    assert theme is not None
    members = set(theme.needs.values_list("pk", flat=True))
    theme.label, theme.label_edited = "Tal till text i omsorgen", True
    theme.save()
    summary = compute_themes(seed=0)
    assert summary.labels_kept == 1
    renamed = Theme.objects.get(label="Tal till text i omsorgen")
    assert renamed.pk == theme.pk
    assert renamed.label_edited
    assert set(renamed.needs.values_list("pk", flat=True)) == members


def memberships() -> dict[int, tuple[int | None, str]]:
    """Each open need's theme id and that theme's label."""
    return {
        pk: (theme, label or "")
        for pk, theme, label in Need.objects.open().values_list("pk", "theme", "theme__label")
    }


def test_recomputing_keeps_each_themes_id_label_and_address(
    client: Client, simulated: list[Need]
) -> None:
    compute_themes(seed=0)
    before = memberships()
    links = [(theme.get_absolute_url(), theme.label) for theme in Theme.objects.all()]
    compute_themes(seed=0)
    assert memberships() == before
    for url, label in links:
        response = client.get(url)
        assert response.status_code == 200
        assert response.context["theme"].label == label
    theme_id = next(iter(before.values()))[0]
    listed = client.get(f"/behov/?tema={theme_id}")
    assert not listed.context["form"].errors
    assert listed.context["total"] == sum(1 for t, _ in before.values() if t == theme_id)


def test_two_long_texts_neither_rename_nor_renumber_the_themes(
    simulated: list[Need], make_need: Any
) -> None:
    compute_themes(seed=0)
    before = memberships()
    labels = dict(Theme.objects.values_list("pk", "label"))
    # Two texts as long as a need may be that touch the words of many themes.
    every_text = " ".join(need.text for need in simulated)
    longest = text_limits.DESCRIPTION
    make_need(
        "0180", title="Allt om AI i kommunen", text=every_text[:longest], area="it-och-sakerhet"
    )
    make_need("1480", title="Vår AI-strategi", text=every_text[-longest:], area="it-och-sakerhet")
    summary = compute_themes(seed=0)
    after = memberships()
    assert summary.kept == len(labels)
    assert summary.retired == 0
    unchanged = sum(after[pk] == theme for pk, theme in before.items())
    assert unchanged >= 0.95 * len(before)
    assert dict(Theme.objects.filter(pk__in=labels).values_list("pk", "label")) == labels


def test_a_theme_that_no_longer_exists_says_where_its_needs_went_with_410(
    client: Client, simulated: list[Need]
) -> None:
    compute_themes(n_themes=8, seed=0)
    old = {theme.pk: theme.label for theme in Theme.objects.all()}
    summary = compute_themes(n_themes=2, seed=0)
    assert summary.retired >= 6
    gone = Theme.objects.exclude(retired_at=None).select_related("successor")
    assert {theme.pk for theme in gone} <= set(old)
    for theme in gone:
        response = client.get(f"/behov/teman/{theme.pk}/")
        content = response.content.decode()
        assert response.status_code == 410
        assert "Temat finns inte längre" in content
        assert theme.label in content
        assert theme.successor is not None
        assert theme.successor.retired_at is None
        assert theme.successor.get_absolute_url() in content
    live = client.get("/behov/teman/")
    assert {row.theme.pk for row in live.context["rows"]} == set(
        Theme.objects.filter(retired_at=None).values_list("pk", flat=True)
    )


def test_a_retired_theme_points_to_the_live_theme_after_later_recomputations(
    simulated: list[Need],
) -> None:
    compute_themes(n_themes=8, seed=0)
    compute_themes(n_themes=4, seed=0)
    compute_themes(n_themes=2, seed=0)
    for theme in Theme.objects.exclude(retired_at=None).select_related("successor"):
        assert theme.successor is not None
        assert theme.successor.retired_at is None


def test_a_theme_whose_needs_are_all_gone_is_shown_as_dissolved(
    client: Client, make_need: Any
) -> None:
    needs = store(simulate(populations(), 12, seed=3).needs)
    compute_themes(n_themes=2, seed=0)
    theme = Theme.objects.first()
    assert theme is not None
    Need.objects.filter(pk__in=[n.pk for n in needs]).delete()
    make_need("0180")
    summary = compute_themes()
    assert (summary.themes, summary.retired) == (0, 2)
    response = client.get(f"/behov/teman/{theme.pk}/")
    assert response.status_code == 410
    assert "Temat är upplöst" in response.content.decode()


def test_a_theme_that_never_existed_is_not_found(client: Client) -> None:
    assert client.get("/behov/teman/987654/").status_code == 404


def test_filtering_by_an_unknown_theme_says_so_and_keeps_the_other_filters(
    client: Client, simulated: list[Need]
) -> None:
    compute_themes(seed=0)
    response = client.get("/behov/?tema=987654&kind=hinder")
    content = response.content.decode()
    assert "Det finns inget tema med nummer 987654." in content
    assert "Inläggen visas utan temafilter." in content
    assert response.context["total"] == Need.objects.open().filter(kind="hinder").count()


def test_filtering_by_a_retired_theme_names_the_theme_that_took_its_needs(
    client: Client, simulated: list[Need]
) -> None:
    compute_themes(n_themes=8, seed=0)
    compute_themes(n_themes=2, seed=0)
    gone = Theme.objects.exclude(retired_at=None).select_related("successor").first()
    assert gone is not None
    assert gone.successor is not None
    response = client.get(f"/behov/?tema={gone.pk}")
    content = response.content.decode()
    assert f"Temat ”{gone.label}” finns inte längre" in content
    assert f'href="?theme={gone.successor.pk}"' in content
    assert gone.successor.label in content


@pytest.mark.parametrize(
    ("status", "words"),
    [("READY", "väntar"), ("RUNNING", "pågår"), ("SUCCESSFUL", "klar"), ("FAILED", "misslyckades")],
)
def test_the_themes_page_says_how_the_latest_computation_went_in_words(
    staff: Client, status: str, words: str
) -> None:
    staff.post("/behov/teman/berakna/")
    DBTaskResult.objects.update(status=status)
    content = staff.get("/behov/teman/").content.decode()
    assert f": {words}</span>" in content
    assert status not in content


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


def test_the_theme_filter_and_sort_answer_to_their_english_names_and_their_old_swedish_ones(
    client: Client, make_need: MakeNeed
) -> None:
    theme = Theme.objects.create(label="Ett tema", computed_at=timezone.now())
    inside = make_need("0180", title="Inom temat")
    outside = make_need("1480", title="Utanför temat")
    Need.objects.filter(pk=inside.pk).update(theme=theme)

    for query in (f"theme={theme.pk}&sort=title", f"tema={theme.pk}&sort=rubrik"):
        content = client.get(f"/behov/?{query}").content.decode()

        assert inside.title in content, query
        assert outside.title not in content, query
