from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from radslag.accounts.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from radslag.accounts.models import Membership


class Command(BaseCommand):
    help = (
        "Create the demonstration's accounts, one per role, with the password shown on the "
        "login page. Only with RADSLAG_DEMO=1; running it again resets their passwords."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO:
            raise CommandError(
                "demo-accounts creates accounts with a published password and runs only "
                "with RADSLAG_DEMO=1."
            )
        user_model = get_user_model()
        with transaction.atomic():
            for account in DEMO_ACCOUNTS:
                first, _space, last = account.full_name.partition(" ")
                user, _created = user_model.objects.update_or_create(
                    username=account.username,
                    defaults={
                        "first_name": first,
                        "last_name": last,
                        "is_staff": account.is_staff,
                        "is_active": True,
                    },
                )
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
                Membership.objects.get_or_create(
                    person=user, role=account.role, municipality_id=account.municipality
                )
        names = ", ".join(account.username for account in DEMO_ACCOUNTS)
        self.stdout.write(f"Demo accounts ready: {names} (password {DEMO_PASSWORD}).")
