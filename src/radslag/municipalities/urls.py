from django.urls import path

from radslag.municipalities import views

app_name = "municipalities"

urlpatterns = [
    path("", views.municipality_list, name="list"),
    path("lista.csv", views.municipality_list_csv, name="list_csv"),
    path("lista-excel.csv", views.municipality_list_excel, name="list_excel"),
    path("<kommun:code>/", views.municipality_detail, name="detail"),
]
