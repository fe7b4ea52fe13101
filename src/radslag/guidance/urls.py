from django.urls import path

from radslag.guidance.views import next_steps

app_name = "guidance"

urlpatterns = [
    path("<kommun:code>/nasta-steg/", next_steps.page, name="next_steps"),
]
