# call-insights: `make demo` processes the sample calls on the local stack, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
REQ_HASH := $(shell cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-16)
STAMP := $(VENV)/.installed-$(REQ_HASH)
PORT ?= 7071

.PHONY: setup demo up down upload status test unit bench clean

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "installing Python requirements into $(VENV) ..."
	@$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-* && touch $@

setup: $(STAMP)
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

down:
	@-pkill -f "devhost start --app-dir" || true
	@$(PY) -m devstack down

status:
	@$(PY) -m devstack status

test: setup
	@$(PY) -m scripts.run_tests

unit: setup
	@$(PY) -m pytest -m "not stack" -q

bench: setup
	@$(PY) -m bench $(ARGS)

clean: down
	rm -rf .stack .devhost
