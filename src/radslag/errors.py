"""The server-error page in the site's layout and the visitor's language.

Django's own handler renders 500.html without the request, so the page would lose the
header's links and language switch. This one renders with the request, and falls back to
plain text if the page itself cannot be rendered, because the error may lie in what every
page renders.
"""

from __future__ import annotations

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render

logger = logging.getLogger(__name__)


def server_error(request: HttpRequest) -> HttpResponse:
    try:
        return render(request, "500.html", status=500)
    except Exception:
        logger.exception("the server-error page could not be rendered")
        return HttpResponseServerError(
            "Något gick fel / Something went wrong", content_type="text/plain; charset=utf-8"
        )
