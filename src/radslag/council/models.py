"""The council's rounds: what is prioritised, by whom, and the votes.

A round asks one question about a set of items (themes, needs, strategic questions, areas or
initiatives). Municipal staff take part in a wiki survey through their municipality's link:
a vote belongs to the municipality of the link, never to a person, and a browser session is
remembered only as a digest, to keep one session from voting twice on the same pair.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from radslag.core.models import ExampleData
from radslag.core.schedule import outside_dates
from radslag.core.text_limits import TITLE

# The seats and compositions live in their own module; imported here so that Django finds them.
from radslag.council.composition_models import Composition as Composition
from radslag.council.composition_models import Seat as Seat
from radslag.council.item_sources import address_of
from radslag.municipalities.models import Municipality


class Round(ExampleData):
    class Kind(models.TextChoices):
        WIKI_SURVEY = "parvis", _("Parvisa val (wikienkät)")
        BALLOT = "rangordning", _("Rangordning bland rådets ledamöter")
        STATEMENTS = "pastaenden", _("Påståenden att ta ställning till")
        SCORING = "poang", _("Poäng mot viktade kriterier (rådets ledamöter)")

    class Status(models.TextChoices):
        DRAFT = "utkast", _("Utkast")
        OPEN = "oppen", _("Öppen")
        CLOSED = "stangd", _("Stängd")
        PUBLISHED = "publicerad", _("Publicerad")

    class Weighting(models.TextChoices):
        # Values are the decision core's WeightingScheme names.
        EQUAL = "equal", _("Lika för varje kommun")
        SQRT_POPULATION = "sqrt_population", _("Efter roten ur folkmängden")
        POPULATION = "population", _("Efter folkmängd")

    title = models.CharField(_("rubrik"), max_length=TITLE)
    question = models.CharField(
        _("fråga"),
        max_length=TITLE,
        help_text=_("Det deltagarna svarar på, till exempel: Vilket behov är viktigast?"),
    )
    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    weighting = models.CharField(
        _("vägning av kommuner"),
        max_length=20,
        choices=Weighting.choices,
        default=Weighting.EQUAL,
    )
    # The wiki survey's goal, which steers the choice of pairs: empty for the whole order.
    top_k = models.PositiveSmallIntegerField(
        _("säkra de främsta (antal)"),
        null=True,
        blank=True,
        help_text=_(
            "Bara för parvisa val. Ange hur många av de främsta alternativen som ska säkras "
            "(till exempel 10) om rådet främst behöver veta vilka som hamnar i toppen; lämna "
            "tomt för att hela ordningen ska bli så säker som möjligt."
        ),
    )
    opens_on = models.DateField(_("öppnar"), null=True, blank=True)
    closes_on = models.DateField(_("stänger"), null=True, blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skapad av"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("omgång")
        verbose_name_plural = _("omgångar")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("council:round", args=[self.pk])

    @property
    def results_are_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def date_refusal(self) -> str | None:
        """Why an open round takes no answers today (before its first or after its last
        day), or None."""
        return outside_dates(self.opens_on, self.closes_on)


class Item(models.Model):
    """One thing a round prioritises; participants may propose more, held for moderation."""

    class Status(models.TextChoices):
        ACTIVE = "aktiv", _("Med i omgången")
        PROPOSED = "foreslagen", _("Föreslagen, väntar på granskning")
        REJECTED = "avvisad", _("Avvisad")

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="items", verbose_name=_("omgång")
    )
    label = models.CharField(_("alternativ"), max_length=TITLE)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    # Where the item comes from ("needs.theme:12"), so results can link back to the evidence.
    source = models.CharField(_("källa"), max_length=60, blank=True)
    proposed_by = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("föreslagen av"),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        ordering = ["round", "id"]
        verbose_name = _("alternativ")
        verbose_name_plural = _("alternativ")
        constraints = [
            models.UniqueConstraint(fields=["round", "label"], name="one_item_per_label_in_round")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def source_address(self) -> str | None:
        return address_of(self.source) if self.source else None


class Link(models.Model):
    """A municipality's invitation link to a round, shared by its representative with
    colleagues. Only a digest of the token is stored; the token exists in the link alone."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="links", verbose_name=_("omgång")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("kommun")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skapad av"),
    )
    withdrawn_at = models.DateTimeField(_("återkallad"), null=True, blank=True)

    class Meta:
        verbose_name = _("deltagarlänk")
        verbose_name_plural = _("deltagarlänkar")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "municipality"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_live_link_per_municipality_and_round",
            )
        ]

    def __str__(self) -> str:
        return f"{self.round} – {self.municipality}"

    def withdraw(self) -> None:
        self.withdrawn_at = timezone.now()
        self.save(update_fields=["withdrawn_at"])


