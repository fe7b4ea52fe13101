"""The candidate pool of a council selection: candidates and their categorical features.

Its own module so that the selection and its audit both use it without importing each other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from radslag.decide.validation import IntArray


@dataclass(frozen=True, eq=False)
class Pool:
    """Candidates and their categorical features.

    Attributes
    ----------
    features : tuple of str
        Feature names, e.g. ``("size", "region")``.
    values : tuple of tuple of str
        The values each feature can take, in display order.
    codes : IntArray, shape (n_candidates, n_features)
        ``codes[i, f]`` indexes ``values[f]``: the value of feature ``f`` for candidate ``i``.
    """

    features: tuple[str, ...]
    values: tuple[tuple[str, ...], ...]
    codes: IntArray

    def __post_init__(self) -> None:
        if len(self.features) != len(self.values) or len(set(self.features)) != len(self.features):
            raise ValueError("pool: features must be distinct and each have a list of values")
        if self.codes.ndim != 2 or self.codes.shape[1] != len(self.features):
            raise ValueError(
                f"pool: codes must have one column per feature, got {self.codes.shape}"
            )
        for f, feature in enumerate(self.features):
            column = self.codes[:, f]
            if len(column) and (column.min() < 0 or column.max() >= len(self.values[f])):
                raise ValueError(f"pool: feature {feature!r} has codes outside its values")

    @classmethod
    def from_columns(
        cls,
        columns: Mapping[str, Sequence[str]],
        values: Mapping[str, Sequence[str]] | None = None,
    ) -> Pool:
        """Build a pool from one sequence of labels per feature.

        ``values`` may fix the order of a feature's values (and list values no candidate has);
        otherwise they are sorted. A label outside a given ``values`` raises ``ValueError``.
        """
        if not columns:
            raise ValueError("pool: at least one feature is needed")
        lengths = {name: len(labels) for name, labels in columns.items()}
        if len(set(lengths.values())) > 1:
            raise ValueError(f"pool: features have different lengths {lengths}")
        given = values or {}
        all_values, codes = [], []
        for name, labels in columns.items():
            known = tuple(given.get(name, sorted({str(label) for label in labels})))
            index = {value: code for code, value in enumerate(known)}
            unknown = sorted({str(label) for label in labels} - set(index))
            if unknown:
                raise ValueError(f"pool: unknown value(s) {unknown} of feature {name!r}")
            all_values.append(known)
            codes.append([index[str(label)] for label in labels])
        matrix = np.array(codes, dtype=np.int64).T.reshape(-1, len(columns))
        return cls(tuple(columns), tuple(all_values), matrix)

    @property
    def n_candidates(self) -> int:
        """Number of candidates."""
        return len(self.codes)

    def value_counts(self, feature: str) -> IntArray:
        """Candidates with each value of ``feature``, in the order of ``values``."""
        f = self.feature_index(feature)
        return np.bincount(self.codes[:, f], minlength=len(self.values[f])).astype(np.int64)

    def feature_index(self, feature: str) -> int:
        """Column of ``feature``, or ``ValueError`` naming the known features."""
        if feature not in self.features:
            raise ValueError(
                f"unknown feature {feature!r} (pool features: {', '.join(self.features)})"
            )
        return self.features.index(feature)
