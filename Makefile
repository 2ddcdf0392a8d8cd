# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLES := $(shell find samples -name '*.yaml' | sort)

.PHONY: demo test lint bench golden catalogs screenshots clean

# WeasyPrint needs Pango and HarfBuzz-Subset at run time; apt installs them when missing.
# The browser tests of `dpia serve` drive Debian's Chromium (never a downloaded browser); the
# long-word test reads word positions with poppler's pdftotext.
$(VENV)/.system:
	@$(PYTHON) -c "import ctypes.util as u,sys; sys.exit(0 if u.find_library('pango-1.0') and u.find_library('harfbuzz-subset') else 1)" \
	  || (apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)
	@command -v pdftotext >/dev/null || (apt-get update -qq && apt-get install -y -qq poppler-utils)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	touch $@

$(VENV)/.installed: $(VENV)/.system pyproject.toml
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.system pyproject.toml
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/dpia validate $(SAMPLES)
	$(BIN)/dpia batch samples -o out
	@echo "Documents are in out/"

test: $(VENV)/.test-installed
	$(BIN)/ruff check dpia tests bench locales hatch_build.py
	$(BIN)/mypy
	$(BIN)/pytest -q

lint: $(VENV)/.test-installed
	$(BIN)/ruff check dpia tests bench locales hatch_build.py
	$(BIN)/ruff format --check dpia tests bench locales hatch_build.py
	$(BIN)/mypy

bench: $(VENV)/.test-installed
	$(BIN)/python bench/run.py

# Regenerate the HTML golden files after an intended change to templates or samples.
golden: $(VENV)/.test-installed
	$(BIN)/python -m tests.golden update

# The README's screenshots of `dpia serve` (docs/screenshots/), from the samples.
screenshots: $(VENV)/.test-installed
	$(BIN)/python -m tests.screenshots docs/screenshots

clean:
	rm -rf $(VENV) out build dist

# Re-extract messages into locales/dpia.pot (with the model's field descriptions) and merge
# them into each language's .po.
catalogs: $(VENV)/.test-installed
	$(BIN)/pybabel extract -F babel.cfg -k N_ --no-location --sort-output -o locales/dpia.pot .
	$(BIN)/python locales/model_messages.py
	for l in $$($(BIN)/python -c "from dpia.languages import LANGUAGES; print(*LANGUAGES)"); do \
	  if [ -f locales/$$l/LC_MESSAGES/dpia.po ]; then \
	    $(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -i locales/dpia.pot -d locales -D dpia -l $$l; \
	  else $(BIN)/pybabel init -i locales/dpia.pot -d locales -D dpia -l $$l; fi; \
	done
	$(BIN)/python locales/sync.py
