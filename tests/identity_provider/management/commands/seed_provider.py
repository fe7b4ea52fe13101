"""Sets up the test provider: a signing key, Rådslag as a client, and the people of
PROVIDER_PEOPLE with their passwords."""

from typing import Any

from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from oidc_provider.models import Client, ResponseType

from tests.identity_provider.claims import people


class Command(BaseCommand):
    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--client-id", required=True)
        parser.add_argument("--client-secret", required=True)
        parser.add_argument("--redirect-uri", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("creatersakey")
        client = Client.objects.create(
            name="Rådslag",
            client_type="confidential",
            client_id=options["client_id"],
            client_secret=options["client_secret"],
            jwt_alg="RS256",
            redirect_uris=[options["redirect_uri"]],
            require_consent=False,
        )
        client.response_types.add(ResponseType.objects.get(value="code"))
        for username, person in people().items():
            User.objects.create_user(username, person.get("email", ""), person["password"])
