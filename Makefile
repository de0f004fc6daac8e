# Two commands for a fresh clone: `make run` starts the app, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Extras installed with the project; CI adds PyTorch: make test EXTRAS=test,torch
EXTRAS ?= test

.PHONY: run test lint bench screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e ".[$(EXTRAS)]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/rnn-sandbox

# Three workers on the two cores the suite is timed on: many tests wait on a training
# process, a subprocess or a window's timer, and a third worker fills those waits.
test: $(STAMP)
	$(BIN)/python -m pytest -n 3

lint: $(STAMP)
	$(BIN)/ruff check rnn_sandbox tests benchmarks scripts

screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

bench: $(STAMP)
	env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build *.egg-info
