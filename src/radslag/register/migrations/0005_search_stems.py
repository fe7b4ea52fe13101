"""Search by Rådslag's own stems without diacritics, alike on SQLite and PostgreSQL.

Adds the search columns, fills them for every case, and points each engine's index at them:
SQLite's FTS5 table and its triggers are made anew; PostgreSQL's generated tsvector reads the
columns with the 'simple' configuration instead of stemming the texts with its own.
"""

from django.db import migrations, models

from radslag.decide.text.normalisation import search_stems

BODY_FIELDS = ("description", "goal", "organisation_name", "supplier", "product", "keywords")

SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS register_usecase_fts_insert",
    "DROP TRIGGER IF EXISTS register_usecase_fts_update",
    "DROP TRIGGER IF EXISTS register_usecase_fts_delete",
    "DROP TABLE IF EXISTS register_usecase_fts",
    """
    CREATE VIRTUAL TABLE register_usecase_fts USING fts5(
        title, summary, body, tokenize = 'unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER register_usecase_fts_insert AFTER INSERT ON register_usecase
    BEGIN
        INSERT INTO register_usecase_fts (rowid, title, summary, body)
        VALUES (new.id, new.search_title, new.search_summary, new.search_body);
    END
    """,
    """
    CREATE TRIGGER register_usecase_fts_update AFTER UPDATE ON register_usecase
    BEGIN
        DELETE FROM register_usecase_fts WHERE rowid = old.id;
        INSERT INTO register_usecase_fts (rowid, title, summary, body)
        VALUES (new.id, new.search_title, new.search_summary, new.search_body);
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
    SELECT id, search_title, search_summary, search_body FROM register_usecase
    """,
]

POSTGRESQL_FORWARD = [
    "DROP INDEX IF EXISTS register_usecase_search_gin",
    "ALTER TABLE register_usecase DROP COLUMN IF EXISTS search_vector",
    """
    ALTER TABLE register_usecase ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(search_title, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(search_summary, '')), 'B')
        || setweight(to_tsvector('simple'::regconfig, coalesce(search_body, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX register_usecase_search_gin ON register_usecase USING gin (search_vector)",
]


def fill_search_columns(apps, schema_editor):
    UseCase = apps.get_model("register", "UseCase")
    cases = list(UseCase.objects.all())
    for case in cases:
        body = " ".join(str(getattr(case, name) or "") for name in BODY_FIELDS)
        case.search_title = " ".join(search_stems(case.title or ""))
        case.search_summary = " ".join(search_stems(case.summary or ""))
        case.search_body = " ".join(search_stems(body))
    UseCase.objects.bulk_update(
        cases, ["search_title", "search_summary", "search_body"], batch_size=500
    )


class VendorSQL(migrations.RunSQL):
    """RunSQL that runs only on one database engine."""

    def __init__(self, vendor, sql):
        super().__init__(sql, migrations.RunSQL.noop)
        self.vendor = vendor

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


class Migration(migrations.Migration):
    dependencies = [("register", "0004_use_case_text_length_limits")]

    operations = [
        migrations.AddField(
            model_name="usecase",
            name="search_title",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="usecase",
            name="search_summary",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="usecase",
            name="search_body",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_search_columns, migrations.RunPython.noop),
        VendorSQL("sqlite", SQLITE_FORWARD),
        VendorSQL("postgresql", POSTGRESQL_FORWARD),
    ]
