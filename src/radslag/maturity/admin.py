from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.http import HttpRequest

from radslag.maturity.models import Answer, Assessment, MaturityModel, Reopening

# The stubs make the admin classes generic; at run time they are not subscriptable.
if TYPE_CHECKING:
    _AnswerInline = admin.TabularInline[Answer, Assessment]
    _ReopeningInline = admin.TabularInline[Reopening, Assessment]
    _AssessmentAdmin = admin.ModelAdmin[Assessment]
    _MaturityModelAdmin = admin.ModelAdmin[MaturityModel]
else:
    _AnswerInline = _ReopeningInline = admin.TabularInline
    _AssessmentAdmin = _MaturityModelAdmin = admin.ModelAdmin


ANSWER_FIELDS = ("dimension", "level", "comment")
REOPENING_FIELDS = ("reopened_at", "reopened_by", "reason", "submitted_at", "submitted_by")


class AnswerInline(_AnswerInline):
    model = Answer
    extra = 0
    fields = ANSWER_FIELDS

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        # For an inline, obj is the assessment being edited. Submitted answers change only
        # after a recorded reopening (the "Öppna igen" form).
        if isinstance(obj, Assessment) and obj.is_submitted:
            return ANSWER_FIELDS
        return ()


class ReopeningInline(_ReopeningInline):
    model = Reopening
    extra = 0
    fields = REOPENING_FIELDS
    readonly_fields = REOPENING_FIELDS
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Assessment)
class AssessmentAdmin(_AssessmentAdmin):
    list_display = ["municipality", "year", "status", "is_example", "model"]
    list_filter = ["year", "status", "is_example"]
    search_fields = ["municipality__name", "municipality__code"]
    # Reopening goes through its form, which records who, when and why.
    readonly_fields = ("status", "submitted_at", "submitted_by")
    inlines = [AnswerInline, ReopeningInline]


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
