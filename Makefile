# One command for everything CI checks: `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: test demo install lint clean

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

install: $(PY)
	$(PY) -m pip install -q -e '.[dev]'

test: install
	$(VENV)/bin/ruff check watcher tests benchmarks
	$(VENV)/bin/ruff format --check watcher tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q

demo: install
	$(VENV)/bin/watcher demo

clean:
	rm -rf $(VENV) build *.egg-info
