"""A local HTTP server that answers like Kolada, from recorded-format pages."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class ScriptedResponse:
    status: int
    body: bytes


@dataclass
class FakeKolada:
    """Routes keyed by path and query; each answers its responses in turn, the last repeatedly."""

    base_url: str = ""
    routes: dict[str, list[ScriptedResponse]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)

    def add(
        self, path: str, status: int = 200, payload: object = None, raw: bytes | None = None
    ) -> None:
        body = raw if raw is not None else json.dumps(payload).encode()
        self.routes.setdefault(path, []).append(ScriptedResponse(status, body))

    def url(self, path: str) -> str:
        """The absolute URL of a path on this server, as Kolada writes next_url."""
        return f"{self.base_url.removesuffix('/v3')}{path}"


@pytest.fixture
def kolada() -> Iterator[FakeKolada]:
    fake = FakeKolada()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            fake.requests.append(self.path)
            queue = fake.routes.get(self.path)
            if not queue:
                response = ScriptedResponse(404, b'{"error": "not found"}')
            else:
                response = queue.pop(0) if len(queue) > 1 else queue[0]
            self.send_response(response.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            self.wfile.write(response.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.base_url = f"http://127.0.0.1:{server.server_address[1]}/v3"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def data_row(
    kpi: str, municipality: str, year: int, value: float | None, **extra: object
) -> dict[str, object]:
    """A data row as Kolada v3 sends it: a value per gender, T for the total."""
    return {
        "kpi": kpi,
        "municipality": municipality,
        "period": year,
        "values": [
            {
                "gender": "K",
                "count": 1,
                "status": "",
                "value": None if value is None else value / 2,
            },
            {
                "gender": "M",
                "count": 1,
                "status": "",
                "value": None if value is None else value / 2,
            },
            {"gender": "T", "count": 1, "status": "", "value": value},
        ],
        **extra,
    }
