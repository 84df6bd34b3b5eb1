# Two entry points for people: `make site` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
WWIDW  := $(VENV)/bin/wwidw
STAMP  := $(VENV)/.installed
# The browser tests drive Debian's chromium through Playwright; never `playwright install`.
CHROMIUM := /usr/bin/chromium
# Packages from the npm registry, pinned by package-lock.json: Pagefind builds the site search (its
# "dependencies", installed by `make install`; PyPI's pagefind stops at 1.5.2), and the accessibility and
# HTML validity tests use axe-core and the Nu Html Checker, and `make lint` uses Prettier (its
# "devDependencies", added by `make test`). npm runs no install scripts: vnu-jar's would download a JRE, and Debian's
# default-jre-headless runs vnu.jar instead; Pagefind's binary comes as an npm package per platform.
BUILD_NODE_STAMP := node_modules/.installed-build
NODE_STAMP := node_modules/.installed
PAGEFIND_PACKAGE := node_modules/pagefind/package.json
NODE_TOOLS := node_modules/axe-core/axe.min.js node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: install python chromium java npm node-build node-tools site validate test lint format lint-workflows \
	issue-form docs requirements bench clean FORCE
# Serial even under make -j: both npm installs write node_modules/, and apt-get takes one lock.
.NOTPARALLEL:

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

python: $(STAMP)

install: python node-build

validate: install
	$(WWIDW) validate --sources bronnen.yml

site: install
	$(WWIDW) build --sources bronnen.yml --out site

chromium:
	@.ci/ensure-debian-package $(CHROMIUM) chromium "The browser tests"

java:
	@.ci/ensure-debian-package java default-jre-headless "The HTML validity tests (vnu.jar)"

npm:
	@.ci/ensure-debian-package npm npm "The site search (Pagefind) and the accessibility tests (axe-core, vnu-jar)"

# Each stamp is reinstalled when package.json or package-lock.json changed, or when a package it stands for
# is missing from node_modules. `npm ci` empties node_modules first, so a stamp never outlives its packages.
$(BUILD_NODE_STAMP): package.json package-lock.json $(if $(wildcard $(PAGEFIND_PACKAGE)),,FORCE)
	npm ci --omit=dev --no-audit --no-fund --ignore-scripts
	touch $(BUILD_NODE_STAMP)

$(NODE_STAMP): package.json package-lock.json $(if $(wildcard $(PAGEFIND_PACKAGE)),,FORCE) \
		$(if $(wildcard node_modules/axe-core/axe.min.js),,FORCE) \
		$(if $(wildcard node_modules/vnu-jar/build/dist/vnu.jar),,FORCE) \
		$(if $(wildcard node_modules/prettier/package.json),,FORCE)
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP) $(BUILD_NODE_STAMP)

FORCE:

node-build: npm $(BUILD_NODE_STAMP)

node-tools: npm $(NODE_STAMP)

# Not `install`: node-tools' full npm install holds the build's packages too. (The build stamp's
# missing-package check is decided when make reads this file, so on a fresh clone it would run
# `npm ci --omit=dev` after the full install and remove the test tools again.)
test: python chromium java node-tools lint
	$(VENV)/bin/pytest -q --durations=15

# Ruff (lint and format, configured in pyproject.toml) for Python, Prettier for the theme's JavaScript and CSS.
lint: python node-tools
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	node_modules/.bin/prettier --check theme/assets

# Apply both formatters and ruff's safe fixes.
format: python node-tools
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	node_modules/.bin/prettier --write theme/assets

# The workflow linters on their own (make test runs them too, in tests/test_workflows.py).
lint-workflows: install
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/actionlint
	$(VENV)/bin/zizmor --offline --persona pedantic .

# Regenerate the issue form after changing content/organisaties.yml or a taxonomy.
issue-form: install
	$(PY) -m wwidw_build.authoring.issue_form_template content

# Regenerate the docs that copy the code after changing a command's help or a diagnostic message:
# docs/commands.md (every command's --help) and the table of messages in CONTRIBUTING.md.
docs: python
	$(PY) -m wwidw_build.cli.reference

# Regenerate the hash-pinned requirements the CI jobs that publish, write or comment install (instead of
# `make install`): requirements/build.txt, the runtime dependencies of pyproject.toml and everything they
# need, at the versions this venv has (tested by `make test`); requirements/build-system.txt, what builds
# the engine itself (pip install --no-build-isolation), agreeing with build.txt. pip-tools is installed
# into the venv for this only; the hashes are PyPI's (no other index or local wheels), for every file
# of each pinned version. Run after changing the dependencies in pyproject.toml; tests/test_workflows.py
# fails while build.txt and pyproject.toml disagree.
requirements: python
	$(PY) -m pip install --quiet 'pip-tools>=7.4,<8'
	$(VENV)/bin/pip freeze --exclude-editable > $(VENV)/versions.txt
	env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND="make requirements" \
		$(VENV)/bin/pip-compile --quiet --rebuild --generate-hashes --strip-extras \
		--index-url https://pypi.org/simple --no-emit-index-url --no-emit-find-links \
		--constraint $(VENV)/versions.txt --output-file requirements/build.txt pyproject.toml
	sed -i '\|^    #   -c $(VENV)/versions.txt$$|d' requirements/build.txt
	env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND="make requirements" \
		$(VENV)/bin/pip-compile --quiet --rebuild --generate-hashes --strip-extras --allow-unsafe \
		--index-url https://pypi.org/simple --no-emit-index-url --no-emit-find-links \
		--only-build-deps --build-deps-for wheel --constraint requirements/build.txt \
		--output-file requirements/build-system.txt pyproject.toml

bench: install chromium
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) node_modules site .pytest_cache benchmarks/out
