# Two entry points (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= sortie/grand-perigueux

.PHONY: install demo test lint typecheck pytest bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/feuille-de-route demo --sortie $(OUT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy cannot follow setuptools' editable import hook, so it reads the package
# through a tree of links that mirrors the installed layout.
typecheck: install
	rm -rf build/typecheck && mkdir -p build/typecheck/feuille_de_route
	for f in cli/*; do ln -s "$$PWD/$$f" build/typecheck/feuille_de_route/; done
	for p in ontology graph queries viz; do ln -s "$$PWD/$$p" build/typecheck/feuille_de_route/$$p; done
	cd build/typecheck && ../../$(BIN)/mypy --config-file ../../pyproject.toml -p feuille_de_route

pytest: install
	$(BIN)/pytest

test: lint typecheck pytest

bench: install
	$(BIN)/python -m benchmarks

clean:
	rm -rf build sortie .mypy_cache .pytest_cache .ruff_cache
