from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin

from radslag.register.models import UseCase

# The stubs make ModelAdmin generic; at run time it is not subscriptable.
if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[UseCase]
else:
    _ModelAdmin = admin.ModelAdmin


@admin.register(UseCase)
class UseCaseAdmin(_ModelAdmin):
    list_display = ["title", "organisation_display", "country", "stage", "risk_class", "status"]
    list_filter = ["status", "source", "stage", "risk_class", "country"]
    search_fields = ["title", "summary", "organisation_name", "source_id"]
    raw_id_fields = ["organisation"]
    filter_horizontal = ["participants"]
    readonly_fields = ["risk_class", "aiact_answers", "created_at", "updated_at"]
