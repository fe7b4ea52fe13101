from django.urls import path

from radslag.council.views import (
    ballots,
    composition,
    participate,
    representation,
    results,
    rounds,
    scoring,
    seats,
)

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
    path("platser/<int:number>/ledamot/", seats.seat_holder, name="seat_holder"),
    path(
        "representativitet/",
        representation.council_representation,
        name="representation",
    ),
    path("sammansattning/", composition.compositions, name="compositions"),
    path("sammansattning/ny/", composition.composition_create, name="composition_create"),
    path("sammansattning/<int:pk>/", composition.composition_detail, name="composition"),
    path("sammansattning/<int:pk>/dra/", composition.composition_draw, name="composition_draw"),
    path(
        "sammansattning/<int:pk>/spela-upp/",
        composition.composition_replay,
        name="composition_replay",
    ),
    path(
        "sammansattning/<int:pk>/lotteri.json",
        composition.composition_lottery,
        name="composition_lottery",
    ),
    path(
        "sammansattning/<int:pk>/representativitet/",
        representation.panel_representation,
        name="panel_representation",
    ),
]
