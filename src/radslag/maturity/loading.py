"""Loading a version of the maturity model into the database, once and unchanged."""

from __future__ import annotations

from typing import Any

from django.apps import apps as installed_apps
from django.apps.registry import Apps
from django.db import transaction

from radslag.maturity.definitions import ModelDefinition


class ModelVersionConflictError(Exception):
    """A version is already loaded with different content; versions never change."""


@transaction.atomic
def load_definition(definition: ModelDefinition, apps: Apps | None = None) -> Any:
    """Store ``definition`` unless its version is there already; return the stored model.

    ``apps`` is the registry to take the model classes from: a migration passes its
    historical one. Loading a version twice does nothing; loading different content under a
    version already stored raises :class:`ModelVersionConflictError`, because assessments
    answered under it must keep the descriptors they were shown.
    """
    registry = apps or installed_apps
    MaturityModel = registry.get_model("maturity", "MaturityModel")
    Dimension = registry.get_model("maturity", "Dimension")
    Level = registry.get_model("maturity", "Level")
    stored = MaturityModel.objects.filter(version=definition.version).first()
    if stored is not None:
        if _content(stored, Dimension, Level) != _definition_content(definition):
            raise ModelVersionConflictError(
                f"Version {definition.version} of the maturity model is already loaded with "
                "other content; give the changed model a new version."
            )
        return stored
    stored = MaturityModel.objects.create(
        version=definition.version,
        title=definition.title,
        level_names=list(definition.level_names),
    )
    for position, spec in enumerate(definition.dimensions, start=1):
        dimension = Dimension.objects.create(
            model=stored,
            key=spec.key,
            position=position,
            name=spec.name,
            description=spec.description,
        )
        Level.objects.bulk_create(
            Level(dimension=dimension, number=number, descriptor=text)
            for number, text in enumerate(spec.descriptors, start=1)
        )
    return stored


def _definition_content(definition: ModelDefinition) -> tuple[object, ...]:
    return (
        definition.title,
        list(definition.level_names),
        [
            (spec.key, spec.name, spec.description, list(spec.descriptors))
            for spec in definition.dimensions
        ],
    )


def _content(stored: Any, Dimension: Any, Level: Any) -> tuple[object, ...]:
    dimensions = []
    for dimension in Dimension.objects.filter(model=stored).order_by("position"):
        descriptors = list(
            Level.objects.filter(dimension=dimension)
            .order_by("number")
            .values_list("descriptor", flat=True)
        )
        dimensions.append((dimension.key, dimension.name, dimension.description, descriptors))
    return (stored.title, list(stored.level_names), dimensions)
