# Two commands on a fresh machine: `make site` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ZENSICAL_VENV := .venv-zensical
ZENSICAL_STAMP := $(ZENSICAL_VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve validate golden html-checker model bench-extract clean zensical

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

site: $(STAMP)  ## build the demo site into site/
	$(BIN)/mkdocs build --strict
	@echo
	@echo "Built site/. View it with 'make serve' (live preview at http://127.0.0.1:8000/claim-explainer/),"
	@echo "or serve the built files: $(BIN)/python -m http.server -d site 8000"

test: $(STAMP) $(ZENSICAL_STAMP)  ## run the test suite
	$(BIN)/python -m pytest

# Zensical runs no plugins: it builds what `site-builder generate` writes. It lives in its own virtual
# environment (it brings its own Markdown extensions and theme), pinned in engines/zensical.txt.
$(ZENSICAL_STAMP): engines/zensical.txt
	test -x $(ZENSICAL_VENV)/bin/python || $(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet -r engines/zensical.txt
	touch $(ZENSICAL_STAMP)

zensical: $(ZENSICAL_STAMP)  ## install Zensical into .venv-zensical (for tests/test_engines.py)

# The Nu Html Checker for tests/browser/test_html.py: npm's vnu-jar, run on the system's Java 11+.
# --ignore-scripts: its postinstall would download a Java runtime.
VNU := node_modules/vnu-jar/build/dist/vnu.jar
$(VNU): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(VNU)

html-checker: $(VNU)  ## install the HTML checker of the browser tests (needs Node.js and Java)

serve: $(STAMP)  ## live preview; reloads on edits to claims/, content/ and templates/
	$(BIN)/mkdocs serve

validate: $(STAMP)  ## check every claim and article
	$(BIN)/site-builder validate

golden: $(STAMP)  ## regenerate tests/golden/ after an intended change to the generated pages
	$(BIN)/python -m pytest tests/test_golden.py --update-golden

# The check-worthiness model, trained from the labelled data beside the checkout (../shared/data) and the
# project's news training set (its texts first: python scripts/news_devset.py collect --labels
# benchmarks/news/train-labels.json --from DIR; without them the model has no news scorer and says so):
# writes site_builder/drafting/models/checkworthiness.npz (deterministic: the same data gives the same bytes).
DATA ?= ../shared/data
model: $(STAMP)  ## retrain the check-worthiness model from $(DATA)
	$(BIN)/python -m pip install --quiet -e ".[train]"
	$(BIN)/python scripts/train_checkworthiness.py --data $(DATA)

# Benchmarks of the extractor (benchmarks/README.md): check-worthiness on ClaimBuster and CLEF 2019,
# drafts, claimants and attribution on the project's news sets, development and TEST (texts: scripts/news_devset.py
# collect, and collect --labels benchmarks/news/test-labels.json), two annotators' agreement on the TEST set,
# recall of the demo claims with throughput, and sentences that repeat a claim (demo copies; 10,000 claims).
bench-extract: $(STAMP)  ## check-worthiness, news-set and extraction benchmarks
	$(BIN)/python benchmarks/checkworthiness.py --data $(DATA)
	$(BIN)/python benchmarks/news.py
	$(BIN)/python benchmarks/news.py --labels benchmarks/news/test-labels.json --json benchmarks/results/news-test.json
	$(BIN)/python benchmarks/agreement.py benchmarks/news/test-labels.json benchmarks/news/test-labels-second.json --json benchmarks/results/news-agreement.json
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/copies.py --data $(DATA) --json benchmarks/results/copies.json

# Scale benchmark (benchmarks/README.md): make bench, or e.g. make bench BENCH_ARGS="--quick".
.PHONY: bench
BENCH_ARGS ?=
bench: $(STAMP)  ## scale benchmark: validate, plugin, build vs bare and plain mkdocs-material, memory, serve at 2k/10k/20k claims
	$(BIN)/python benchmarks/scale.py $(BENCH_ARGS)

clean:
	rm -rf site $(VENV) $(ZENSICAL_VENV)
