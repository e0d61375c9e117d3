# Two set-up commands for a fresh machine with Python 3.11 and make: `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/ratsinfo --db demo.duckdb --home .ratsinfo-demo demo
	@echo
	@echo "Browse it: $(BIN)/ratsinfo --db demo.duckdb serve   (then open http://127.0.0.1:8000/)"

# Three test processes on two cores: the kill, crawl and refresh tests wait on sleeps, rate limits and
# subprocesses for about an eighth of the run, which a third process fills.
test: $(STAMP)
	$(BIN)/ruff check ratsinfo tests bench
	$(BIN)/python -m pytest -n 3 --dist loadfile --no-loadscope-reorder

bench: $(STAMP)
	$(BIN)/python bench/run.py --scale $(or $(SCALE),1)

clean:
	rm -rf $(VENV) demo.duckdb .ratsinfo-demo .pytest_cache
