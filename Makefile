# CritMin developer commands.  `make run` and `make test` install what they need
# into .venv themselves, so they work on a fresh clone.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test install smoke bench demo clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# The app opens (a copy of) the demo itself on first start.
# Without a display (CI, ssh) the app starts offscreen and exits after the smoke test.
run: $(STAMP)
	$(if $(DISPLAY),,QT_QPA_PLATFORM=offscreen) $(VENV)/bin/critmin gui $(if $(DISPLAY),,--smoke-test)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen CRITMIN_HOME=$(CURDIR)/.test-home $(PY) -m pytest -q -p no:cacheprovider
	$(VENV)/bin/lint-imports

smoke: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/critmin --smoke-test

bench: $(STAMP)
	for b in bench/bench_*.py; do $(PY) $$b || exit 1; done

demo: $(STAMP)
	$(PY) scripts/build_demo.py

clean:
	rm -rf $(VENV) .test-home build dist *.egg-info
