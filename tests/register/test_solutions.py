"""One solution run by several municipalities is one entry, in the list and in similar cases."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from radslag.register.models import UseCase
from radslag.register.similar import similar_to_case, similar_to_text
from radslag.register.solutions import first_of_each, solutions

pytestmark = pytest.mark.django_db

MakeCase = Callable[..., UseCase]

DESCRIPTION = (
    "Kommunens medarbetare får en generativ AI-assistent som skriver utkast till "
    "tjänsteskrivelser och svarar på frågor om styrdokument, inom EU och utan att "
    "personuppgifter lämnar kommunen."
)


def test_cases_with_the_same_title_and_supplier_are_one_solution(make_case: MakeCase) -> None:
    kil = make_case(
        title="AI-assistent för skrivstöd", supplier="Leverantör AB", organisation_id="1715"
    )
    mora = make_case(
        title="AI-assistent för SKRIVSTÖD", supplier="leverantör ab", organisation_id="2062"
    )
    other = make_case(
        title="AI-assistent för skrivstöd", supplier="Annan AB", organisation_id="0180"
    )

    grouping = solutions()

    assert grouping.group_of(mora.pk) == [kil.pk, mora.pk]
    assert grouping.group_of(other.pk) == [other.pk]


def test_near_duplicate_descriptions_are_one_solution_whatever_the_title(
    make_case: MakeCase,
) -> None:
    first = make_case(title="Intern AI-assistent", description=DESCRIPTION)
    second = make_case(
        title="Säker generativ AI-assistent", description=DESCRIPTION.replace("får", "har fått")
    )
    unrelated = make_case(
        title="Fallsensorer", description="Sensorer i särskilt boende larmar nattpersonalen " * 3
    )

    grouping = solutions()

    assert grouping.leader[second.pk] == first.pk
    assert grouping.group_of(unrelated.pk) == [unrelated.pk]


def test_a_changed_case_is_grouped_anew(make_case: MakeCase) -> None:
    kil = make_case(title="Chattbot", supplier="X", organisation_id="1715")
    mora = make_case(title="Chattbot", supplier="X", organisation_id="2062")
    assert solutions().group_of(kil.pk) == [kil.pk, mora.pk]

    mora.title = "Chattbot för skolan"
    mora.save()

    assert solutions().group_of(kil.pk) == [kil.pk]


def test_each_solution_keeps_its_best_ranked_case_only(make_case: MakeCase) -> None:
    a = make_case(title="Chattbot", supplier="X")
    b = make_case(title="Chattbot", supplier="X")
    c = make_case(title="Något annat", supplier="Y")

    assert first_of_each([b.pk, c.pk, a.pk], solutions()) == [b.pk, c.pk]


def test_the_list_shows_a_solution_once_with_where_it_runs(
    client: Any, make_case: MakeCase
) -> None:
    for code in ("1715", "2062", "0180"):
        make_case(
            title="Fallsensorer i särskilt boende",
            supplier="Sensor AB",
            organisation_id=code,
            stage="i-drift" if code != "0180" else "pilot",
        )

    page = client.get("/anvandningsfall/", {"q": "fallsensorer"}).content.decode()

    assert page.count(">Fallsensorer i särskilt boende</a>") == 1
    assert "Samma lösning i 3 organisationer, i drift i 2 kommuner" in page
    assert "3 användningsfall" in page
    assert "som 1 lösning" in page


def test_similar_cases_show_each_solution_once_and_not_the_cases_own(
    make_case: MakeCase, encoder: Any
) -> None:
    kil = make_case(title="Chattbot för bygglov", supplier="Bot AB", organisation_id="1715")
    mora = make_case(title="Chattbot för bygglov", supplier="Bot AB", organisation_id="2062")
    other = make_case(title="Chattbot för bygglov och detaljplaner", supplier="Annan AB")

    by_text = [m.case.pk for m in similar_to_text("chattbot bygglov", encoder=encoder).matches]
    by_case = [m.case.pk for m in similar_to_case(kil, encoder=encoder).matches]

    assert len({kil.pk, mora.pk} & set(by_text)) == 1
    assert other.pk in by_text
    assert mora.pk not in by_case
    assert other.pk in by_case
