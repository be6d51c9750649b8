# Pr8werk website. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
PYTHON := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PYTHON) manage.py
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/pr8werk
# One pytest process per core (pytest-xdist); each builds the demo site once.
TEST_PROCESSES ?= 2

.PHONY: help run test test-fast test-postgres lint format messages compilemessages setup migrate demo bench bench-growth clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[1m%-16s\033[0m %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	@test -d $(VENV) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	@touch $@

.make-system: ## (internal) system packages: gettext for translations
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null)
	@touch $@

.make-chromium:
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	@touch $@

.make-java: ## (internal) Java for the HTML validator
	@command -v java >/dev/null || (apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null)
	@touch $@

setup: $(VENV)/.installed .make-system compilemessages ## Create .venv, install requirements, compile translations

compilemessages: $(VENV)/.installed .make-system
	@$(MANAGE) compilemessages --ignore '.venv/*' -v0

migrate: setup ## Apply database migrations
	$(MANAGE) migrate --noinput -v0

demo: migrate ## Load the demo content (idempotent)
	$(MANAGE) load_demo_content

# Every command of `run` (the demo loader's site record included) sees the port: the dev settings
# build SITE_BASE_URL from it, so links in mails, feeds and the sitemap name the port served on.
run: export PORT := $(PORT)
run: demo ## Set everything up and serve http://127.0.0.1:$(PORT)/ (PORT overrides)
	@$(MANAGE) print_demo_logins
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.installed ## ruff check, ruff format --check, and the import layers of ARCHITECTURE.md (import-linter)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: $(VENV)/.installed ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(VENV)/.installed .make-system ## Update locale/{nl,en,de} from the code and templates
	flock locale/.lock $(MANAGE) makemessages -l nl -l en -l de --ignore '.venv/*' --ignore 'tests/*' --no-location --no-obsolete
	@$(MANAGE) compilemessages --ignore '.venv/*' -v0

test: setup .make-chromium .make-java lint ## Every check and test (SQLite), browser tests included
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/pytest -n $(TEST_PROCESSES)

test-postgres: setup .make-chromium ## The suite against the local PostgreSQL (PG_URL overrides), without the page walks (HTML, axe, transfer)
	DATABASE_URL=$(PG_URL) $(VENV)/bin/pytest -n $(TEST_PROCESSES) -m "not walk"

.make-wrk: ## (internal) wrk, the HTTP load tool of the page benchmark
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	@touch $@

bench: setup .make-wrk ## Sign-up storm and page benchmark (uncached/cached) against gunicorn, production settings
	$(PYTHON) tests/bench/signup_storm.py
	$(PYTHON) tests/bench/pages.py

bench-growth: setup ## Growth benchmark: every page kind and the admin views at demo size and grown (10,000 news items), PostgreSQL
	$(PYTHON) tests/bench/growth.py

clean: ## Remove the virtualenv, database, media and build files
	rm -rf $(VENV) db.sqlite3* media staticfiles .make-*
