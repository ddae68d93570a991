# CritMin developer commands.  `make run` and `make test` install what they need
# into .venv themselves, so they work on a fresh clone.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test install smoke bench demo clean frozen frozen-smoke

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

# lint (ruff) and types (mypy on desktop/core) first: they take seconds; then the tests and the import contracts
test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen CRITMIN_HOME=$(CURDIR)/.test-home $(PY) -m pytest -q -p no:cacheprovider
	$(VENV)/bin/lint-imports

smoke: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/critmin --smoke-test

bench: $(STAMP)
	for b in bench/bench_*.py; do $(PY) $$b || exit 1; done

demo: $(STAMP)
	$(PY) scripts/build_demo.py

# The frozen one-folder app (build_installer.spec, docs/packaging.md): dist/CritMin/CritMin.
# PyInstaller comes from the optional dependency group "build"; the build fails over FROZEN_MAX_MB.
FROZEN        := dist/CritMin/CritMin
FROZEN_MAX_MB ?= 350
SMOKE_OUT     ?= build/smoke

frozen: $(STAMP)
	@$(PY) -c "import PyInstaller" 2>/dev/null || $(PY) -m pip install --quiet -e ".[test,build]"
	@start=$$(date +%s.%N); \
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build_installer.spec || exit 1; \
	end=$$(date +%s.%N); \
	mb=$$(du -sm dist/CritMin | cut -f1); \
	echo "frozen app: dist/CritMin is $$mb MB ($$(find dist/CritMin -type f | wc -l) files), built in $$(echo "$$start $$end" | awk '{printf "%.0f", $$2 - $$1}') s"; \
	if [ "$$mb" -gt $(FROZEN_MAX_MB) ]; then echo "the one-folder build is over $(FROZEN_MAX_MB) MB"; exit 1; fi

# Builds the frozen app, then runs its smoke test offscreen in English and in Chinese, each with a fresh
# user folder; the reports and screenshots stay in $(SMOKE_OUT)/en and $(SMOKE_OUT)/zh_CN.
frozen-smoke: frozen
	@home=$$(mktemp -d); status=0; passed=0; failed=0; \
	for lang in en zh_CN; do \
		start=$$(date +%s.%N); \
		QT_QPA_PLATFORM=offscreen CRITMIN_HOME=$$home/$$lang $(FROZEN) --lang $$lang --smoke-test $(SMOKE_OUT)/$$lang \
			2>$$home/stderr-$$lang.txt || { status=1; tail -n 40 $$home/stderr-$$lang.txt; }; \
		echo "frozen smoke test ($$lang): $$(echo "$$start $$(date +%s.%N)" | awk '{printf "%.1f", $$2 - $$1}') s"; \
		report=$(SMOKE_OUT)/$$lang/smoke_report.txt; \
		passed=$$((passed + $$(grep -c '^ok ' $$report 2>/dev/null || true))); \
		failed=$$((failed + $$(grep -c '^failed ' $$report 2>/dev/null || true))); \
		[ -f $$report ] || failed=$$((failed + 1)); \
	done; \
	rm -rf "$$home"; \
	echo "frozen-smoke: $$passed passed, $$failed failed"; \
	exit $$status

clean:
	rm -rf $(VENV) .test-home build dist *.egg-info
