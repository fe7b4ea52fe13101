"""Who the provider's people are, read from the JSON file the test writes (PROVIDER_PEOPLE):
user name to e-mail, names and, for staff of an organisation, their orgAffiliation."""

import json
import os
from typing import Any

ORG_SCOPE = "https://id.oidc.se/scope/naturalPersonOrgId"
ORG_AFFILIATION_CLAIM = "https://id.oidc.se/claim/orgAffiliation"


def people() -> dict[str, dict[str, Any]]:
    with open(os.environ["PROVIDER_PEOPLE"], encoding="utf-8") as file:
        return dict(json.load(file))


def userinfo(claims: dict[str, Any], user: Any) -> dict[str, Any]:
    person = people().get(user.username, {})
    claims["email"] = person.get("email", "")
    claims["given_name"] = person.get("given_name", "")
    claims["family_name"] = person.get("family_name", "")
    return claims


def add_organisation(id_token: dict[str, Any], user: Any, token: Any, **kwargs: Any) -> Any:
    affiliation = people().get(user.username, {}).get("affiliation")
    if affiliation and ORG_SCOPE in token.scope:
        id_token[ORG_AFFILIATION_CLAIM] = affiliation
    return id_token
