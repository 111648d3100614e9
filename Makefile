# One entry point for every command. `make run` sets up from a fresh clone and serves the site.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help setup run serve test lint format check migrations-check pytest browser bench messages compilemessages clean

help:
	@echo "make run     set up everything (venv, dependencies, database, demo content, admin) and serve on $(HOST):$(PORT)"
	@echo "make setup   the set-up part of 'make run' only (idempotent)"
	@echo "make test    every check: ruff, manage.py check, makemigrations --check, pytest with coverage and browser tests"
	@echo "make bench   render each page type and print queries, bytes and timings"
	@echo "make format  apply ruff's formatting and safe fixes"
	@echo "make messages  update the French and English catalogues (site/locale) from the code and templates"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# The catalogues are compiled, never committed (.mo in .gitignore): needs GNU gettext's msgfmt.
compilemessages: $(VENV)/.installed
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

# French (the source language: only plural entries are filled) and English (every msgid
# translated, tests/translation/test_catalogue.py fails otherwise). docs/translation.md.
messages: $(VENV)/.installed
	$(MANAGE) makemessages -l fr -l en --no-obsolete --no-location \
		-i .venv -i node_modules -i bench -i tests -i "*/demo_data"

setup: $(VENV)/.installed node_modules/.installed compilemessages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) sync_site_url
	$(MANAGE) setup_organisations --demo-users
	$(MANAGE) update_index
	$(MANAGE) ensure_admin

run: setup serve

serve:
	$(MANAGE) runserver $(HOST):$(PORT)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=capnum.settings.test $(MANAGE) check --fail-level WARNING

migrations-check: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=capnum.settings.test $(MANAGE) makemigrations --check --dry-run

# PYTEST_WORKERS=2: two pytest-xdist worker processes, each with its own test database, media
# folder, Chromium and server thread. One process by default until two are measured faster on
# CI's quiet machine (docs/testing.md, docs/notes/issue-21-suite-time.md).
PYTEST_WORKERS ?= 0

pytest: $(VENV)/.installed node_modules/.installed compilemessages
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup --cov --cov-report=term $(PYTEST_ARGS)

test: lint check migrations-check pytest

bench: $(VENV)/.installed
	$(BIN)/python bench/pages.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules .coverage htmlcov .pytest_cache .ruff_cache
