# Two commands on a fresh machine: `make site` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve validate golden clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

site: $(STAMP)  ## build the demo site into site/
	$(BIN)/mkdocs build --strict
	@echo
	@echo "Built site/. View it with 'make serve' (live preview at http://127.0.0.1:8000/),"
	@echo "or serve the built files: $(BIN)/python -m http.server -d site 8000"

test: $(STAMP)  ## run the test suite
	$(BIN)/python -m pytest

serve: $(STAMP)  ## live preview; reloads on edits to claims/, content/ and templates/
	$(BIN)/mkdocs serve

validate: $(STAMP)  ## check every claim and article
	$(BIN)/site-builder validate

golden: $(STAMP)  ## regenerate tests/golden/ after an intended change to generated Markdown
	$(BIN)/python -m pytest tests/test_golden.py --update-golden

clean:
	rm -rf site $(VENV)
