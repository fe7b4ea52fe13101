"""The Content-Security-Policy: every page sends it, and no template needs an exception."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

import radslag
from radslag.content_policy import content_security_policy

pytestmark = pytest.mark.django_db

TEMPLATES = sorted(Path(radslag.__file__).parent.rglob("templates/**/*.html"))
# An inline handler or style attribute, or a <script> without a src.
INLINE = re.compile(r"""\sstyle\s*=|\son[a-z]+\s*=\s*["']|<script(?![^>]*\ssrc=)[^>]*>""")


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.mark.parametrize("path", ["/", "/kommuner/", "/karta/", "/behov/", "/konto/logga-in/"])
def test_every_page_forbids_inline_scripts_and_styles_and_framing(
    client: Client, path: str
) -> None:
    policy = directives(client.get(path)["Content-Security-Policy"])

    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in str(policy)


def test_no_template_has_an_inline_script_style_or_event_handler() -> None:
    offenders = [
        f"{template.relative_to(Path(radslag.__file__).parent)}:{number}"
        for template in TEMPLATES
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1)
        if INLINE.search(line)
    ]

    assert offenders == []


def test_forms_may_go_to_the_identity_provider_when_one_is_set_up_and_nowhere_else() -> None:
    with_provider = content_security_policy(["https://login.kil.example/oidc/authorize?x=1"])
    without = content_security_policy([""])

    assert with_provider["DIRECTIVES"]["form-action"] == [  # type: ignore[index]
        "'self'",
        "https://login.kil.example",
    ]
    assert without["DIRECTIVES"]["form-action"] == ["'self'"]  # type: ignore[index]
