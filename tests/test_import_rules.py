"""The layering in pyproject.toml's [tool.importlinter] holds, and a new arrow against it fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(source: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` over the package found first on the path: ``source``."""
    environment = {**os.environ, "PYTHONPATH": str(source)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=120,
        check=False,
    )


@pytest.fixture
def copied_source(tmp_path: Path) -> Path:
    source = tmp_path / "src"
    shutil.copytree(
        ROOT / "src" / "radslag",
        source / "radslag",
        ignore=shutil.ignore_patterns("__pycache__", "locale", "static", "data", "templates"),
    )
    return source


def test_the_source_keeps_every_import_rule(tmp_path: Path) -> None:
    result = lint_imports(ROOT / "src", tmp_path)

    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "arrow", "rule"),
    [
        # An app below importing one above it.
        ("municipalities/models.py", "radslag.needs.models", "Apps import only downwards"),
        ("decide/validation.py", "django", "The decision core imports neither Django"),
        (
            "council/models.py",
            "radslag.register.views.list",
            "Only the register app and the URLs reach its views",
        ),
        (
            "register/models.py",
            "radslag.demo.use_cases",
            "No product module imports the example-data simulators",
        ),
    ],
)
def test_an_import_against_a_rule_fails_that_rule(
    copied_source: Path, tmp_path: Path, module: str, arrow: str, rule: str
) -> None:
    source = copied_source / "radslag" / module
    source.write_text(source.read_text() + f"\nimport {arrow}  # noqa\n")

    result = lint_imports(copied_source, tmp_path)

    assert result.returncode != 0
    assert rule in result.stdout
    named = module.removesuffix(".py").replace("/", ".")
    assert f"radslag.{named} -> {arrow}" in result.stdout
