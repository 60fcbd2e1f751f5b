# The two quick-start commands: `make demo` and `make test`. Each sets everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml plugins/xianxiang/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]' -e plugins/xianxiang
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/evalkit check examples/xianxiang-2022/submission.json

test: $(STAMP)
	scripts/install-packages
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist test-artifacts
