"""Municipalities' organisation numbers, by which signing in finds a person's municipality."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from radslag.accounts.oidc import SignInRefusedError, municipality_for, organisation_number
from radslag.municipalities.models import Municipality
from radslag.municipalities.organisation_numbers import (
    is_organisation_number,
    luhn_check_digit,
    normalised,
)

STOCKHOLM = "2120000142"


def test_it_accepts_a_number_whose_last_digit_is_the_luhn_check_digit() -> None:
    assert luhn_check_digit("212000014") == 2
    assert is_organisation_number(STOCKHOLM)


@pytest.mark.parametrize("value", ["2120000143", "212000014", "21200001420", "212000014x", ""])
def test_it_rejects_a_number_of_the_wrong_form_or_check_digit(value: str) -> None:
    assert not is_organisation_number(value)


def test_it_reads_the_number_with_a_hyphen_or_the_century_prefix() -> None:
    assert normalised("212000-0142") == STOCKHOLM
    assert normalised("16212000-0142") == STOCKHOLM


def test_it_reads_the_organisation_from_org_number_or_else_from_org_affiliation() -> None:
    number_claim = "https://id.oidc.se/claim/orgNumber"
    affiliation_claim = "https://id.oidc.se/claim/orgAffiliation"
    assert organisation_number({number_claim: STOCKHOLM}) == STOCKHOLM
    assert organisation_number({affiliation_claim: f"xy12@{STOCKHOLM}"}) == STOCKHOLM
    assert organisation_number({affiliation_claim: "xy12@not-a-number"}) is None
    assert organisation_number({}) is None


@pytest.mark.django_db
def test_an_organisation_number_maps_to_its_municipality_and_an_unknown_one_is_refused() -> None:
    Municipality.objects.filter(code="0180").update(organisation_number=STOCKHOLM)
    claims = {"https://id.oidc.se/claim/orgNumber": STOCKHOLM}
    assert municipality_for(claims).code == "0180"
    with pytest.raises(SignInRefusedError, match="556000-1231"):
        municipality_for({"https://id.oidc.se/claim/orgNumber": "5560001231"})


@pytest.mark.django_db
def test_the_model_refuses_an_organisation_number_with_a_wrong_check_digit() -> None:
    stockholm = Municipality.objects.get(code="0180")
    stockholm.organisation_number = "2120000143"
    with pytest.raises(ValidationError, match="tio siffror"):
        stockholm.full_clean()


@pytest.mark.django_db
def test_the_import_sets_every_listed_municipality_and_keeps_leading_zeros(
    tmp_path: Path,
) -> None:
    path = tmp_path / "nummer.csv"
    path.write_text("kommunkod;organisationsnummer\n180;212000-0142\n", encoding="utf-8")

    call_command("import_organisation_numbers", str(path))

    assert Municipality.objects.get(code="0180").organisation_number == STOCKHOLM


@pytest.mark.django_db
def test_a_bad_row_names_file_row_and_column_and_nothing_is_stored(tmp_path: Path) -> None:
    path = tmp_path / "nummer.csv"
    path.write_text(
        f"kommunkod,organisationsnummer\n0180,{STOCKHOLM}\n1715,2120001234\n", encoding="utf-8"
    )

    with pytest.raises(CommandError, match=r"nummer.csv, row 3, column organisationsnummer"):
        call_command("import_organisation_numbers", str(path))

    assert not Municipality.objects.exclude(organisation_number="").exists()


@pytest.mark.django_db
def test_an_unknown_municipality_code_is_refused_by_row(tmp_path: Path) -> None:
    path = tmp_path / "nummer.csv"
    path.write_text(f"kommunkod,organisationsnummer\n9999,{STOCKHOLM}\n", encoding="utf-8")

    with pytest.raises(CommandError, match=r"row 2, column kommunkod: unknown municipality"):
        call_command("import_organisation_numbers", str(path))


@pytest.mark.django_db
def test_the_same_number_twice_in_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nummer.csv"
    path.write_text(
        f"kommunkod,organisationsnummer\n0180,{STOCKHOLM}\n1715,{STOCKHOLM}\n", encoding="utf-8"
    )

    with pytest.raises(CommandError, match="already given on row 2"):
        call_command("import_organisation_numbers", str(path))
