from django.urls import path

from radslag.municipalities import map_views

app_name = "maps"

urlpatterns = [
    path("", map_views.choropleth, name="choropleth"),
]
