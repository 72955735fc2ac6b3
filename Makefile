# mamori — the two entry points a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out
EXAMPLE ?= examples/projects/staff-drafting-assistant.yaml
GATEWAY_CONFIG ?= examples/gateway/demo.yaml

.PHONY: run test install install-test golden docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

## run: assess the bundled example project into ./out/, load the sample registry (once) into
## ./mamori.db, print a token for the sample CAIO and a gateway key for a member of staff, then start
## the fake upstream model (:9000), the gateway (:8080) and the API (:8000); Ctrl+C stops all three
run: install
	$(BIN)/mamori assess $(EXAMPLE) --out $(OUT)
	$(BIN)/mamori db upgrade
	$(BIN)/mamori demo
	@echo "API token for the sample CAIO 'aoki' / サンプル CAIO（aoki）の API トークン:"
	@$(BIN)/mamori token create --user aoki --label "make run"
	@echo "Gateway key for 'ueda' on system 1 / ueda のゲートウェイキー（システム 1）:"
	@$(BIN)/mamori key create --system 1 --user ueda --label "make run"
	@$(BIN)/mamori dev fake-llm --port 9000 & fake=$$!; \
	 $(BIN)/mamori gateway serve --config $(GATEWAY_CONFIG) --port 8080 & gateway=$$!; \
	 trap 'kill $$fake $$gateway 2>/dev/null' EXIT INT TERM; \
	 $(BIN)/mamori serve

## test: lint, type-check and run the whole suite
test: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest

## golden: rewrite the golden assessment files after a deliberate change (review the diff!)
golden: install-test
	$(BIN)/python -m tests.regenerate_golden

## docs: regenerate docs/cli.md and docs/schema/project.schema.json from the code
docs: install-test
	$(BIN)/python -m tests.cli_reference
	$(BIN)/python -m tests.roles_reference
	$(BIN)/mamori schema project > docs/schema/project.schema.json

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
