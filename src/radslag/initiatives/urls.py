from django.urls import path

from radslag.initiatives.views import assumptions, budget, initiatives, recommendations

app_name = "initiatives"

urlpatterns = [
    path("initiativ/", initiatives.initiative_list, name="list"),
    path("initiativ/nytt/", initiatives.initiative_form, name="create"),
    path("initiativ/<int:pk>/", initiatives.initiative_detail, name="detail"),
    path("initiativ/<int:pk>/andra/", initiatives.initiative_form, name="edit"),
    path("initiativ/<int:pk>/intresse/", initiatives.declare_interest, name="interest"),
    path("initiativ/<int:pk>/delmal/", initiatives.add_milestone, name="milestone"),
    path("initiativ/antaganden/", assumptions.assumptions_page, name="assumptions"),
    path(
        "initiativ/antaganden/version/<int:version>/",
        assumptions.assumptions_page,
        name="assumptions_version",
    ),
    path("initiativ/antaganden/andra/", assumptions.edit_assumptions, name="edit_assumptions"),
    path("initiativ/budget/ny/", budget.create_round, name="budget_create"),
    path("initiativ/budget/<int:pk>/", budget.budget_round, name="budget"),
    path("initiativ/budget/<int:pk>/godkann/", budget.approve, name="approve"),
    path("initiativ/budget/<int:pk>/stang/", budget.close_round, name="budget_close"),
    path("rekommendationer/", recommendations.national_recommendations, name="recommendations"),
]
