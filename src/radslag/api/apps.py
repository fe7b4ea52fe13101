from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "radslag.api"
    verbose_name = "API"
