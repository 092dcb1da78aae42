# Two entry points (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= sortie/grand-perigueux

.PHONY: install demo test lint typecheck pytest bench reference clean

# setuptools always adds an information-only notice (« Editable installation ») to an
# editable install, warning that a folder named like the package may shadow it: here
# that folder *is* the package. Only that notice is silenced, by its text.
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	PYTHONWARNINGS='ignore:Editable installation' $(BIN)/pip install -q -e '.[dev]'
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

# The suite on two workers (pytest-xdist; CI has 2 cores; PYTEST_WORKERS=N for more):
# each module runs on one worker, so its module fixtures are built once; the session
# fixtures are built once per worker.
PYTEST_WORKERS ?= 2
pytest: install
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadscope

test: lint typecheck pytest

bench: install
	$(BIN)/python -m benchmarks

# Rebuild the national reference data shipped in graph/donnees/reference/ from ../shared/data.
reference: install
	$(BIN)/python tools/construire_reference.py

clean:
	rm -rf build sortie .mypy_cache .pytest_cache .ruff_cache
