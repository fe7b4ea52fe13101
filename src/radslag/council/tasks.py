"""Background work of the council, run by a task worker (``radslag db_worker``)."""

from __future__ import annotations

from django_tasks import task

from radslag.council import outcomes
from radslag.council.models import Round, StoredResult
from radslag.council.result_store import compute_and_store, stored_key, votes_version


@task()
def refresh_round_results(round_pk: int) -> dict[str, int]:
    """Recompute every stored view of the round for its current votes."""
    round_ = Round.objects.filter(pk=round_pk).first()
    if round_ is None:
        return {"views": 0, "votes": 0}
    version, count = votes_version(round_)
    views = 0
    current = StoredResult.objects.filter(round=round_, key__startswith=stored_key(""))
    for stored in current.exclude(votes_version=version):
        view = stored.key.removeprefix(stored_key(""))

        def compute(view: str = view) -> object:
            return outcomes.compute(round_, view)

        compute_and_store(round_, view, compute, version, count)
        views += 1
    return {"views": views, "votes": count}
