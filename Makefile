# Set-up and everyday commands. `make graph` and `make test` each create .venv when missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.kg-runtime
DEV_STAMP     := $(VENV)/.kg-dev
INPUT  ?= raw
OUT    ?= outputs

.PHONY: graph test lint browser bench screenshot clean

graph: $(RUNTIME_STAMP)
	$(BIN)/kg build $(INPUT) --out $(OUT)

test: $(DEV_STAMP) browser
	$(BIN)/ruff check kg tests bench
	$(BIN)/pytest -q

lint: $(DEV_STAMP)
	$(BIN)/ruff check kg tests bench

browser:
	@sh scripts/install-browser.sh

screenshot: $(DEV_STAMP) browser
	KG_SCREENSHOT=$(OUT)/screenshot.png $(BIN)/pytest -q tests/test_page.py -k screenshot

bench: $(DEV_STAMP)
	$(BIN)/python bench/run_all.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(RUNTIME_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(RUNTIME_STAMP) $@

clean:
	rm -rf $(VENV) .kg-cache .pytest_cache .ruff_cache