class PairVote(models.Model):
    """One choice between two items, or "kan inte avgöra"; ``left`` and ``right`` as shown."""

    class Choice(models.TextChoices):
        LEFT = "vanster", _("Vänster")
        RIGHT = "hoger", _("Höger")
        CANNOT_DECIDE = "vet-ej", _("Kan inte avgöra")

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="pair_votes", verbose_name=_("omgång")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("kommun")
    )
    # RESTRICT: a link with votes cannot be deleted on its own, but its round can be.
    link = models.ForeignKey(Link, on_delete=models.RESTRICT, related_name="votes")
    left = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")
    choice = models.CharField(_("val"), max_length=10, choices=Choice.choices)
    # The pair unordered, so one session cannot vote on it twice whichever side each item had.
    pair_key = models.CharField(max_length=40, editable=False)
    session_digest = models.CharField(max_length=64, editable=False)
    # The key of the rendered voting form (radslag.core.idempotency): a retry whose answer
    # was lost, even one that lost the session cookie with it, finds this vote.
    idempotency_key = models.CharField(max_length=100, blank=True, default="", editable=False)
    created_at = models.DateTimeField(_("tid"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("parvis röst")
        verbose_name_plural = _("parvisa röster")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "session_digest", "pair_key"], name="one_vote_per_pair_and_session"
            ),
            models.UniqueConstraint(
                fields=["round", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="one_vote_per_idempotency_key",
            ),
        ]
        indexes = [models.Index(fields=["round", "created_at"])]

    def __str__(self) -> str:
        return f"{self.left} / {self.right}: {self.choice}"


class StatementVote(models.Model):
    """One participant's stance on one statement; the participant is a browser session of
    the municipality's link, known only as a digest, so opinion groups are found among
    sessions and every vote still belongs to a municipality."""

    class Stance(models.TextChoices):
        AGREE = "instammer", _("Instämmer")
        DISAGREE = "instammer-inte", _("Instämmer inte")
        PASS = "pass", _("Pass / vet inte")

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="statement_votes", verbose_name=_("omgång")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("kommun")
    )
    link = models.ForeignKey(Link, on_delete=models.RESTRICT, related_name="statement_votes")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="statement_votes")
    stance = models.CharField(_("ställningstagande"), max_length=20, choices=Stance.choices)
    session_digest = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("tid"), auto_now_add=True)

    class Meta:
        verbose_name = _("ställningstagande")
        verbose_name_plural = _("ställningstaganden")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "session_digest"], name="one_stance_per_statement_and_session"
            )
        ]
        indexes = [models.Index(fields=["round", "session_digest"])]

    def __str__(self) -> str:
        return f"{self.item}: {self.stance}"


class Ballot(models.Model):
    """A council member's ranking of a round's items; they may change it while the round is
    open. ``ranks`` maps item ids to positions, 1 the best; equal positions are ties."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="ballots", verbose_name=_("omgång")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("ledamot"),
    )
    ranks = models.JSONField(_("rangordning"))
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    class Meta:
        verbose_name = _("rangordning")
        verbose_name_plural = _("rangordningar")
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="one_ballot_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.round} – {self.person}"


class Criterion(models.Model):
    """What a scoring round's items are scored on; the convener edits them while the round is
    a draft. A cost criterion (risk) counts the other way: the lower its score, the better."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("omgång")
    )
    name = models.CharField(_("kriterium"), max_length=80)
    description = models.CharField(_("beskrivning"), max_length=TITLE, blank=True)
    more_is_better = models.BooleanField(
        _("mer är bättre"),
        default=True,
        help_text=_("Avmarkera för ett kostnadskriterium som risk, där lägre poäng är bättre."),
    )
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["round", "position", "id"]
        verbose_name = _("kriterium")
        verbose_name_plural = _("kriterier")
        constraints = [
            models.UniqueConstraint(fields=["round", "name"], name="one_criterion_per_name")
        ]

    def __str__(self) -> str:
        return self.name


class ScoringSheet(models.Model):
    """A council member's answers in a scoring round: pairwise judgements of the criteria
    (AHP) and a score per item and criterion; they may change both while the round is open.

    ``judgements`` maps ``"<criterion id>:<criterion id>"`` (the first one earlier in the
    round's order) to how many times more important the first is, 1/9..9. ``scores`` maps
    ``"<item id>:<criterion id>"`` to a score on the round's scale. ``municipality`` is the
    member's municipality when they answered, so results can be split by segment.
    """

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="scoring_sheets", verbose_name=_("omgång")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("ledamot"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kommun"),
    )
    judgements = models.JSONField(_("parvisa omdömen"), default=dict)
    scores = models.JSONField(_("poäng"), default=dict)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    class Meta:
        verbose_name = _("poängblad")
        verbose_name_plural = _("poängblad")
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="one_scoring_sheet_per_member")
        ]

    def __str__(self) -> str:
        return f"{self.round} – {self.person}"


class StoredResult(models.Model):
    """A round's computed results for one view of them (kind, weighting, segmentation), kept
    so pages read them instead of refitting on every request; ``votes_version`` says which
    votes they were computed from, so a page knows whether they are current."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="stored_results")
    key = models.CharField(max_length=100)
    votes_version = models.CharField(max_length=60)
    votes = models.PositiveIntegerField()
    computed_at = models.DateTimeField()
    seconds = models.FloatField()
    payload = models.BinaryField()
    # Set when a background refresh is queued, so a burst of votes queues one refresh.
    refresh_queued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "key"], name="one_stored_result_per_view")
        ]

    def __str__(self) -> str:
        return f"{self.round} – {self.key}"
