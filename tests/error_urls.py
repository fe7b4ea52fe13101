"""Rådslag's addresses plus two that fail on purpose, for the tests of the error pages."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import path

from radslag.urls import handler500, urlpatterns

__all__ = ["handler500", "urlpatterns"]


def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a fault on purpose")


urlpatterns = [
    *urlpatterns,
    path("test-forbjuden/", forbidden),
    path("test-trasig/", broken),
]
