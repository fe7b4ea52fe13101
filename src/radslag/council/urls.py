from django.urls import path

from radslag.council.views import ballots, participate, results, rounds, scoring

app_name = "council"

urlpatterns = [
    path("", rounds.index, name="index"),
    path("omgangar/ny/", rounds.round_create, name="round_create"),
    path("omgangar/<int:pk>/", rounds.round_detail, name="round"),
    path("omgangar/<int:pk>/status/", rounds.round_status, name="round_status"),
    path("omgangar/<int:pk>/lank/", rounds.link_create, name="link_create"),
    path("omgangar/<int:pk>/alternativ/<int:item_pk>/", rounds.moderate, name="moderate"),
    path("omgangar/<int:pk>/resultat/", results.results, name="results"),
    path("omgangar/<int:pk>/rangordna/", ballots.rank, name="rank"),
    path("omgangar/<int:pk>/kriterier/", scoring.criteria, name="criteria"),
    path("omgangar/<int:pk>/vikta/", scoring.weigh, name="weigh"),
    path("omgangar/<int:pk>/poangsatt/", scoring.score, name="score"),
    path("delta/<str:token>/", participate.participate, name="participate"),
    path("delta/<str:token>/forslag/", participate.propose, name="propose"),
]
