# Two commands on a fresh machine: `make run` (the demo) and `make test` (every test).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint format demo serve postgres redis browsers java loadtest loadtest-county elasticsearch benchmark-pages benchmark-search

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q ".[test]"
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --port $(PORT)

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# ruff, then pytest on SQLite; with CI=true or SERVICES=1 it first starts
# Elasticsearch, PostgreSQL and Chromium and runs the suite again on PostgreSQL, beside the SQLite pass.
test: install
	PY=$(PY) RUFF=$(VENV)/bin/ruff bash .ci/test.sh

# Production-style server: migrate, collectstatic, gunicorn (one worker per core x2 + 1).
# DATABASE_URL unset -> the local PostgreSQL cluster of `make postgres`.
serve: install
	HOST=$(HOST) PORT=$(PORT) PY=$(PY) bash .ci/serve.sh

postgres:
	bash .ci/services/postgres.sh start

# A throwaway Redis for several application processes sharing one cache (README "Scaling out");
# then: export REDIS_URL=redis://127.0.0.1:6379/0
redis:
	bash .ci/services/redis.sh start

browsers:
	bash .ci/services/chromium.sh start

# Java 17 (Debian's openjdk-17-jre-headless, apt-get if missing) for the Nu HTML checker and Elasticsearch.
java:
	bash .ci/services/java.sh start

# A local single-node Elasticsearch 8.19 for the search engine and its tests;
# then: export ELASTICSEARCH_URL=http://127.0.0.1:9200
elasticsearch:
	bash .ci/services/elasticsearch.sh start

# Requests/s and p95 with wrk against gunicorn on 127.0.0.1 (figures in README).
loadtest: install
	PY=$(PY) bash .ci/loadtest.sh

# The county scale (30 centers, 3,000 guides, 300,000 cases; generated once into its own
# database) on two gunicorn processes over PostgreSQL, Elasticsearch and Redis, 100 wrk
# connections across every center's host name (figures in README, "County scale").
loadtest-county: install
	PY=$(PY) bash .ci/loadtest-county.sh

# The portal's pages against a stock Wagtail 8.0.1 page with the same guide text, served
# side by side with the same gunicorn flags (figures in README; needs wrk).
# Indexing docs/s and query p50/p95 of both engines on synthetic guides (figures in README):
# make benchmark-search SIZES=100000 (Elasticsearch too when ELASTICSEARCH_URL is set).
SIZES ?= 10000 100000
benchmark-search: install
	$(PY) -m benchmarks.search_speed --sizes $(SIZES)

benchmark-pages: install
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	PY=$(PY) $(PY) benchmarks/stock_peer.py
