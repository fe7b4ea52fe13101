"""The maturity model as versioned data, loaded by a migration."""

from __future__ import annotations

import dataclasses

import pytest

from radslag.maturity.definitions import CURRENT, LEVELS
from radslag.maturity.loading import ModelVersionConflictError, load_definition
from radslag.maturity.models import Dimension, Level, MaturityModel

pytestmark = pytest.mark.django_db

DIMENSIONS = [
    "Strategi och ledning",
    "Styrning, juridik och etik",
    "Data",
    "Teknik och infrastruktur",
    "Kompetens och organisation",
    "Samverkan",
    "Användning och nyttorealisering",
]


def test_the_migration_loads_seven_dimensions_with_five_levels_each() -> None:
    model = MaturityModel.objects.current()

    assert [d.name for d in model.dimension_list()] == DIMENSIONS
    assert all(
        [level.number for level in d.levels.all()] == [1, 2, 3, 4, 5]
        for d in model.dimension_list()
    )
    assert len(model.level_names) == LEVELS


def test_every_descriptor_is_a_full_sentence() -> None:
    descriptors = list(Level.objects.values_list("descriptor", flat=True))

    assert len(descriptors) == 35
    assert all(text[0].isupper() and text.endswith(".") for text in descriptors)
    assert "Kommunen har inget beslut om AI." in descriptors[0]


def test_loading_a_version_again_changes_nothing() -> None:
    before = Level.objects.count()

    assert load_definition(CURRENT).pk == MaturityModel.objects.current().pk
    assert Level.objects.count() == before


def test_it_refuses_other_content_under_a_version_already_loaded() -> None:
    changed = dataclasses.replace(CURRENT, title="Något annat")

    with pytest.raises(ModelVersionConflictError):
        load_definition(changed)


def test_a_new_version_is_stored_beside_the_old() -> None:
    load_definition(dataclasses.replace(CURRENT, version="2099"))

    assert MaturityModel.objects.count() == 2
    assert Dimension.objects.filter(model__version="2099").count() == 7
