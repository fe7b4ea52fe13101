"""How long the free texts of needs and use cases may be, named once for every way in.

The models' validators hold them, so the forms, the bulk upload and anything else that validates
a model (the API's write side, when it comes) refuse the same texts with the same message. The
limits leave room for what a municipality really writes (a description of about two pages) and
stop a pasted document, which no reader of the register wants and which made pages do work in
proportion to its length.
"""

from __future__ import annotations

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

#: A need's title.
TITLE = 200
#: A use case's title and the names in it (organisation, supplier, product), as long as the
#: European catalogue writes them.
NAME = 300
#: A use case's summary: a sentence or two.
SUMMARY = 300
#: A need's text and a use case's description.
DESCRIPTION = 5000
#: Each of a use case's other free texts: purpose, data, legal basis, oversight, risks, effects.
PARAGRAPH = 2000

#: The most characters of one text that any similarity reads. Every text within the limits
#: fits whole, so it changes nothing for them; it bounds the work on a longer text stored
#: before the limits held.
SIMILARITY_READ = TITLE + DESCRIPTION + 100

TOO_LONG = _("Texten har %(show_value)s tecken men får ha högst %(limit_value)s. Korta den.")


def max_length(limit: int) -> MaxLengthValidator:
    """A model field's validator for ``limit`` characters, with Rådslag's message."""
    return MaxLengthValidator(limit, TOO_LONG)


def bounded(text: str, limit: int = SIMILARITY_READ) -> str:
    """The first ``limit`` characters of ``text``: what a similarity reads of it."""
    return text[:limit]


def use_limit_messages(form: forms.BaseForm) -> None:
    """Give every length-limited field of ``form`` the same message as the model and upload."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and field.max_length is not None:
            field.error_messages["max_length"] = TOO_LONG
