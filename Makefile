# The two commands of the README: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TS     := resources/translations/workbench_zh_CN.ts
QM     := resources/translations/workbench_zh_CN.qm
# What a real window needs on Debian/Ubuntu beyond the base image (Qt's xcb plugin, a CJK font), and
# Carlito, metric-compatible with Calibri, so workbooks print from LibreOffice at the size Excel prints them.
SYSTEM_PACKAGES := libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 fonts-wqy-microhei fonts-crosextra-carlito

.PHONY: run test dist dist-check deb deb-check translations system-deps bench bench-large clean

$(STAMP): requirements-lock.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-lock.txt
	touch $(STAMP)

$(QM): $(TS) | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

translations: $(QM)

system-deps:
	@if command -v dpkg >/dev/null 2>&1; then \
	  missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing; \
	    else echo "Missing system packages for the window: $$missing (sudo apt-get install $$missing)"; fi; \
	  fi; \
	fi

run: $(STAMP) $(QM) system-deps
	$(BIN)/python main.py

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The packaged application, one folder: dist/QualityReviewWorkbench/ (build/workbench.spec).
# Prints the build time, the bundle size and what dominates it.
dist: $(STAMP) $(QM)
	$(BIN)/python build/build_dist.py

# CI: build, then run the frozen executable headless (--version, self-test, window start).
dist-check: $(STAMP) $(QM)
	$(BIN)/python build/build_dist.py --check

# The Debian package: dist/quality-review-workbench_VERSION-1_ARCH.deb from the bundle (built first if
# dist/ has none). Needs dpkg-deb (Debian, Ubuntu, UOS, Kylin); no root, no fakeroot.
deb: $(STAMP) $(QM)
	$(BIN)/python build/build_deb.py

# CI, after dist-check (reuses its bundle): build the .deb, inspect it, lintian (when installed),
# install it in a throwaway root, run its self-test, check the MIME handler, purge it.
deb-check: $(STAMP) $(QM)
	$(BIN)/python build/deb_check.py

# Every bench runs, a miss included, and the misses are named at the end (exit status 1 if any).
bench: $(STAMP)
	@missed=""; for b in bench/bench_*.py; do [ $$b = bench/bench_large.py ] && continue; \
		echo "== $$b"; $(BIN)/python $$b || missed="$$missed $$b"; done; \
		if [ -n "$$missed" ]; then echo "missed:$$missed"; exit 1; fi; echo "every bench met its goals"

# Issue 20's figures on one million cases (minutes; not part of test or CI): the workspace is built
# once by the demo and cached (bench/bench_large.py --rebuild builds it again).
bench-large: $(STAMP) $(QM)
	$(BIN)/python bench/bench_large.py

clean:
	rm -rf $(VENV) build/out build/work build/deb dist .pytest_cache .hypothesis
