"""A client for the Kolada API v3 (https://api.kolada.se/v3), the live source of key figures.

Responses are pages ``{"values": [...], "count": n, "next_url": ..., "previous_url": ...}``
of at most 5 000 rows. A data row is ``{"kpi", "municipality", "period", "values": [{"gender",
"count", "status", "value"}]}`` and may carry ``"isdeleted"``.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

PAGE_SIZE = 5000
TOTAL_GENDER = "T"
# A whole import should take seconds to minutes; past this, something upstream is wrong and
# waiting longer only holds the command (and any transaction after it) open.
DEFAULT_DEADLINE = 600.0


class KoladaError(Exception):
    """Kolada could not be reached or answered something this client cannot use."""


@dataclass(frozen=True)
class KoladaValue:
    kpi: str
    municipality: str
    year: int
    value: float


@dataclass(frozen=True)
class KoladaPage:
    url: str
    values: list[KoladaValue]
    count: int | None


class KoladaClient:
    """Fetches pages from Kolada, retrying with exponential backoff on 5xx and lost connections.

    Client errors (4xx) are not retried: asking again would get the same answer.
    """

    def __init__(
        self,
        base_url: str,
        timeout: float = 30.0,
        retries: int = 4,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        deadline: float = DEFAULT_DEADLINE,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retries = retries
        self.backoff = backoff
        self.deadline = deadline
        self._sleep = sleep
        self._started = time.monotonic()
        self._http = httpx.Client(
            timeout=timeout, headers={"Accept": "application/json"}, follow_redirects=True
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> KoladaClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def data_url(self, kpis: Sequence[str], years: Sequence[int], municipality: str | None) -> str:
        path = f"/data/kpi/{quote(','.join(kpis))}"
        if municipality:
            path += f"/municipality/{quote(municipality)}"
        path += f"/year/{quote(','.join(str(year) for year in years))}"
        return f"{self.base_url}{path}?per_page={PAGE_SIZE}"

    def kpi_metadata(self, kpis: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Title and description of each KPI, by id."""
        url = f"{self.base_url}/kpi/{quote(','.join(kpis))}"
        result: dict[str, dict[str, Any]] = {}
        for body in self._pages(url):
            for row in body["values"]:
                if isinstance(row, dict) and "id" in row:
                    result[str(row["id"])] = row
        return result

    def data_pages(
        self, kpis: Sequence[str], years: Sequence[int], municipality: str | None = None
    ) -> Iterator[KoladaPage]:
        url = self.data_url(kpis, years, municipality)
        for body in self._pages(url):
            yield KoladaPage(
                body["_url"], _parse_rows(body["values"], body["_url"]), body.get("count")
            )

    def _pages(self, url: str) -> Iterator[dict[str, Any]]:
        next_url: str | None = url
        seen: set[str] = set()
        while next_url:
            if next_url in seen:
                raise KoladaError(f"{next_url}: the pages link back to themselves")
            seen.add(next_url)
            body = self._get_json(next_url)
            body["_url"] = next_url
            yield body
            next_url = self._next_url(body.get("next_url"), next_url)

    def _next_url(self, value: object, url: str) -> str | None:
        """The page after ``url``: an address on Kolada's own host, or None after the last.

        Anything else (a list, a number, a broken address, another host) is refused: it had
        raised TypeError deep in the HTTP client or sent the import elsewhere (found by
        tests/municipalities/test_kolada_fuzzing.py).
        """
        if value is None or value == "":
            return None
        try:
            parts = urlsplit(value) if isinstance(value, str) else None
        except ValueError:
            parts = None
        if (
            parts is None
            or parts.scheme not in ("http", "https")
            or parts.hostname != urlsplit(self.base_url).hostname
        ):
            raise KoladaError(
                f"{url}: next_url {str(value)[:200]!r} is not a page of {self.base_url}"
            )
        return parts.geturl()

    def _check_deadline(self, url: str) -> None:
        if time.monotonic() - self._started > self.deadline:
            raise KoladaError(
                f"the import took longer than its deadline of {self.deadline:g} s "
                f"(stopped before {url})"
            )

    def _get_json(self, url: str) -> dict[str, Any]:
        attempt = 0
        while True:
            self._check_deadline(url)
            try:
                response = self._http.get(url)
            except httpx.TransportError as error:
                problem = f"{type(error).__name__}: {error}"
            else:
                if response.status_code < 400:
                    return _decode(response, url)
                if response.status_code < 500:
                    raise KoladaError(f"HTTP {response.status_code} from {url}")
                problem = f"HTTP {response.status_code}"
            if attempt >= self.retries:
                raise KoladaError(f"{problem} from {url} after {attempt + 1} attempts")
            self._sleep(self.backoff * 2**attempt)
            attempt += 1


def _decode(response: httpx.Response, url: str) -> dict[str, Any]:
    try:
        body = json.loads(response.content)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise KoladaError(f"{url}: malformed JSON ({error})") from None
    if not isinstance(body, dict) or not isinstance(body.get("values"), list):
        raise KoladaError(f"{url}: expected an object with a list 'values'")
    return body


def _parse_rows(rows: list[Any], url: str) -> list[KoladaValue]:
    values: list[KoladaValue] = []
    for index, row in enumerate(rows):
        try:
            if row.get("isdeleted"):
                continue
            total = next((v for v in row["values"] if v.get("gender") == TOTAL_GENDER), None)
            # No total, or a total without a value, means Kolada has no figure for the year.
            if total is None or total.get("value") is None:
                continue
            value = float(total["value"])
            values.append(
                KoladaValue(
                    kpi=str(row["kpi"]).upper(),
                    municipality=str(row["municipality"]),
                    year=int(row["period"]),
                    value=value,
                )
            )
        # OverflowError: an integer past a float's range (found by fuzzing).
        except (AttributeError, KeyError, TypeError, ValueError, OverflowError) as error:
            raise KoladaError(f"{url}: row {index + 1} is malformed ({error!r})") from None
        # JSON from Python's parser admits NaN and Infinity; no key figure is either.
        if not math.isfinite(value):
            raise KoladaError(f"{url}: row {index + 1} has the value {value}, not a number")
    return values
