from django.urls import path

from radslag.register.views import detail, edit, exports, similar, stats
from radslag.register.views import list as list_views

app_name = "register"

urlpatterns = [
    path("", list_views.use_case_list, name="list"),
    path("ny/", edit.use_case_create, name="create"),
    path("oppna-data/", exports.open_data, name="open_data"),
    path("oppna-data/anvandningsfall.csv", exports.export_csv, name="export_csv"),
    path("oppna-data/anvandningsfall-excel.csv", exports.export_excel_csv, name="export_excel_csv"),
    path("oppna-data/anvandningsfall.json", exports.export_json, name="export_json"),
    path("oppna-data/anvandningsfall.xlsx", exports.export_xlsx, name="export_xlsx"),
    path(
        "oppna-data/algoritmeregister.json",
        exports.export_algoritmeregister,
        name="export_algoritmeregister",
    ),
    path("oppna-data/dcat.rdf", exports.dcat_catalogue, name="dcat"),
    path("statistik/", stats.use_case_statistics, name="statistics"),
    path("liknande/", similar.similar_cases, name="similar"),
    path("inbaddning/", similar.embedding_status, name="embedding"),
    path("inbaddning/starta/", similar.start_embedding, name="start_embedding"),
    path("<int:pk>/", detail.use_case_detail, name="detail"),
    path("<int:pk>/andra/", edit.use_case_edit, name="edit"),
]
