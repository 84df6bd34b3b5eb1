# Two entry points for people: `make site` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
WWIDW  := $(VENV)/bin/wwidw
STAMP  := $(VENV)/.installed
# The browser tests drive Debian's chromium through Playwright; never `playwright install`.
CHROMIUM := /usr/bin/chromium

.PHONY: install chromium site validate test bench clean

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

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian's chromium for the browser tests..."; \
			export DEBIAN_FRONTEND=noninteractive; \
			apt-get update && apt-get install -y chromium; \
		else \
			echo "The browser tests need Debian's chromium at $(CHROMIUM), and it is missing." >&2; \
			echo "Install it as root, then run make test again:" >&2; \
			echo "    sudo apt-get update && sudo apt-get install -y chromium" >&2; \
			exit 1; \
		fi; \
	fi

test: install chromium
	$(VENV)/bin/pytest -q

bench: install
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) site .pytest_cache benchmarks/out
