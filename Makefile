# The README's contract: `make start` and `make test`. Everything else here serves them.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
# Versions of the build tools come from the same resolution as everything else.
pin = $(shell sed -n 's/^$(1) *= *//p' profiles/versions.cfg)
SITE_ID ?= akimat
# The release `make upgrade-check` upgrades a site of: the last commit before the domain layout.
UPGRADE_FROM ?= 076119a

.PHONY: build site start debug test upgrade-check lint format debian-packages pins i18n mail-sink reminders bench bench-registration bench-meetings bench-library bench-inbox clean

build: bin/instance bin/test ## Build the Zope instance and the test runner

$(VENV)/bin/buildout: profiles/versions.cfg
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q "pip==$(call pin,pip)"
	$(VENV)/bin/pip install -q "setuptools==$(call pin,setuptools)" "wheel==$(call pin,wheel)" "zc.buildout==$(call pin,zc.buildout)"
	touch $@

bin/instance bin/test bin/i18ndude bin/aiosmtpd &: $(VENV)/bin/buildout buildout.cfg profiles/*.cfg instance/instance.cfg src/*/pyproject.toml
	$(VENV)/bin/buildout -N
	touch bin/instance bin/test bin/i18ndude bin/aiosmtpd

site: build
	mkdir -p instance/var/{instance,cache,filestorage,blobstorage,log}
	bin/instance run instance/create_site.py $(SITE_ID)
	@echo "Serving http://localhost:8080/$(SITE_ID) until Ctrl+C (Zope's own admin: admin/admin)"

# `console`, not `fg`: plone.recipe.zope2instance's fg turns debug mode on, which shows
# exception details in error pages.
start: site ## Create the demo site when absent, then serve it on 127.0.0.1:8080
	bin/instance console

debug: site ## The same in Zope's debug mode, for developers: templates reload, errors show details
	bin/instance fg

# Debian packages the tests use: Chromium for the browser tests, LibreOffice to open the DOCX
# print forms. Installed with apt-get when missing and running as root.
DEBIAN_PACKAGES := /usr/bin/chromium:chromium /usr/bin/soffice:libreoffice-writer-nogui

debian-packages: ## Debian's Chromium and LibreOffice (Writer) for the tests
	@missing=""; for entry in $(DEBIAN_PACKAGES); do \
	  [ -x "$${entry%%:*}" ] || missing="$$missing $${entry#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "The tests need Debian's$$missing: run 'sudo apt-get install$$missing' first." >&2; exit 1; \
	  fi; \
	fi

test: build debian-packages ## Run every test; ends with "N passed, N failed"
	@mkdir -p test-results
	@set -o pipefail; bin/test $(TEST_ARGS) 2>&1 | tee test-results/test.log; status=$$?; \
	  $(PYTHON) tests/summary.py test-results/test.log || status=1; exit $$status

upgrade-check: build ## Create the demo site at UPGRADE_FROM, upgrade a copy of it here, check it opens, lists, edits and transitions (2-4 min)
	bash instance/upgrade_check.sh $(UPGRADE_FROM) $(SITE_ID)

