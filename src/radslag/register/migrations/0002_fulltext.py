"""Full-text search of use cases with each engine's own index (see radslag/register/search.py).

SQLite: an FTS5 table filled and kept current by triggers. PostgreSQL: a generated tsvector
column with the Swedish configuration and a GIN index. Django rebuilds a SQLite table when a
later migration alters it, which drops triggers; search.ensure_index restores them after
every migrate.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE register_usecase_fts USING fts5(
        title, summary, body, tokenize = 'unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER register_usecase_fts_insert AFTER INSERT ON register_usecase
    BEGIN
        INSERT INTO register_usecase_fts (rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary,
                new.description || ' ' || new.goal || ' ' || new.organisation_name || ' '
                || new.supplier || ' ' || new.product || ' ' || new.keywords);
    END
    """,
    """
    CREATE TRIGGER register_usecase_fts_update AFTER UPDATE ON register_usecase
    BEGIN
        DELETE FROM register_usecase_fts WHERE rowid = old.id;
        INSERT INTO register_usecase_fts (rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary,
                new.description || ' ' || new.goal || ' ' || new.organisation_name || ' '
                || new.supplier || ' ' || new.product || ' ' || new.keywords);
    END
    """,
    """
    CREATE TRIGGER register_usecase_fts_delete AFTER DELETE ON register_usecase
    BEGIN
        DELETE FROM register_usecase_fts WHERE rowid = old.id;
    END
    """,
    """
    INSERT INTO register_usecase_fts (rowid, title, summary, body)
    SELECT id, title, summary,
           description || ' ' || goal || ' ' || organisation_name || ' ' || supplier || ' '
           || product || ' ' || keywords
    FROM register_usecase
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS register_usecase_fts_insert",
    "DROP TRIGGER IF EXISTS register_usecase_fts_update",
    "DROP TRIGGER IF EXISTS register_usecase_fts_delete",
    "DROP TABLE IF EXISTS register_usecase_fts",
]

POSTGRESQL_FORWARD = [
    """
    ALTER TABLE register_usecase ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('swedish'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('swedish'::regconfig, coalesce(summary, '')), 'B')
        || setweight(to_tsvector('swedish'::regconfig,
               coalesce(description, '') || ' ' || coalesce(goal, '') || ' '
               || coalesce(organisation_name, '') || ' ' || coalesce(supplier, '') || ' '
               || coalesce(product, '') || ' ' || coalesce(keywords, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX register_usecase_search_gin ON register_usecase USING gin (search_vector)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS register_usecase_search_gin",
    "ALTER TABLE register_usecase DROP COLUMN IF EXISTS search_vector",
]


class VendorSQL(migrations.RunSQL):
    """RunSQL that runs only on one database engine."""

    def __init__(self, vendor, sql, reverse_sql):
        super().__init__(sql, reverse_sql)
        self.vendor = vendor

    def deconstruct(self):
        return (self.__class__.__name__, [self.vendor, self.sql, self.reverse_sql], {})

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("register", "0001_initial")]

    operations = [
        VendorSQL("sqlite", SQLITE_FORWARD, SQLITE_BACKWARD),
        VendorSQL("postgresql", POSTGRESQL_FORWARD, POSTGRESQL_BACKWARD),
    ]
