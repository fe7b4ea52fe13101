# Rådslag: the two commands a new user needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_SEED ?= 1

.PHONY: demo test lint typecheck pytest bench loadtest clean setup

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Stamps are keyed on pyproject.toml, so a changed dependency list reinstalls.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed-run

# The browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium

setup: $(VENV)/.installed-run
	RADSLAG_DEMO=1 $(BIN)/radslag migrate --no-input
	RADSLAG_DEMO=1 $(BIN)/radslag load-reference
	RADSLAG_DEMO=1 $(BIN)/radslag import-pstw
	RADSLAG_DEMO=1 $(BIN)/radslag demo-data --seed $(DEMO_SEED)
	RADSLAG_DEMO=1 $(BIN)/radslag demo-accounts

# A task worker runs beside the server: it embeds the use cases for similarity search in the
# background (a few minutes the first time) and stops with the server. The worker takes one
# signal as "stop when the task is done" and a second as "stop now"; the trap sends two kinds,
# since two of one kind arriving together count as one. A run stopped part-way keeps the
# vectors made so far and is queued again by the next `make demo`.
demo: setup
	@echo "Rådslag körs på http://$(HOST):$(PORT)/  (Ctrl-C avslutar)"
	RADSLAG_DEMO=1 $(BIN)/radslag embed-cases --queue
	RADSLAG_DEMO=1 $(BIN)/radslag db_worker > var/task-worker.log 2>&1 & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; kill -QUIT $$worker 2>/dev/null' EXIT INT TERM; \
	RADSLAG_DEMO=1 $(BIN)/radslag runserver --noreload $(HOST):$(PORT)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

typecheck: $(VENV)/.installed-dev
	RADSLAG_DEMO=1 $(BIN)/mypy

pytest: $(VENV)/.installed-dev | $(CHROMIUM)
	$(BIN)/pytest -n auto --cov --cov-report=term:skip-covered

test: lint typecheck pytest

bench: $(VENV)/.installed-dev
	$(BIN)/python -m bench

# The production server under load on SQLite and PostgreSQL (also part of `make bench`).
loadtest: $(VENV)/.installed-dev
	$(BIN)/python -m bench load

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
