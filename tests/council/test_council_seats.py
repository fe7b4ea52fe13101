"""The council's twelve real seats are reference data, loaded with the municipalities; the
council's page lists them with their municipalities and members."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.test import Client

from radslag.accounts.models import Membership, Role
from radslag.council.composition_models import Seat
from radslag.council.seats import load_seats
from radslag.municipalities.reference import DATA_DIR, ReferenceDataError
from tests.html import contains
from tests.people import convener, council_member, representative

pytestmark = pytest.mark.django_db


def test_the_reference_data_holds_twelve_seats_one_shared_by_herrljunga_and_vargarda() -> None:
    seats = {
        seat.number: sorted(m.name for m in seat.municipalities.all())
        for seat in Seat.objects.prefetch_related("municipalities")
    }

    assert len(seats) == 12
    assert seats[2] == ["Herrljunga", "Vårgårda"]
    assert sum(len(names) for names in seats.values()) == 13
    assert {name for names in seats.values() for name in names} >= {
        "Kristinehamn", "Gagnef", "Stockholm", "Göteborg", "Mellerud", "Strängnäs",
    }  # fmt: skip


def test_loading_again_keeps_who_holds_a_seat() -> None:
    member = council_member()
    Seat.objects.filter(number=3).update(holder=member)

    load_seats(DATA_DIR)

    assert Seat.objects.get(number=3).holder == member
    assert Seat.objects.count() == 12


def test_a_seat_naming_an_unknown_municipality_is_refused_naming_row_and_field(
    tmp_path: Path,
) -> None:
    (tmp_path / "council").mkdir()
    source = (DATA_DIR / "council" / "seats.csv").read_text(encoding="utf-8")
    (tmp_path / "council" / "seats.csv").write_text(
        source.replace("2026,Gagnef", "9999,Gagnef"), encoding="utf-8"
    )

    with pytest.raises(ReferenceDataError, match=r"row 4, field municipality_codes.*'9999'"):
        load_seats(tmp_path)
    assert Seat.objects.get(number=3).municipalities.get().code == "2026"


def test_a_municipality_on_two_seats_is_refused(tmp_path: Path) -> None:
    shutil.copytree(DATA_DIR / "council", tmp_path / "council")
    with (tmp_path / "council" / "seats.csv").open("a", encoding="utf-8") as handle:
        handle.write("13,2026,Gagnef\n")

    with pytest.raises(ReferenceDataError, match="2026 already has a seat"):
        load_seats(tmp_path)
    assert Seat.objects.count() == 12


def test_the_councils_page_lists_the_seats_their_municipalities_and_members() -> None:
    member = council_member(first_name="Lena", last_name="Ledamot")
    Membership.objects.filter(person=member).update(
        municipality_id="2026", role=Role.COUNCIL_MEMBER
    )
    Seat.objects.filter(number=3).update(holder=member)

    page = Client().get("/radet/").content.decode()

    assert contains(page, '<a href="/kommuner/1466/">Herrljunga</a>')
    assert contains(page, '<a href="/kommuner/1442/">Vårgårda</a>')
    assert "Lena Ledamot" in page
    assert page.count("ingen ledamot registrerad") == 11
    assert "exempeldata" not in page.split('id="seats-heading"')[1].split("</section>")[0]


def test_an_example_member_on_a_seat_is_marked_as_example_data() -> None:
    member = council_member(first_name="Exempelledamot", last_name="3")
    Seat.objects.filter(number=3).update(holder=member, holder_is_example=True)

    page = Client().get("/radet/").content.decode()

    seats = page.split('id="seats-heading"')[1].split("</section>")[0]
    assert seats.count("exempeldata") == 1


def test_a_convener_puts_a_council_member_on_a_seat_and_takes_them_off() -> None:
    chief = Client()
    chief.force_login(convener())
    member = council_member(first_name="Lena", last_name="Ledamot")
    Seat.objects.filter(number=3).update(holder_is_example=True)

    answer = chief.post("/radet/platser/3/ledamot/", {"holder": member.pk})

    assert answer.status_code == 302
    seat = Seat.objects.get(number=3)
    assert seat.holder == member
    assert not seat.holder_is_example
    chief.post("/radet/platser/3/ledamot/", {"holder": ""})
    assert Seat.objects.get(number=3).holder is None


def test_only_council_members_are_offered_for_a_seat() -> None:
    chief = Client()
    chief.force_login(convener())
    someone = representative("2026", "gagnef")

    answer = chief.post("/radet/platser/3/ledamot/", {"holder": someone.pk})

    assert answer.status_code == 200
    assert answer.context["form"].errors["holder"]
    assert Seat.objects.get(number=3).holder is None


def test_the_councils_page_offers_conveners_alone_to_change_a_seats_member() -> None:
    chief = Client()
    chief.force_login(convener())

    assert "/radet/platser/3/ledamot/" in chief.get("/radet/").content.decode()
    assert "/radet/platser/3/ledamot/" not in Client().get("/radet/").content.decode()


def test_a_municipalitys_page_says_which_seat_it_holds_and_with_whom() -> None:
    page = Client().get("/kommuner/1466/").content.decode()

    assert "Herrljunga har plats 2 i AI-rådet." in page
    assert "Platsen delas med Vårgårda." in page


def test_a_municipality_without_a_seat_or_lottery_shows_no_council_section() -> None:
    page = Client().get("/kommuner/1715/").content.decode()

    assert 'id="council-heading"' not in page
