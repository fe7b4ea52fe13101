"""The ``radslag`` command: Django's management commands with Rådslag's settings preset."""

from __future__ import annotations

import os
import sys

# `import` cannot name a Python module, so the pair is spelt export_data/import_data inside.
COMMAND_ALIASES = {"export": "export_data", "import": "import_data"}


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

    if len(args) > 1 and args[1].startswith("demo_"):
        django.setup()
        from radslag.accounts.audit import acting_as, summarised

        command = "radslag " + " ".join(args[1:]).replace("_", "-", 1)
        with acting_as(None, command), summarised("exempeldata", f"{command}: exempeldata ersatt"):
            execute_from_command_line(args)
        return
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