# The style and layout tools, installed once into a venv of their own, so that the build never
# sees their packages. Their dependencies are pinned too (versions.cfg as pip constraints):
# zpretty needs the lxml of requirements.in.
LINT_VENV := $(VENV)-lint
LINT_TOOLS := $(LINT_VENV)/bin/ruff $(LINT_VENV)/bin/zpretty $(LINT_VENV)/bin/lint-imports
XML_FILES := --include '\.(zcml|xml)$$' src/*/src
IMPORT_PATH := src/akimat.content/src:src/akimat.policy/src

$(LINT_TOOLS) &: profiles/versions.cfg
	$(PYTHON) -m venv $(LINT_VENV)
	$(LINT_VENV)/bin/pip install -q "pip==$(call pin,pip)"
	$(LINT_VENV)/bin/pip install -q -c <(sed -n 's/^\([^ #[]*\) *= *\(.*\)$$/\1==\2/p' profiles/versions.cfg) \
	  ruff zpretty import-linter
	touch $(LINT_TOOLS)

lint: $(LINT_TOOLS) ## Check the style (ruff, zpretty) and the layers (import-linter); fails on any problem
	@status=0; \
	$(LINT_VENV)/bin/ruff check --output-format concise . || status=1; \
	$(LINT_VENV)/bin/ruff format --check --output-format concise . || status=1; \
	$(LINT_VENV)/bin/zpretty --check $(XML_FILES) || status=1; \
	PYTHONPATH=$(IMPORT_PATH) $(LINT_VENV)/bin/lint-imports --no-logo || status=1; \
	exit $$status

format: $(LINT_TOOLS) ## Apply ruff's fixes, ruff's format and zpretty in place (run before committing)
	$(LINT_VENV)/bin/ruff check --fix-only .
	$(LINT_VENV)/bin/ruff format .
	$(LINT_VENV)/bin/zpretty --inplace $(XML_FILES)

pins: ## Resolve profiles/requirements.in as a whole into profiles/versions.cfg
	$(PYTHON) -m venv $(VENV)-pins
	$(VENV)-pins/bin/pip install -q "pip==$(call pin,pip)"
	cd profiles && ../$(VENV)-pins/bin/pip install -q --dry-run --ignore-installed \
	  --report ../$(VENV)-pins/report.json -r requirements.in
	$(PYTHON) profiles/pins.py $(VENV)-pins/report.json > profiles/versions.cfg

mail-sink: build ## Keep the site's outgoing mail in instance/var/mail (a Maildir) on 127.0.0.1:8025
	mkdir -p instance/var/mail/{cur,new,tmp}
	@echo "Mail sent to 127.0.0.1:8025 lands in instance/var/mail/new until Ctrl+C"
	bin/aiosmtpd -n -l 127.0.0.1:8025 -c aiosmtpd.handlers.Mailbox instance/var/mail

reminders: ## Send today's deadline reminders (R12.4c) of the running site (make start)
	curl -fsS -X POST -u $${ADMIN:-admin:admin} -H 'Accept: application/json' \
	  http://localhost:8080/$(SITE_ID)/++api++/@send-reminders

bench: build bench-registration ## Time the control list, «my assignments» and the XLSX export with N assignments, and registration under load (stop make start first)
	mkdir -p instance/var/{instance,cache,filestorage,blobstorage,log}
	bin/instance run bench/control_bench.py $${N:-10000}

bench-registration: build ## Registrations per second of 8 concurrent clients × 50 over HTTP, no 5xx, no gap (stop make start first)
	mkdir -p instance/var/{instance,cache,filestorage,blobstorage,log}
	bin/instance run bench/registration_bench.py

bench-meetings: build ## Time the hall check, the meetings calendar and the Monday report with N meetings (stop make start first)
	mkdir -p instance/var/{instance,cache,filestorage,blobstorage,log}
	bin/instance run bench/meetings_bench.py $${N:-3000}

bench-library: build ## Time the library's facets, counts and full-text search with N reports (stop make start first)
	mkdir -p instance/var/{instance,cache,filestorage,blobstorage,log}
	bin/instance run bench/library_bench.py $${N:-20000}

bench-inbox: build ## Time «Ждёт моего действия» of the busiest person over N assignments and N/5 acts (target < 100 ms), the digest and the urgent-mail hook (stop make start first)
	mkdir -p instance/var/{instance,cache,filestorage,blobstorage,log}
	bin/instance run bench/inbox_bench.py $${N:-10000}

i18n: build ## Re-extract our messages into each package's akimat.pot and merge them into ru and kk
	for package in src/akimat.*/src/akimat/*/; do \
	  manual=$$(ls $$package/locales/manual.pot 2>/dev/null); \
	  bin/i18ndude rebuild-pot --pot $$package/locales/akimat.pot $${manual:+--merge $$manual} --create akimat $$package && \
	  bin/i18ndude sync --pot $$package/locales/akimat.pot $$package/locales/*/LC_MESSAGES/akimat.po; \
	done

clean: ## Remove the build (keeps instance/var, the site's data)
	rm -rf $(VENV) $(VENV)-pins $(LINT_VENV) bin develop-eggs eggs parts .installed.cfg test-results .ruff_cache .import_linter_cache
