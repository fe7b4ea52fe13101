"""Argument checks shared by the decision core.

Every public function of :mod:`radslag.decide` rejects bad input with a ``ValueError`` whose
message names the offending argument, so a caller (a web view, an import) can show it as is.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


def as_float_array(name: str, values: npt.ArrayLike, ndim: int | None = None) -> FloatArray:
    """Return ``values`` as a finite float64 array, or raise ``ValueError`` naming ``name``."""
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name}: expected numbers ({error})") from None
    if ndim is not None and array.ndim != ndim:
        raise ValueError(f"{name}: expected {ndim} dimension(s), got shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name}: contains NaN or infinite values")
    return array


def as_index_array(name: str, values: npt.ArrayLike, n_items: int) -> IntArray:
    """Return ``values`` as int64 item indices in ``[0, n_items)``, or raise ``ValueError``."""
    array = np.asarray(values)
    if array.size and not np.issubdtype(array.dtype, np.integer):
        if np.issubdtype(array.dtype, np.floating) and np.all(np.mod(array, 1) == 0):
            array = array.astype(np.int64)
        else:
            raise ValueError(f"{name}: expected integer item ids, got dtype {array.dtype}")
    array = array.astype(np.int64, copy=False)
    if array.size and (array.min() < 0 or array.max() >= n_items):
        bad = array[(array < 0) | (array >= n_items)][0]
        raise ValueError(f"{name}: unknown item id {int(bad)} (items are 0..{n_items - 1})")
    return array


def require_non_empty(name: str, values: Sequence[object] | npt.NDArray[np.generic]) -> None:
    """Raise ``ValueError`` naming ``name`` when ``values`` is empty."""
    if len(values) == 0:
        raise ValueError(f"{name}: must not be empty")


def require_same_length(names: Sequence[str], *arrays: npt.NDArray[np.generic]) -> None:
    """Raise ``ValueError`` naming the arguments when their first dimensions differ."""
    lengths = [len(array) for array in arrays]
    if len(set(lengths)) > 1:
        described = ", ".join(f"{n}={length}" for n, length in zip(names, lengths, strict=True))
        raise ValueError(f"lengths do not match: {described}")


def require_positive_int(name: str, value: int) -> None:
    """Raise ``ValueError`` naming ``name`` unless ``value`` is an integer above zero."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value <= 0:
        raise ValueError(f"{name}: expected a positive integer, got {value!r}")
