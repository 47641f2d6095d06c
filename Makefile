# The two set-up commands of the README:
#   make report   the syndication report on seeds/ (terminal table + report.html)
#   make test     the test suite
#   make spark-test  the Spark jobs against neardup dedup and neardup discover (local mode; installs pyspark)
#   make docs     the library's DocC documentation in .build/docs/NearDup (fails on any DocC warning)
#   make man      the man page docs/man/neardup.1, generated from the argument parser (scripts/man.sh)
#   make completions  bash, zsh and fish completion scripts in .build/completions/ (docs/COMMAND-LINE.md)
# Both install the system libraries first when they are missing (scripts/install-deps.sh).

REFERENCE := seeds/000_ae173d8b20e40bc0.txt
NEARDUP := .build/release/neardup

.PHONY: deps build report test spark-test docs man completions clean

deps:
	@bash scripts/install-deps.sh

build: deps
	swift build -c release --product neardup

report: build
	$(NEARDUP) report --reference $(REFERENCE) seeds/ --format html --output report.html
	$(NEARDUP) report --reference $(REFERENCE) seeds/
	@echo "HTML report written to report.html"

test: deps
	swift test

# The DocC documentation (scripts/docs.sh: the toolchain's swift-symbolgraph-extract and docc).
docs: deps
	@bash scripts/docs.sh

# The man page, from the argument parser (swift-argument-parser's generate-manual plugin);
# committed, and checked to be current by CI (scripts/man.sh --check).
man: deps
	@bash scripts/man.sh

# Shell completions, from the argument parser (`neardup --generate-completion-script SHELL`).
completions: build
	@mkdir -p .build/completions
	$(NEARDUP) --generate-completion-script bash > .build/completions/neardup.bash
	$(NEARDUP) --generate-completion-script zsh > .build/completions/_neardup
	$(NEARDUP) --generate-completion-script fish > .build/completions/neardup.fish
	@echo "completions in .build/completions/ (installing them: docs/COMMAND-LINE.md)"

clean:
	rm -rf .build report.html

# The Spark jobs' tests (integrations/spark/): Java and pyspark into integrations/spark/.venv,
# then each job in local[2] against neardup dedup and neardup discover on generated corpora.
spark-test: build
	@bash scripts/install-spark-deps.sh
	NEARDUP=$(NEARDUP) integrations/spark/.venv/bin/python integrations/spark/test_dedup.py
	NEARDUP=$(NEARDUP) integrations/spark/.venv/bin/python integrations/spark/test_discover.py
