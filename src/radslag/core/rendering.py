"""How every form field looks: one template, reached through Django's form renderer.

Templates write ``{{ field.as_field_group }}`` (or ``{% for field in form %}``) and the renderer
chooses ``core/field.html``, so no page includes a partial per field and no app reaches into
another app's templates to draw a form.
"""

from __future__ import annotations

from django.forms.renderers import TemplatesSetting


class FieldGroupRenderer(TemplatesSetting):
    """Django's renderer over the project's template engine, with Rådslag's field template."""

    field_template_name = "core/field.html"
