from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from radslag.accounts.personal_data import apply_retention


class Command(BaseCommand):
    help = (
        "Delete finished invitations, login records and expired sessions older than the "
        "retention settings (RADSLAG_INVITATION_RETENTION_DAYS, "
        "RADSLAG_LOGIN_RECORD_RETENTION_DAYS); run it daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        done = apply_retention()
        self.stdout.write(
            f"Deleted {done.invitations} invitations, {done.login_records} login records and "
            f"{done.sessions} expired sessions."
        )
