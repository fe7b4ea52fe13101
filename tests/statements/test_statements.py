"""The accessibility statement and the privacy page: what the law asks them to say, and an
inventory of personal data that cannot fall behind the models."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.checks import run_checks
from django.db import models
from django.test import Client

from radslag.serve import ACCESS_LOG_FORMAT
from radslag.statements.inventory import listed_fields

pytestmark = pytest.mark.django_db

# Field names that hold a person's data whatever their type.
PERSONAL_NAMES = {
    "username",
    "user_agent",
    "contact_name",
    "actor_name",
    "session_data",
    "session_digest",
    "subject",
}
USER_FIELDS_NOT_PERSONAL = {"id", "is_active", "is_staff", "is_superuser"}


def personal_fields() -> set[str]:
    found = set()
    user_model = apps.get_model(django_settings.AUTH_USER_MODEL)
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            name = f"{model._meta.app_label}.{model._meta.model_name}.{field.name}"
            is_user_field = model is user_model and field.name not in USER_FIELDS_NOT_PERSONAL
            points_to_person = (
                isinstance(field, models.ForeignKey) and field.related_model is user_model
            )
            if (
                is_user_field
                or points_to_person
                or isinstance(field, models.EmailField | models.GenericIPAddressField)
                or field.name in PERSONAL_NAMES
            ):
                found.add(name)
    return found


def test_every_field_that_can_hold_personal_data_is_on_the_privacy_page() -> None:
    assert personal_fields() - listed_fields() == set()


def test_the_privacy_page_names_no_field_that_does_not_exist() -> None:
    existing = {
        f"{m._meta.app_label}.{m._meta.model_name}.{f.name}"
        for m in apps.get_models()
        for f in m._meta.concrete_fields
    }
    assert listed_fields() - existing == set()


def test_the_privacy_page_lists_each_kind_of_data_with_why_and_how_long(
    client: Client, settings: Any
) -> None:
    settings.RADSLAG_INVITATION_RETENTION_DAYS = 45
    page = client.get("/om/personuppgifter/").content.decode()

    assert "Inloggningsförsök och inloggningar" in page
    assert "45 dagar efter att inbjudan togs emot" in page
    assert "Integritetsskyddsmyndigheten" in page


def test_the_accessibility_statement_has_what_the_law_requires(client: Client) -> None:
    page = client.get("/om/tillganglighet/").content.decode()

    assert "delvis förenlig med lagen om tillgänglighet till digital offentlig service" in page
    assert "Innehåll som inte är tillgängligt" in page
    assert "Hur vi testat webbplatsen" in page
    assert "granskades senast den 5 december 2026" in page
    assert 'href="https://www.digg.se/tdosanmalan"' in page


def test_the_statements_give_the_contact_address_when_one_is_set(
    client: Client, settings: Any
) -> None:
    settings.RADSLAG_CONTACT_EMAIL = "radslag@example.se"

    for address in ("/om/tillganglighet/", "/om/personuppgifter/"):
        assert 'href="mailto:radslag@example.se"' in client.get(address).content.decode()


def test_without_a_contact_address_the_statements_say_so_and_the_deploy_check_warns(
    client: Client, settings: Any
) -> None:
    settings.RADSLAG_CONTACT_EMAIL = ""

    page = client.get("/om/tillganglighet/").content.decode()
    warnings = [m.id for m in run_checks(include_deployment_checks=True)]

    assert "har ännu ingen kontaktadress inställd" in page
    assert "radslag.W001" in warnings


def test_the_default_operator_is_named_in_the_readers_language(
    client: Client, settings: Any
) -> None:
    settings.RADSLAG_OPERATOR = ""

    swedish = client.get("/om/personuppgifter/").content.decode()
    client.cookies["django_language"] = "en"
    english = client.get("/om/personuppgifter/").content.decode()

    assert "AI Sweden och Sveriges Kommuner och Regioner är personuppgiftsansvarig" in swedish
    assert "personal data in Rådslag is AI Sweden and the Swedish Association of Local" in english


def test_a_configured_operator_is_named_as_written(client: Client, settings: Any) -> None:
    settings.RADSLAG_OPERATOR = "Exempelkommunernas förbund"
    client.cookies["django_language"] = "en"

    assert "Rådslag is run by Exempelkommunernas förbund." in (
        client.get("/om/tillganglighet/").content.decode()
    )


def test_every_page_links_to_both_statements(client: Client) -> None:
    page = client.get("/").content.decode()

    assert 'href="/om/tillganglighet/"' in page
    assert 'href="/om/personuppgifter/"' in page


def test_the_production_servers_access_log_records_no_address_or_browser() -> None:
    for who in ("%(h)s", "%(a)s", "%(f)s", "%({x-forwarded-for}i)s"):
        assert who not in ACCESS_LOG_FORMAT
