"""European cases' own texts are English, and the pages say so with ``lang``."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from radslag.register.choices import Source
from radslag.register.models import UseCase

pytestmark = pytest.mark.django_db

MakeCase = Callable[..., UseCase]


def european_case() -> UseCase:
    case = UseCase.objects.filter(source=Source.PSTW).exclude(description="").first()
    assert case is not None, "the register's tests import a slice of PSTW"
    return case


def test_a_european_case_marks_its_texts_as_english(client: Client) -> None:
    case = european_case()
    page = client.get(case.get_absolute_url()).content.decode()
    assert '<html lang="sv">' in page
    assert '<h1 lang="en">' in page
    assert '<p class="lead" lang="en">' in page
    assert page.count('<dd lang="en">') >= 2


def test_a_european_case_in_the_list_is_marked_as_english(client: Client) -> None:
    case = european_case()
    page = client.get("/anvandningsfall/", {"q": case.title}).content.decode()
    assert f'<a href="{case.get_absolute_url()}" lang="en">' in page


def test_a_swedish_case_keeps_the_page_language(client: Client, make_case: MakeCase) -> None:
    case = make_case(title="Prognos för hemtjänst", description="Bemanning")
    page = client.get(case.get_absolute_url()).content.decode()
    assert 'lang="en"' not in page.replace('<option value="en" lang="en"', "")
