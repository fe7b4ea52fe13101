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


def test_municipalities_importing_the_needs_app_breaks_the_layering(
    copied_source: Path, tmp_path: Path
) -> None:
    models = copied_source / "radslag" / "municipalities" / "models.py"
    models.write_text(models.read_text() + "\nimport radslag.needs.models  # noqa\n")

    result = lint_imports(copied_source, tmp_path)

    assert result.returncode != 0
    assert "Apps import only downwards" in result.stdout
    assert "radslag.municipalities.models -> radslag.needs.models" in result.stdout


def test_the_decision_core_importing_django_is_refused(copied_source: Path, tmp_path: Path) -> None:
    validation = copied_source / "radslag" / "decide" / "validation.py"
    validation.write_text(validation.read_text() + "\nimport django.db  # noqa\n")

    result = lint_imports(copied_source, tmp_path)

    assert result.returncode != 0
    assert "The decision core imports neither Django" in result.stdout


def test_one_app_importing_another_apps_views_is_refused(
    copied_source: Path, tmp_path: Path
) -> None:
    council = copied_source / "radslag" / "council" / "models.py"
    council.write_text(council.read_text() + "\nimport radslag.register.views.list  # noqa\n")

    result = lint_imports(copied_source, tmp_path)

    assert result.returncode != 0
    assert "Only the register app and the URLs reach its views" in result.stdout


def test_a_product_module_importing_a_simulator_is_refused(
    copied_source: Path, tmp_path: Path
) -> None:
    models = copied_source / "radslag" / "register" / "models.py"
    models.write_text(models.read_text() + "\nimport radslag.demo.use_cases  # noqa\n")

    result = lint_imports(copied_source, tmp_path)

    assert result.returncode != 0
    assert "No product module imports the example-data simulators" in result.stdout
