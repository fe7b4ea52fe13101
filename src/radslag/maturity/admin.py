from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.http import HttpRequest

from radslag.maturity.models import Answer, Assessment, MaturityModel

# The stubs make the admin classes generic; at run time they are not subscriptable.
if TYPE_CHECKING:
    _AnswerInline = admin.TabularInline[Answer, Assessment]
    _AssessmentAdmin = admin.ModelAdmin[Assessment]
    _MaturityModelAdmin = admin.ModelAdmin[MaturityModel]
else:
    _AnswerInline = admin.TabularInline
    _AssessmentAdmin = _MaturityModelAdmin = admin.ModelAdmin


class AnswerInline(_AnswerInline):
    model = Answer
    extra = 0
    fields = ["dimension", "level", "comment"]


@admin.register(Assessment)
class AssessmentAdmin(_AssessmentAdmin):
    list_display = ["municipality", "year", "status", "is_example", "model"]
    list_filter = ["year", "status", "is_example"]
    search_fields = ["municipality__name", "municipality__code"]
    inlines = [AnswerInline]


@admin.register(MaturityModel)
class MaturityModelAdmin(_MaturityModelAdmin):
    # Versions are loaded from radslag/maturity/definitions.py and never edited here.
    list_display = ["version", "title", "loaded_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
