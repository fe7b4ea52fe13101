"""The Content-Security-Policy Rådslag sends (through django-csp): only its own scripts,
styles, images and fonts, no inline script or style, no frames, no plugins.

A page's forms may post only to Rådslag itself, and to the identity provider when signing in
through one is set up: browsers apply form-action to the redirect that follows a form, and the
sign-in form's answer is a redirect to the provider.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from csp.constants import NONE, SELF


def origin(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(form_targets: list[str]) -> dict[str, object]:
    """django-csp's setting, with the origins of ``form_targets`` allowed as form targets."""
    targets = sorted({o for o in map(origin, form_targets) if o})
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF],
            # The map and charts are inline SVG; data: URLs are Django admin's icons.
            "img-src": [SELF, "data:"],
            "font-src": [SELF],
            "connect-src": [SELF],
            "object-src": [NONE],
            "base-uri": [SELF],
            "frame-ancestors": [NONE],
            "form-action": [SELF, *targets],
        }
    }
