"""A tiny deterministic stand-in for the multilingual embedding model.

Words are translated through a small dictionary, so that "chattbot" and "chatbot" meet as the
real model would make them meet, then hashed into a normalised bag-of-words vector. It is
instant and exact, which makes tests independent of the model's timing and numbers.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

DIMENSIONS = 384
SYNONYMS = {
    "chattbot": "chatbot",
    "chattbotar": "chatbot",
    "invånare": "citizens",
    "frågor": "questions",
    "snöröjning": "snow",
    "snow": "snow",
    "schemaläggning": "scheduling",
    "hemtjänst": "homecare",
    "home": "homecare",
    "care": "homecare",
}


def _bucket(word: str) -> int:
    return int(hashlib.sha256(word.encode()).hexdigest()[:8], 16) % DIMENSIONS


class FakeEncoder:
    model_version = "fake-bag-of-words-1"
    dimensions = DIMENSIONS

    def __init__(self) -> None:
        self.calls = 0

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(DIMENSIONS, dtype=np.float32)
        for word in re.findall(r"\w+", text.lower()):
            vector[_bucket(SYNONYMS.get(word, word))] += 1.0
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += len(texts)
        return (
            np.stack([self._vector(text) for text in texts])
            if texts
            else np.zeros((0, DIMENSIONS), dtype=np.float32)
        )

    def query(self, text: str) -> np.ndarray:
        self.calls += 1
        return self._vector(text)


class OtherFakeEncoder(FakeEncoder):
    """The same, under another model version: a new model starts its own cache."""

    model_version = "fake-bag-of-words-2"


class RecordingEncoder(FakeEncoder):
    """The same, noting how many characters it is given to read each time."""

    model_version = "fake-bag-of-words-recording"

    def __init__(self) -> None:
        super().__init__()
        self.read: list[int] = []

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        self.read.extend(len(text) for text in texts)
        return super().passages(texts)

    def query(self, text: str) -> np.ndarray:
        self.read.append(len(text))
        return super().query(text)
