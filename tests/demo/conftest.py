"""The simulators' tests use the fixtures of the apps whose records they make: the register's
slice of the real PSTW catalogue and fake encoder, the maturity and needs apps' makers."""

from tests.maturity.conftest import assess
from tests.needs.conftest import fresh_index, make_need
from tests.register.conftest import django_db_setup, encoder, make_case

__all__ = ["assess", "django_db_setup", "encoder", "fresh_index", "make_case", "make_need"]
