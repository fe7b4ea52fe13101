from django.urls import path

from radslag.needs.views import detail, submit, themes, upload
from radslag.needs.views import list as list_views

app_name = "needs"

urlpatterns = [
    path("", list_views.need_list, name="list"),
    path("nytt/", submit.need_create, name="create"),
    path("liknande/", submit.similar_check, name="similar_check"),
    path("ladda-upp/", upload.upload, name="upload"),
    path("mall.xlsx", upload.template_xlsx, name="template_xlsx"),
    path("mall.csv", upload.template_csv, name="template_csv"),
    path("dubbletter/", detail.duplicate_review, name="duplicates"),
    path("teman/", themes.theme_list, name="themes"),
    path("teman/berakna/", themes.recompute, name="recompute_themes"),
    path("teman/<int:pk>/", themes.theme_detail, name="theme"),
    path("teman/<int:pk>/namn/", themes.rename, name="rename_theme"),
    path("<int:pk>/", detail.need_detail, name="detail"),
    path("<int:pk>/stod/", detail.support, name="support"),
    path("<int:pk>/sla-ihop/", detail.merge_view, name="merge"),
    path("sammanslagningar/<int:pk>/angra/", detail.undo_merge, name="undo_merge"),
]
