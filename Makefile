# The two quick-start commands: `make demo` and `make test`. Each sets everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench serve clean

$(STAMP): pyproject.toml plugins/xianxiang/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]' -e plugins/xianxiang
	touch $(STAMP)

demo: $(STAMP)
	scripts/install-packages
	$(BIN)/evalkit check examples/xianxiang-2022/submission.json

test: $(STAMP)
	scripts/install-packages
	$(BIN)/python -m pytest

# The web app on http://127.0.0.1:8000/ with a demo county (象山县's 18 townships; 贤庠镇 has not submitted yet)
serve: $(STAMP)
	$(BIN)/evalkit serve --db .serve/demo.db --demo examples/xiangshan-2022 --leave 贤庠镇

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist test-artifacts .serve
