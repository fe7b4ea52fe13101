from django.urls import path

from radslag.municipalities import views

app_name = "municipalities"

urlpatterns = [
    path("", views.municipality_list, name="list"),
    path("lista.csv", views.municipality_list_csv, name="list_csv"),
    path("<str:code>/", views.municipality_detail, name="detail"),
]
