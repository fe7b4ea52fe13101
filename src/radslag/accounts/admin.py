from django.contrib import admin

from radslag.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ["person", "role", "municipality", "created_at"]
    list_filter = ["role"]
    search_fields = ["person__username", "person__email", "municipality__name"]
    raw_id_fields = ["person", "municipality"]
