"""The decision core must stay usable without Django."""

import subprocess
import sys
import textwrap


def test_it_imports_every_decide_module_with_django_blocked() -> None:
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys

        class BlockDjango:
            def find_spec(self, name, path=None, target=None):
                if name == "django" or name.startswith("django."):
                    raise ImportError("Django is blocked in this test")
                return None

        sys.meta_path.insert(0, BlockDjango())
        import radslag.decide as decide
        for info in pkgutil.iter_modules(decide.__path__):
            importlib.import_module(f"radslag.decide.{info.name}")
        assert not any(name.startswith("django") for name in sys.modules)
        print("ok")
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "ok"
