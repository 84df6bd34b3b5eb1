# Two entry points for people: `make site` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
WWIDW  := $(VENV)/bin/wwidw
STAMP  := $(VENV)/.installed
# The browser tests drive Debian's chromium through Playwright; never `playwright install`.
CHROMIUM := /usr/bin/chromium
# The accessibility and HTML validity tests use axe-core and the Nu Html Checker (vnu-jar) from the npm
# registry, pinned by package-lock.json. npm runs no install scripts: vnu-jar's would download a JRE, and
# Debian's default-jre-headless runs vnu.jar instead.
NODE_STAMP := node_modules/.installed
NODE_TOOLS := node_modules/axe-core/axe.min.js node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: install chromium java npm node-tools site validate test lint-workflows issue-form bench clean FORCE

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
	@.ci/ensure-debian-package $(CHROMIUM) chromium "The browser tests"

java:
	@.ci/ensure-debian-package java default-jre-headless "The HTML validity tests (vnu.jar)"

npm:
	@.ci/ensure-debian-package npm npm "The accessibility tests (axe-core, vnu-jar)"

# Reinstalled when package.json or package-lock.json changed, or when a tool is missing from node_modules.
$(NODE_STAMP): package.json package-lock.json $(if $(wildcard node_modules/axe-core/axe.min.js),,FORCE) \
		$(if $(wildcard node_modules/vnu-jar/build/dist/vnu.jar),,FORCE)
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

FORCE:

node-tools: npm $(NODE_STAMP)

test: install chromium java node-tools
	$(VENV)/bin/pytest -q

# The workflow linters on their own (make test runs them too, in tests/test_workflows.py).
lint-workflows: install
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/actionlint
	$(VENV)/bin/zizmor --offline --persona pedantic .

# Regenerate the issue form after changing content/organisaties.yml or a taxonomy.
issue-form: install
	$(PY) -m wwidw_build.issue_form_template content

bench: install
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) node_modules site .pytest_cache benchmarks/out
