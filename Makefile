# Two entry points (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= sortie/grand-perigueux

.PHONY: install demo test lint typecheck pytest bench reference clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/.installed

# Without Java, the demo does every other step and says how to enable the OWL check.
demo: install
	$(BIN)/feuille-de-route demo --sortie $(OUT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The package root holds links to the part folders, so mypy reads it as installed.
typecheck: install
	$(BIN)/mypy -p feuille_de_route
	$(BIN)/mypy tests benchmarks tools

pytest: install
	$(BIN)/pytest

test: lint typecheck pytest

bench: install
	$(BIN)/python -m benchmarks

# Rebuild the national reference data shipped in graph/donnees/reference/ from ../shared/data.
reference: install
	$(BIN)/python tools/construire_reference.py

clean:
	rm -rf build sortie .mypy_cache .pytest_cache .ruff_cache
