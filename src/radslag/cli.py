"""The ``radslag`` command: Django's management commands with Rådslag's settings preset."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

# `import` cannot name a Python module, so the pair is spelt export_data/import_data inside.
COMMAND_ALIASES = {"export": "export_data", "import": "import_data"}
# Imports of reference data write thousands of rows; the audit log records each run as one
# entry saying what was imported, by which command, instead of one entry per row.
IMPORT_COMMANDS = {
    "load_reference",
    "import_pstw",
    "import_kolada",
    "import_kommungrupp",
    "import_organisation_numbers",
}


def main(argv: list[str] | None = None) -> None:
    """Run a management command (``radslag load-reference`` runs ``load_reference``), or
    ``radslag serve``, the production server."""
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "radslag.settings")
    if args[1:2] == ["serve"]:
        from radslag.serve import serve

        serve(args[2:])
        return
    # Commands are spelt with hyphens on the command line, as is usual for CLIs, but Django
    # looks them up by module name.
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = COMMAND_ALIASES.get(args[1], args[1].replace("-", "_"))
    args[0] = "radslag"
    import django
    from django.core.management import execute_from_command_line

    if len(args) > 1 and (args[1].startswith("demo_") or args[1] in IMPORT_COMMANDS):
        django.setup()
    with recorded(args):
        execute_from_command_line(args)


def recorded(args: list[str]) -> AbstractContextManager[None]:
    """For a command that writes in bulk, one audit entry for its whole run, in its name."""
    if len(args) < 2 or not (args[1].startswith("demo_") or args[1] in IMPORT_COMMANDS):
        return nullcontext()
    return _summarised_run(args)


@contextmanager
def _summarised_run(args: list[str]) -> Iterator[None]:
    from radslag.accounts.audit import acting_as, summarised

    command = " ".join(["radslag", args[1].replace("_", "-"), *args[2:]])
    label, note = (
        ("exempeldata", f"{command}: exempeldata ersatt")
        if args[1].startswith("demo_")
        else ("import", f"{command}: referensdata importerade")
    )
    with acting_as(None, command), summarised(label, note):
        yield


if __name__ == "__main__":
    main()
