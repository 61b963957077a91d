# call-insights: `make demo` processes the sample calls on the local stack, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
REQ_HASH := $(shell cat requirements.txt requirements-local.txt requirements-dev.txt | sha256sum | cut -c1-16)
STAMP := $(VENV)/.installed-$(REQ_HASH)
# checkov (the infra/ scan in make test) lives in its own venv: its pins differ from the app's.
INFRA_VENV := .venv-infra
INFRA_STAMP := $(INFRA_VENV)/.installed-$(shell sha256sum requirements-infra.txt | cut -c1-16)
PORT ?= 7071

.PHONY: setup demo up down upload status test unit bench clean

$(STAMP): requirements.txt requirements-local.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "installing Python requirements into $(VENV) ..."
	@$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-* && touch $@

$(INFRA_STAMP): requirements-infra.txt
	@test -x $(INFRA_VENV)/bin/python || $(PYTHON) -m venv $(INFRA_VENV)
	@echo "installing checkov into $(INFRA_VENV) ..."
	@$(INFRA_VENV)/bin/python -m pip install -q --disable-pip-version-check -r requirements-infra.txt
	@rm -f $(INFRA_VENV)/.installed-* && touch $@

setup: $(STAMP) $(INFRA_STAMP)
	@scripts/ensure_system.sh
	@$(PY) -m scripts.install_models
	@[ -f local.settings.json ] || cp local.settings.example.json local.settings.json

demo: setup
	@$(PY) -m scripts.demo --port $(PORT)

up: setup
	@$(PY) -m scripts.demo --port $(PORT) --keep-up

upload: setup
	@test -n "$(FILE)" || (echo "usage: make upload FILE=path/to/recording.mp3" >&2; exit 2)
	@$(PY) -m scripts.demo --port $(PORT) --upload-only "$(FILE)"

down:  # only what this checkout started: its host (.devhost/host.pid), its emulators (.stack/run)
	@$(PY) -m scripts.host down
	@$(PY) -m devstack down

status:
	@$(PY) -m scripts.host status
	@$(PY) -m devstack status

test: setup
	@$(PY) -m scripts.run_tests

unit: setup
	@$(PY) -m pytest -m "not stack" -q

bench: setup
	@$(PY) -m bench $(ARGS)

clean: down
	rm -rf .stack .devhost
