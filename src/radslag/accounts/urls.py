from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from radslag.accounts.views import invitations, oidc, personal_data, session, tokens

app_name = "accounts"

urlpatterns = [
    path("logga-in/", session.login, name="login"),
    path("logga-ut/", session.logout, name="logout"),
    path("oidc/", oidc.start, name="oidc_start"),
    path("oidc/tillbaka/", oidc.callback, name="oidc_callback"),
    path("personer/", personal_data.people, name="people"),
    path("personer/<int:pk>/", personal_data.person, name="person"),
    path("personer/<int:pk>/uppgifter.json", personal_data.person_export, name="person_export"),
    path("personer/<int:pk>/radera/", personal_data.person_erase, name="person_erase"),
    path("mina-uppgifter.json", personal_data.own_export, name="own_export"),
    path("api-nycklar/", tokens.token_list, name="tokens"),
    path("api-nycklar/<int:pk>/aterkalla/", tokens.token_revoke, name="token_revoke"),
    path("inbjudningar/", invitations.invitation_list, name="invitations"),
    path("inbjudningar/<int:pk>/aterkalla/", invitations.withdraw, name="withdraw_invitation"),
    path("inbjudan/<str:token>/", invitations.accept, name="accept_invitation"),
    path(
        "losenord/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset_form.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "losenord/skickat/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "losenord/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "losenord/klart/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
