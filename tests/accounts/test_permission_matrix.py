"""Who may reach what: every URL of the site, for a visitor and each role, with the status
each one gets. A URL added without its row here fails the completeness test, so no page can
arrive without someone deciding who may use it. The API's operations have their own matrix.

Roles: a visitor (anonymous), a convener (samordnare), a council member (ledamot), the
representative of the municipality that owns the objects (Kil, egen), the representative of
another (Mora, annan) and an employee of the owning municipality (medarbetare).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from radslag.accounts import invitations, tokens
from radslag.accounts.models import Role
from radslag.council import scoring, survey
from radslag.council.composition_models import Composition
from radslag.council.models import Item, Round
from radslag.initiatives.models import BudgetRound, Initiative
from radslag.maturity.models import Assessment, MaturityModel
from radslag.municipalities.models import Municipality
from radslag.needs.models import Merge, Need, Theme
from radslag.needs.support import merge
from radslag.register.models import UseCase
from tests.people import convener, council_member, employee, representative

pytestmark = pytest.mark.django_db

ROLES = ("anonym", "samordnare", "ledamot", "egen", "annan", "medarbetare")
OWN, OTHER = "1715", "2062"  # Kil and Mora


@dataclass
class Site:
    """The objects the URLs name, all of Kil unless said otherwise."""

    case: UseCase
    need: Need
    theme: Theme
    merge_id: int
    kept_id: int
    assessment: Assessment
    submitted: Assessment
    invitation_id: int
    round: Round
    ballot_round: Round
    scoring_round: Round
    scoring_draft: Round
    proposal: Item
    token: str
    person: User
    key_id: int
    initiative: Initiative
    budget_round: BudgetRound
    composition: Composition
    people: dict[str, User | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Cell:
    path: Callable[[Site], str]
    statuses: tuple[int, int, int, int, int, int]  # in the order of ROLES
    post: Callable[[Site], dict[str, Any]] | None = None  # POST with this data, else GET


def every(status: int) -> tuple[int, int, int, int, int, int]:
    return (status,) * 6


PUBLIC = every(200)
CONVENER_ONLY = (302, 200, 403, 403, 403, 403)
CONVENER_ONLY_POST = (302, 302, 403, 403, 403, 403)
SIGNED_IN = (302, 200, 200, 200, 200, 200)
YEAR = timezone.localdate().year

MATRIX: dict[str, Cell] = {
    "home": Cell(lambda s: "/", PUBLIC),
    "health": Cell(lambda s: "/halsa/", PUBLIC),
    "set_language": Cell(lambda s: "/i18n/setlang/", every(302), lambda s: {"language": "en"}),
    "municipalities:list": Cell(lambda s: "/kommuner/", PUBLIC),
    "municipalities:list_csv": Cell(lambda s: "/kommuner/lista.csv", PUBLIC),
    "municipalities:list_excel": Cell(lambda s: "/kommuner/lista-excel.csv", PUBLIC),
    "municipalities:detail": Cell(lambda s: f"/kommuner/{OWN}/", PUBLIC),
    # Public; a municipality's draft cases count only for those who may see them.
    "guidance:next_steps": Cell(lambda s: f"/kommuner/{OWN}/nasta-steg/", PUBLIC),
    "maps:choropleth": Cell(lambda s: "/karta/", PUBLIC),
    "register:list": Cell(lambda s: "/anvandningsfall/", PUBLIC),
    "register:create": Cell(lambda s: "/anvandningsfall/ny/", (302, 200, 403, 200, 200, 403)),
    "register:open_data": Cell(lambda s: "/anvandningsfall/oppna-data/", PUBLIC),
    "register:export_csv": Cell(
        lambda s: "/anvandningsfall/oppna-data/anvandningsfall.csv", PUBLIC
    ),
    "register:export_excel_csv": Cell(
        lambda s: "/anvandningsfall/oppna-data/anvandningsfall-excel.csv", PUBLIC
    ),
    "register:export_json": Cell(
        lambda s: "/anvandningsfall/oppna-data/anvandningsfall.json", PUBLIC
    ),
    "register:export_xlsx": Cell(
        lambda s: "/anvandningsfall/oppna-data/anvandningsfall.xlsx", PUBLIC
    ),
    "register:export_algoritmeregister": Cell(
        lambda s: "/anvandningsfall/oppna-data/algoritmeregister.json", PUBLIC
    ),
    "register:dcat": Cell(lambda s: "/anvandningsfall/oppna-data/dcat.rdf", PUBLIC),
    "register:statistics": Cell(lambda s: "/anvandningsfall/statistik/", PUBLIC),
    "register:similar": Cell(lambda s: "/anvandningsfall/liknande/", PUBLIC),
    "register:embedding": Cell(lambda s: "/anvandningsfall/inbaddning/", CONVENER_ONLY),
    "register:start_embedding": Cell(
        lambda s: "/anvandningsfall/inbaddning/starta/", CONVENER_ONLY_POST, lambda s: {}
    ),
    "register:detail": Cell(lambda s: f"/anvandningsfall/{s.case.pk}/", PUBLIC),
    "register:edit": Cell(
        lambda s: f"/anvandningsfall/{s.case.pk}/andra/", (302, 200, 403, 200, 403, 403)
    ),
    "maturity:national": Cell(lambda s: "/mognad/", PUBLIC),
    "maturity:model": Cell(lambda s: "/mognad/modell/", PUBLIC),
    "maturity:profile": Cell(lambda s: f"/mognad/kommuner/{OWN}/", PUBLIC),
    "maturity:assessment": Cell(
        lambda s: f"/mognad/kommuner/{OWN}/{YEAR}/", (302, 200, 403, 200, 403, 403)
    ),
    "maturity:reopen": Cell(
        lambda s: f"/mognad/kommuner/{OWN}/{YEAR - 1}/oppna-igen/",
        CONVENER_ONLY_POST,
        lambda s: {"reason": "Fel svar på kompetens."},
    ),
    "needs:list": Cell(lambda s: "/behov/", PUBLIC),
    "needs:create": Cell(lambda s: "/behov/nytt/", (302, 200, 403, 200, 200, 200)),
    "needs:similar_check": Cell(
        lambda s: "/behov/liknande/", PUBLIC, lambda s: {"title": "T", "text": "Tolkning"}
    ),
    "needs:upload": Cell(lambda s: "/behov/ladda-upp/", (302, 200, 403, 200, 200, 200)),
    "needs:template_xlsx": Cell(lambda s: "/behov/mall.xlsx", PUBLIC),
    "needs:template_csv": Cell(lambda s: "/behov/mall.csv", PUBLIC),
    "needs:duplicates": Cell(lambda s: "/behov/dubbletter/", CONVENER_ONLY),
    "needs:themes": Cell(lambda s: "/behov/teman/", PUBLIC),
    "needs:recompute_themes": Cell(
        lambda s: "/behov/teman/berakna/", CONVENER_ONLY_POST, lambda s: {}
    ),
    "needs:theme": Cell(lambda s: f"/behov/teman/{s.theme.pk}/", PUBLIC),
    "needs:rename_theme": Cell(
        lambda s: f"/behov/teman/{s.theme.pk}/namn/",
        CONVENER_ONLY_POST,
        lambda s: {"label": "Tolkning"},
    ),
    "needs:detail": Cell(lambda s: f"/behov/{s.need.pk}/", PUBLIC),
    # An invalid supporter is refused with a message on the need's page, hence 302 for all
    # who may support at all; the per-object tests check that nothing was added.
    "needs:support": Cell(
        lambda s: f"/behov/{s.need.pk}/stod/",
        (302, 302, 403, 302, 302, 302),
        lambda s: {"municipality": OWN},
    ),
    "needs:merge": Cell(
        lambda s: f"/behov/{s.need.pk}/sla-ihop/",
        (302, 200, 403, 403, 403, 403),
        lambda s: {"other": s.kept_id},
    ),
    "needs:undo_merge": Cell(
        lambda s: f"/behov/sammanslagningar/{s.merge_id}/angra/", CONVENER_ONLY_POST, lambda s: {}
    ),
    "accounts:login": Cell(lambda s: "/konto/logga-in/", PUBLIC),
    "accounts:logout": Cell(lambda s: "/konto/logga-ut/", PUBLIC, lambda s: {}),
    "accounts:oidc_start": Cell(lambda s: "/konto/oidc/", every(404)),
    "accounts:oidc_callback": Cell(lambda s: "/konto/oidc/tillbaka/", every(404)),
    "accounts:people": Cell(lambda s: "/konto/personer/", CONVENER_ONLY),
    "accounts:person": Cell(lambda s: f"/konto/personer/{s.person.pk}/", CONVENER_ONLY),
    "accounts:person_export": Cell(
        lambda s: f"/konto/personer/{s.person.pk}/uppgifter.json", CONVENER_ONLY
    ),
    "accounts:person_erase": Cell(
        lambda s: f"/konto/personer/{s.person.pk}/radera/",
        (302, 400, 403, 403, 403, 403),
        lambda s: {"confirm": "fel namn"},
    ),
    "accounts:own_export": Cell(lambda s: "/konto/mina-uppgifter.json", SIGNED_IN),
    "accounts:tokens": Cell(lambda s: "/konto/api-nycklar/", SIGNED_IN),
    # The key is the convener's: nobody else finds it.
    "accounts:token_revoke": Cell(
        lambda s: f"/konto/api-nycklar/{s.key_id}/aterkalla/",
        (302, 302, 404, 404, 404, 404),
        lambda s: {},
    ),
    "accounts:invitations": Cell(lambda s: "/konto/inbjudningar/", (302, 200, 403, 200, 200, 403)),
    "accounts:withdraw_invitation": Cell(
        lambda s: f"/konto/inbjudningar/{s.invitation_id}/aterkalla/",
        (302, 302, 404, 302, 404, 404),
        lambda s: {},
    ),
    "accounts:accept_invitation": Cell(lambda s: "/konto/inbjudan/ingen-sadan/", every(404)),
    "accounts:password_reset": Cell(lambda s: "/konto/losenord/", PUBLIC),
    "accounts:password_reset_done": Cell(lambda s: "/konto/losenord/skickat/", PUBLIC),
    "accounts:password_reset_confirm": Cell(lambda s: "/konto/losenord/MQ/fel-token/", PUBLIC),
    "accounts:password_reset_complete": Cell(lambda s: "/konto/losenord/klart/", PUBLIC),
    "audit:log": Cell(lambda s: "/granskning/", CONVENER_ONLY),
    "audit:history": Cell(lambda s: f"/granskning/needs.need/{s.need.pk}/", CONVENER_ONLY),
    "statements:accessibility": Cell(lambda s: "/om/tillganglighet/", PUBLIC),
    "statements:privacy": Cell(lambda s: "/om/personuppgifter/", PUBLIC),
    "council:index": Cell(lambda s: "/radet/", PUBLIC),
    "council:round_create": Cell(lambda s: "/radet/omgangar/ny/", CONVENER_ONLY),
    "council:round": Cell(lambda s: f"/radet/omgangar/{s.round.pk}/", PUBLIC),
    "council:round_status": Cell(
        lambda s: f"/radet/omgangar/{s.round.pk}/status/",
        CONVENER_ONLY_POST,
        lambda s: {"status": "stangd"},
    ),
    "council:link_create": Cell(
        lambda s: f"/radet/omgangar/{s.round.pk}/lank/",
        (302, 302, 403, 302, 403, 403),
        lambda s: {"municipality": OWN},
    ),
    "council:moderate": Cell(
        lambda s: f"/radet/omgangar/{s.round.pk}/alternativ/{s.proposal.pk}/",
        CONVENER_ONLY_POST,
        lambda s: {"decision": "aktiv"},
    ),
    "council:results": Cell(
        lambda s: f"/radet/omgangar/{s.round.pk}/resultat/", (403, 200, 200, 403, 403, 403)
    ),
    "council:rank": Cell(
        lambda s: f"/radet/omgangar/{s.ballot_round.pk}/rangordna/", (302, 403, 200, 403, 403, 403)
    ),
    # A draft is hidden from all but conveners, so others find nothing there.
    "council:criteria": Cell(
        lambda s: f"/radet/omgangar/{s.scoring_draft.pk}/kriterier/",
        (302, 200, 404, 404, 404, 404),
    ),
    "council:weigh": Cell(
        lambda s: f"/radet/omgangar/{s.scoring_round.pk}/vikta/", (302, 403, 200, 403, 403, 403)
    ),
    "council:score": Cell(
        lambda s: f"/radet/omgangar/{s.scoring_round.pk}/poangsatt/",
        (302, 403, 200, 403, 403, 403),
    ),
    "council:participate": Cell(lambda s: f"/radet/delta/{s.token}/", PUBLIC),
    "council:propose": Cell(
        lambda s: f"/radet/delta/{s.token}/forslag/", every(302), lambda s: {"label": "Nytt"}
    ),
    "council:representation": Cell(lambda s: "/radet/representativitet/", PUBLIC),
    "council:seat_holder": Cell(lambda s: "/radet/platser/3/ledamot/", CONVENER_ONLY),
    "council:compositions": Cell(lambda s: "/radet/sammansattning/", PUBLIC),
    "council:composition_create": Cell(lambda s: "/radet/sammansattning/ny/", CONVENER_ONLY),
    "council:composition": Cell(lambda s: f"/radet/sammansattning/{s.composition.pk}/", PUBLIC),
    # An empty seed is refused by the field (400) before anything is drawn.
    "council:composition_draw": Cell(
        lambda s: f"/radet/sammansattning/{s.composition.pk}/dra/",
        (302, 400, 403, 403, 403, 403),
        lambda s: {"seed": ""},
    ),
    "council:composition_replay": Cell(
        lambda s: f"/radet/sammansattning/{s.composition.pk}/spela-upp/", PUBLIC
    ),
    "council:composition_lottery": Cell(
        lambda s: f"/radet/sammansattning/{s.composition.pk}/lotteri.json", PUBLIC
    ),
    # The composition is not drawn, so there is no panel to audit.
    "council:panel_representation": Cell(
        lambda s: f"/radet/sammansattning/{s.composition.pk}/representativitet/", every(404)
    ),
    "initiatives:list": Cell(lambda s: "/initiativ/", PUBLIC),
    "initiatives:create": Cell(lambda s: "/initiativ/nytt/", CONVENER_ONLY),
    "initiatives:detail": Cell(lambda s: f"/initiativ/{s.initiative.pk}/", PUBLIC),
    "initiatives:edit": Cell(lambda s: f"/initiativ/{s.initiative.pk}/andra/", CONVENER_ONLY),
    "initiatives:interest": Cell(
        lambda s: f"/initiativ/{s.initiative.pk}/intresse/",
        (302, 302, 403, 302, 403, 403),
        lambda s: {"municipality": OWN},
    ),
    "initiatives:milestone": Cell(
        lambda s: f"/initiativ/{s.initiative.pk}/delmal/",
        CONVENER_ONLY_POST,
        lambda s: {"title": "Förstudie", "due_on": f"{YEAR}-06-01"},
    ),
    "initiatives:assumptions": Cell(lambda s: "/initiativ/antaganden/", PUBLIC),
    "initiatives:assumptions_version": Cell(lambda s: "/initiativ/antaganden/version/1/", PUBLIC),
    "initiatives:edit_assumptions": Cell(lambda s: "/initiativ/antaganden/andra/", CONVENER_ONLY),
    "initiatives:budget_create": Cell(lambda s: "/initiativ/budget/ny/", CONVENER_ONLY),
    "initiatives:budget": Cell(lambda s: f"/initiativ/budget/{s.budget_round.pk}/", PUBLIC),
    "initiatives:approve": Cell(
        lambda s: f"/initiativ/budget/{s.budget_round.pk}/godkann/",
        (302, 302, 403, 302, 403, 403),
        lambda s: {"municipality": OWN, "initiatives": [s.initiative.pk]},
    ),
    "initiatives:budget_close": Cell(
        lambda s: f"/initiativ/budget/{s.budget_round.pk}/stang/", CONVENER_ONLY_POST, lambda s: {}
    ),
    "initiatives:recommendations": Cell(lambda s: "/rekommendationer/", PUBLIC),
}


def _names(patterns: list[Any], namespace: str | None = None) -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            if pattern.namespace in {"admin", "api"}:
                continue
            names |= _names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def test_every_url_of_the_site_has_its_row() -> None:
    site = _names(get_resolver().url_patterns)

    assert site - set(MATRIX) == set(), "add these URLs to the permission matrix"
    assert set(MATRIX) - site == set(), "these rows name URLs that no longer exist"


@pytest.fixture
def site() -> Site:
    kil, mora = Municipality.objects.get(code=OWN), Municipality.objects.get(code=OTHER)
    chief = convener()
    people: dict[str, User | None] = {
        "anonym": None,
        "samordnare": chief,
        "ledamot": council_member(),
        "egen": representative(OWN, "kil"),
        "annan": representative(OTHER, "mora"),
        "medarbetare": employee(OWN),
    }
    case = UseCase.objects.create(title="Chattbot", organisation=kil, status="publicerad")
    need = Need.objects.create(
        title="Tolkning", text="Vi behöver tolkning i mottagandet.", municipality=kil
    )
    other = Need.objects.create(
        title="Tolkar", text="Tolkning behövs i mottagandet.", municipality=mora
    )
    merged = Need.objects.create(
        title="Tolk", text="Tolkning i mottagandet behövs.", municipality=kil
    )
    merge(need, merged, by=chief)
    record = Merge.objects.get(kept=need, merged=merged)
    theme = Theme.objects.create(label="Tolkning", terms=["tolk"], computed_at=timezone.now())
    model = MaturityModel.objects.current()
    assessment = Assessment.objects.create(municipality=kil, year=YEAR, model=model)
    submitted = Assessment.objects.create(
        municipality=kil,
        year=YEAR - 1,
        model=model,
        status=Assessment.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    invitation, _token = invitations.create(chief, "ny@kil.example", Role.STAFF, kil)
    round_ = Round.objects.create(
        title="Prioritering", question="?", kind=Round.Kind.WIKI_SURVEY, status=Round.Status.OPEN
    )
    Item.objects.bulk_create(Item(round=round_, label=label) for label in ("A", "B"))
    proposal = Item.objects.create(round=round_, label="C", status=Item.Status.PROPOSED)
    ballot_round = Round.objects.create(
        title="Insatser", question="?", kind=Round.Kind.BALLOT, status=Round.Status.OPEN
    )
    Item.objects.bulk_create(Item(round=ballot_round, label=label) for label in ("X", "Y"))
    scoring_round, scoring_draft = (
        Round.objects.create(title="Teman", question="?", kind=Round.Kind.SCORING, status=status)
        for status in (Round.Status.OPEN, Round.Status.DRAFT)
    )
    for scored in (scoring_round, scoring_draft):
        Item.objects.bulk_create(Item(round=scored, label=label) for label in ("X", "Y"))
        scoring.create_default_criteria(scored)
    initiative = Initiative.objects.create(
        title="Gemensam tolktjänst",
        type=Initiative.Type.JOINT_PROCUREMENT,
        description="Tolkning på distans.",
        areas=["ifo"],
        cost_low=1_000_000,
        cost_high=2_000_000,
    )
    budget_round = BudgetRound.objects.create(title="Budget", budget=5_000_000)
    budget_round.initiatives.add(initiative)
    composition = Composition.objects.create(
        title="Nytt råd",
        panel_size=1,
        pool_kind=Composition.PoolKind.NOMINATED,
        candidates=[{"code": OWN, "values": {}}, {"code": OTHER, "values": {}}],
        panels=[[0], [1]],
        panel_probabilities=[0.5, 0.5],
        selection_probabilities=[0.5, 0.5],
    )
    return Site(
        composition=composition,
        initiative=initiative,
        budget_round=budget_round,
        case=case,
        need=other,
        theme=theme,
        merge_id=record.pk,
        kept_id=need.pk,
        assessment=assessment,
        submitted=submitted,
        invitation_id=invitation.pk,
        round=round_,
        ballot_round=ballot_round,
        scoring_round=scoring_round,
        scoring_draft=scoring_draft,
        proposal=proposal,
        token=survey.create_link(round_, kil, None)[1],
        person=User.objects.create_user("annan-person"),
        key_id=tokens.create(chief, "nyckel")[0].pk,
        people=people,
    )


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_gets_the_status_its_rights_give(site: Site, name: str) -> None:
    cell = MATRIX[name]
    got = []
    for role in ROLES:
        client = Client()
        person = site.people[role]
        if person is not None:
            client.force_login(person)
        path = cell.path(site)
        answer = client.post(path, cell.post(site)) if cell.post else client.get(path)
        got.append(answer.status_code)

    assert dict(zip(ROLES, got, strict=True)) == dict(zip(ROLES, cell.statuses, strict=True))
