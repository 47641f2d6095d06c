# The two set-up commands of the README:
#   make report   the syndication report on seeds/ (terminal table + report.html)
#   make test     the test suite
#   make spark-test  the Spark jobs against neardup dedup and neardup discover (local mode; installs pyspark)
#   make docs     the library's DocC documentation in .build/docs/NearDup (fails on any DocC warning)
# Both install the system libraries first when they are missing (scripts/install-deps.sh).

REFERENCE := seeds/000_ae173d8b20e40bc0.txt
NEARDUP := .build/release/neardup

.PHONY: deps build report test spark-test docs clean

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

# The DocC documentation (scripts/docs.sh: swift-docc-plugin, resolved only for this target).
docs: deps
	@bash scripts/docs.sh

clean:
	rm -rf .build report.html

# The Spark jobs' tests (integrations/spark/): Java and pyspark into integrations/spark/.venv,
# then each job in local[2] against neardup dedup and neardup discover on generated corpora.
spark-test: build
	@bash scripts/install-spark-deps.sh
	NEARDUP=$(NEARDUP) integrations/spark/.venv/bin/python integrations/spark/test_dedup.py
	NEARDUP=$(NEARDUP) integrations/spark/.venv/bin/python integrations/spark/test_discover.py
