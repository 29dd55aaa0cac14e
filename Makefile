# LandPlan – build, test and demo.  `make test` and `make demo` set up a
# fresh Debian 12 machine themselves (QGIS from Debian, a venv on the system
# interpreter with --system-site-packages).

SHELL := /bin/bash
PLUGIN := landplan_plugin
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
SYS_PYTHON := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
# The Spark jobs' own venv (no QGIS, newer numpy): see requirements-spark.txt
SPARK_VENV := .venv-spark
SPARK_PY := $(SPARK_VENV)/bin/python
QGIS_PROCESS := /usr/bin/qgis_process.bin
BUILD := build
PLUGIN_BUILD := $(BUILD)/$(PLUGIN)
DIST := dist
ZIP := $(DIST)/$(PLUGIN)-$(VERSION).zip
DEMO_OUT := demo_output
TS := $(PLUGIN)/i18n/landplan_zh_CN.ts
QM := $(TS:.ts=.qm)
PY_SOURCES := $(shell find $(PLUGIN) -name '*.py' -not -path '*/__pycache__/*')

export QT_QPA_PLATFORM := offscreen
export XDG_RUNTIME_DIR := $(CURDIR)/$(BUILD)/xdg-runtime
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: all setup system venv spark-venv bench-spark bench-vectorised test test-3.22 test-3.40 demo screenshots package check-package deploy lint ts qm sample bench clean distclean

all: package

system:
	@bash scripts/setup_system.sh

$(VENV)/.installed: requirements-dev.txt scripts/setup_system.sh
	@bash scripts/setup_system.sh
	@test -x $(PY) || $(SYS_PYTHON) -m venv --system-site-packages $(VENV)
	@$(SYS_PYTHON) -c "import numpy; print('numpy==' + numpy.__version__)" > $(VENV)/constraints.txt
	@$(PY) -m pip install -q --disable-pip-version-check -c $(VENV)/constraints.txt -r requirements-dev.txt
	@$(PY) -c "import numpy, sys; c=open('$(VENV)/constraints.txt').read().split('==')[1].strip(); \
	  sys.exit(0 if numpy.__version__ == c else 'pip replaced Debian numpy: ' + numpy.__version__)"
	@touch $@

QGIS340 := .qgis-3.40/.complete
$(QGIS340): scripts/setup_qgis340.sh
	@bash scripts/setup_qgis340.sh

$(SPARK_VENV)/.installed: requirements-spark.txt scripts/setup_system.sh
	@bash scripts/setup_system.sh
	@test -x $(SPARK_PY) || $(SYS_PYTHON) -m venv $(SPARK_VENV)
	@$(SPARK_PY) -m pip install -q --disable-pip-version-check -r requirements-spark.txt
	@touch $@

spark-venv: $(SPARK_VENV)/.installed

venv setup: $(VENV)/.installed $(QGIS340) $(SPARK_VENV)/.installed

# ---- translations -----------------------------------------------------------
# `make ts` refreshes the .ts from the sources (keeps existing translations);
# the .qm is always built from the checked-in .ts.
ts: $(VENV)/.installed
	pylupdate5 -noobsolete $(PY_SOURCES) -ts $(TS)

$(QM): $(TS) | $(VENV)/.installed
	lrelease -silent $(TS) -qm $(QM)

qm: $(QM)

# ---- build and package -------------------------------------------------------
$(BUILD)/.plugin: $(PY_SOURCES) $(QM) metadata.txt LICENSE CHANGELOG.md $(shell find resources -type f -not -path '*/__pycache__/*')
	@$(SYS_PYTHON) scripts/build_plugin.py $(BUILD) >/dev/null
	@touch $@

build: $(BUILD)/.plugin

package: $(ZIP)

$(ZIP): $(BUILD)/.plugin
	@mkdir -p $(DIST)
	@rm -f $@
	@cd $(BUILD) && $(SYS_PYTHON) -c "import shutil; shutil.make_archive('../$(basename $@)', 'zip', '.', '$(PLUGIN)')"
	@echo "plugin package: $@"

check-package: $(ZIP)
	@$(SYS_PYTHON) scripts/check_package.py $(ZIP)

# Deploys into every QGIS profile folder that exists (QGIS 3 and QGIS 4 keep
# theirs apart); QGIS_PROFILE_DIR names one profile instead.
deploy: $(BUILD)/.plugin
	@if [ -n "$${QGIS_PROFILE_DIR:-}" ]; then profiles="$$QGIS_PROFILE_DIR"; else \
	  profiles=""; for major in QGIS3 QGIS4; do \
	    p="$$HOME/.local/share/QGIS/$$major/profiles/default"; \
	    if [ -d "$$HOME/.local/share/QGIS/$$major" ]; then profiles="$$profiles $$p"; fi; done; \
	  profiles="$${profiles:-$$HOME/.local/share/QGIS/QGIS3/profiles/default}"; fi; \
	for profile in $$profiles; do dest="$$profile/python/plugins"; \
	  mkdir -p "$$dest" && rm -rf "$$dest/$(PLUGIN)" && cp -r $(PLUGIN_BUILD) "$$dest/" && \
	  echo "deployed to $$dest/$(PLUGIN) – enable LandPlan in Plugins → Manage and Install Plugins"; done

# ---- sample data -------------------------------------------------------------
sample: $(VENV)/.installed
	$(PY) resources/sample/make_sample.py

# ---- test, lint, demo, bench ---------------------------------------------------
# Two legs: Debian 12's QGIS 3.22 and QGIS 3.40 LTR (bookworm-backports,
# unpacked beside it).  Both always run; the target fails if either fails.
test: $(VENV)/.installed $(QGIS340) $(SPARK_VENV)/.installed $(BUILD)/.plugin
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	@status=0; \
	  bash scripts/test_leg.sh 3.22 $(PYTEST_ARGS) || status=1; \
	  bash scripts/test_leg.sh 3.40 $(PYTEST_ARGS) || status=1; \
	  exit $$status

test-3.22 test-3.40: test-%: $(VENV)/.installed $(QGIS340) $(SPARK_VENV)/.installed $(BUILD)/.plugin
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	bash scripts/test_leg.sh $* $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check $(PLUGIN) landplan_spark tests resources/sample benchmarks scripts
	$(VENV)/bin/ruff format --check $(PLUGIN) landplan_spark tests resources/sample benchmarks scripts

demo: $(VENV)/.installed $(BUILD)/.plugin
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) scripts/demo.py --plugin-dir $(BUILD) --output $(DEMO_OUT)

screenshots: $(VENV)/.installed $(BUILD)/.plugin
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) scripts/screenshots.py

bench: $(VENV)/.installed $(BUILD)/.plugin
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) benchmarks/run.py

# Spark jobs against the plugin on the same files (1M and 4M 图斑; long)
bench-spark: $(VENV)/.installed $(SPARK_VENV)/.installed $(BUILD)/.plugin
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) benchmarks/bench_spark.py --spark-python $(SPARK_PY) $(BENCH_SPARK_ARGS)

# What a vectorised (shapely 2) engine could reach, next to LandPlan and the
# native chain (issue #17): whole processes, alternated
bench-vectorised: $(VENV)/.installed $(BUILD)/.plugin
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) benchmarks/vectorised_floor.py --python $(PY)

clean:
	rm -rf $(BUILD) $(DIST) $(DEMO_OUT) $(QM) .pytest_cache

distclean: clean
	rm -rf $(VENV) $(SPARK_VENV)
