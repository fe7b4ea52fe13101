"""Full-text search over use cases, with each database engine's own index behind one function.

Both engines index the same words: each case's texts stemmed by Rådslag's Swedish stemmer and
stripped of diacritics (``UseCase.search_*``,
:func:`radslag.decide.text.normalisation.search_stems`), the
form the needs search uses too. SQLite: an FTS5 table ``register_usecase_fts`` kept up to date
by triggers, ranked by BM25. PostgreSQL: a generated ``tsvector`` column ``search_vector``
with the 'simple' configuration (which only lower-cases) and a GIN index, ranked by
``ts_rank``. Created by migration 0005.

A query is stemmed and folded the same way, and every stem matches as a prefix, which also
catches compounds' heads: "äldreomsorgen", "aldreomsorg" and "äldreomsorgens" all find
"äldreomsorg".
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

from radslag.decide.text.normalisation import search_stems

# Title, summary and body weigh in that order; the same weights on both engines.
TITLE_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT = 10.0, 4.0, 1.0
MAX_TERMS = 32
# A stem this long or longer also matches as a prefix, which catches compounds' heads
# ("äldreomsorg" in "äldreomsorgsnämnden"); a shorter one would match unrelated words
# ("frag", the stem of "frågor", in "fragmented").
PREFIX_LENGTH = 5

_WORD = re.compile(r"\w+")

# Words that carry no topic. They are dropped from "any word" queries, where they would
# match nearly every case; an "all words" query keeps what the user typed.
_STOP_WORD_TEXT = """
    och att det som en ett den med för till av på är var har inte kan ska från om hur vad vi
    de du han hon man sig så men eller när där här också även alla andra mer genom efter
    under vid utan mot samt dess deras vår våra sin sina
    the and for with from that this are was were has have been not can will into about its
    their our which what how who when where also more than such other any all use used using
"""
_STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())

SQLITE_TRIGGERS = (
    """
    CREATE TRIGGER IF NOT EXISTS register_usecase_fts_insert AFTER INSERT ON register_usecase
    BEGIN
        INSERT INTO register_usecase_fts (rowid, title, summary, body)
        VALUES (new.id, new.search_title, new.search_summary, new.search_body);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS register_usecase_fts_update AFTER UPDATE ON register_usecase
    BEGIN
        DELETE FROM register_usecase_fts WHERE rowid = old.id;
        INSERT INTO register_usecase_fts (rowid, title, summary, body)
        VALUES (new.id, new.search_title, new.search_summary, new.search_body);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS register_usecase_fts_delete AFTER DELETE ON register_usecase
    BEGIN
        DELETE FROM register_usecase_fts WHERE rowid = old.id;
    END
    """,
)

SQLITE_REBUILD = (
    "DELETE FROM register_usecase_fts",
    """
    INSERT INTO register_usecase_fts (rowid, title, summary, body)
    SELECT id, search_title, search_summary, search_body FROM register_usecase
    """,
)


class Match(StrEnum):
    ALL = "all"  # every word, for the search box
    ANY = "any"  # any word, ranked, for "more like this text"


def terms(text: str, match: Match = Match.ALL) -> list[str]:
    """The stems of a query as the index holds them (stemmed, no diacritics), each once."""
    words = [word.strip("_") for word in _WORD.findall(text.lower())]
    if match == Match.ANY:
        words = [word for word in words if len(word) >= 3 and word not in _STOP_WORDS]
    seen = dict.fromkeys(stem for stem in search_stems(" ".join(words)) if stem)
    return list(seen)[:MAX_TERMS]


def ranked_ids(
    text: str, match: Match = Match.ALL, limit: int | None = None, using: str = "default"
) -> list[int]:
    """Ids of the use cases matching ``text``, best first; empty for a text with no words."""
    words = terms(text, match)
    if not words:
        return []
    connection = connections[using]
    if connection.vendor == "postgresql":
        return _postgresql(connection, words, match, limit)
    if connection.vendor == "sqlite":
        return _sqlite(connection, words, match, limit)
    raise NotImplementedError(f"full-text search is not implemented for {connection.vendor}")


def _sqlite(
    connection: BaseDatabaseWrapper, words: list[str], match: Match, limit: int | None
) -> list[int]:
    # A quoted term is a literal to FTS5, so no user input is read as query syntax.
    joiner = " AND " if match == Match.ALL else " OR "
    expression = joiner.join(
        f'"{word}"*' if len(word) >= PREFIX_LENGTH else f'"{word}"' for word in words
    )
    sql = (
        "SELECT rowid FROM register_usecase_fts WHERE register_usecase_fts MATCH %s "
        f"ORDER BY bm25(register_usecase_fts, {TITLE_WEIGHT}, {SUMMARY_WEIGHT}, {BODY_WEIGHT}), "
        "rowid"
    )
    params: list[Any] = [expression]
    if limit is not None:
        sql += " LIMIT %s"
        params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _postgresql(
    connection: BaseDatabaseWrapper, words: list[str], match: Match, limit: int | None
) -> list[int]:
    # Stems are letters and digits only, so quoting each as a tsquery lexeme is safe; ":*"
    # makes it a prefix. The 'simple' configuration only lower-cases: the stemming is ours.
    joiner = " & " if match == Match.ALL else " | "
    expression = joiner.join(
        f"'{word}':*" if len(word) >= PREFIX_LENGTH else f"'{word}'" for word in words
    )
    # ts_rank's weights run D, C, B, A; title is A, summary B, body C.
    weights = f"'{{0, {BODY_WEIGHT / TITLE_WEIGHT}, {SUMMARY_WEIGHT / TITLE_WEIGHT}, 1}}'"
    sql = (
        "SELECT id FROM register_usecase, to_tsquery('simple', %s) AS query "
        "WHERE search_vector @@ query "
        f"ORDER BY ts_rank({weights}::float4[], search_vector, query) DESC, id"
    )
    params: list[Any] = [expression]
    if limit is not None:
        sql += " LIMIT %s"
        params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def ensure_index(using: str = "default") -> bool:
    """Restore SQLite's triggers if a later migration rebuilt the table without them.

    Django alters a SQLite table by copying it to a new one, which drops its triggers; this
    runs after every ``migrate`` and rebuilds the index when a trigger was missing. Returns
    whether it had to. PostgreSQL's generated column survives such changes and needs nothing.
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            ["register_usecase_fts_%"],
        )
        if cursor.fetchone()[0] == len(SQLITE_TRIGGERS):
            return False
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'register_usecase_fts'")
        if cursor.fetchone()[0] == 0:
            return False  # migration 0002 has not run yet
        for statement in (*SQLITE_TRIGGERS, *SQLITE_REBUILD):
            cursor.execute(statement)
    return True
