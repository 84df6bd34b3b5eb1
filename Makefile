# Two entry points for people: `make site` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
WWIDW  := $(VENV)/bin/wwidw
STAMP  := $(VENV)/.installed

.PHONY: install site validate test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

validate: install
	$(WWIDW) validate --content content

site: install
	$(WWIDW) build --content content --out site

test: install
	$(VENV)/bin/pytest -q

bench: install
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) site .pytest_cache benchmarks/out
