# Two commands do everything: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 5000
BENCH_ARGS ?=

.PHONY: demo test lint bench clean translations

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/pybabel compile --statistics -d web/translations
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/planner init
	$(BIN)/planner demo
	$(BIN)/planner serve --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest -n 2

lint: $(STAMP)
	$(BIN)/ruff check planner web tests bench

bench: $(STAMP)
	$(BIN)/python bench/run_all.py $(BENCH_ARGS)

# Extract every _() of web/ into the template and merge it into the de and zh catalogues;
# then translate the new entries (tests/web/test_translations.py names the missing ones).
translations: $(STAMP)
	$(BIN)/pybabel extract --no-location --sort-output -F babel.cfg -k lazy_gettext -k ngettext:1,2 \
		-o web/translations/messages.pot web
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -i web/translations/messages.pot \
		-d web/translations
	$(BIN)/pybabel compile -d web/translations

clean:
	rm -rf $(VENV) instance/*.sqlite3*
