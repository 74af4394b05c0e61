# RNN Playground: build, serve and test. `make help` lists the commands.
#
# serve, dist and test first run .ci/setup, which installs what is missing and skips what is
# already there; that script says where each tool's version is pinned.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# The set-up steps share cargo's lock and apt's; run them one at a time even under -j.
.NOTPARALLEL:

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))

WASM_TARGET  := wasm32-unknown-unknown
CHROMEDRIVER ?= /usr/bin/chromedriver

# npm's binaryen goes under target/ so the top level stays small; `cargo clean` removes it and
# the next `make` puts it back (a few seconds).
export NODE_PREFIX := $(ROOT)/target/node
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin

# npm's wasm-opt must come first: Trunk takes the wasm-opt on PATH, and Debian's is broken for us.
export PATH := $(NODE_PREFIX)/node_modules/.bin:$(CARGO_BIN):$(PATH)
# Trunk would poll crates.io for a newer version on every start.
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: help setup setup-chromium setup-nginx setup-python serve dist test screenshots bench lighthouse soak

help: ## list these commands
	@echo "RNN Playground. A fresh Debian machine needs about 20 minutes of set-up, mostly building"
	@echo "Trunk; after that each command skips what is already installed."
	@echo
	@awk -F ':.*## ' '/^[a-z-]+:.*## / { printf "  make %-15s %s\n", $$1, $$2 }' $(ROOT)/Makefile

setup: ## install the wasm32 target, Trunk, wasm-bindgen-cli, wasm-opt, terser and brotli if missing
	@$(ROOT)/.ci/setup

setup-chromium: ## install Debian's chromium, chromium-driver, fonts-noto-cjk and npm's axe-core if missing (for `make test`)
	@$(ROOT)/.ci/setup chromium axe

setup-nginx: ## install Debian's nginx and its brotli_static module if missing (for `make test`)
	@$(ROOT)/.ci/setup nginx

setup-python: ## install numpy into a virtual environment under target/ if missing (for `make test`)
	@$(ROOT)/.ci/setup python

serve: setup ## build the web app and serve it at http://127.0.0.1:8080/ (rebuilds on change)
	cd $(ROOT) && trunk serve --release --address 127.0.0.1 --port 8080

dist: setup ## build the release bundle into dist/ (static files; host them under any path: docs/DEPLOY.md)
	cd $(ROOT) && trunk build --release
	$(ROOT)/.ci/minify-glue $(ROOT)/dist
	$(ROOT)/.ci/precompress $(ROOT)/dist

# The working tree's status (empty outside a git checkout): `make test` must leave it as it was,
# since tests write only ignored files.
TREE_STATUS := { git -C $(ROOT) status --porcelain --untracked-files=all 2>/dev/null || true; }

# The e2e tests are #[ignore]d (they need dist/ and a browser), so plain `cargo test` skips
# them; here they run with --ignored once dist/ is fresh.
test: setup setup-chromium setup-nginx setup-python ## format check, lints, native, Python, in-browser and end-to-end tests
	mkdir -p $(ROOT)/target && $(TREE_STATUS) > $(ROOT)/target/tree-before-test
	cd $(ROOT) && cargo fmt --all -- --check
	cd $(ROOT) && cargo clippy --workspace --all-targets -- -D warnings
	cd $(ROOT) && cargo test --workspace
	cd $(ROOT) && cargo test -p rnn-lab --test cli -- --ignored python::
	cd $(ROOT) && cargo build -p rnn-playground -p rnn-core --lib --target $(WASM_TARGET)
	cd $(ROOT) && cargo clippy -p rnn-playground -p rnn-core --lib --target $(WASM_TARGET) -- -D warnings
	cd $(ROOT) && CHROMEDRIVER=$(CHROMEDRIVER) cargo test -p rnn-playground --target $(WASM_TARGET) --test web
	$(MAKE) --no-print-directory -C $(ROOT) dist
	cd $(ROOT) && SOAK_MINUTES=2 CHROMEDRIVER=$(CHROMEDRIVER) cargo test --test e2e -- --ignored \
	  --test-threads=1
	$(TREE_STATUS) | diff $(ROOT)/target/tree-before-test - \
	  || { echo "make test changed the files above: tests may write only ignored files" >&2; exit 1; }

# The README's pictures: the e2e tests that take them, told to write into docs/images/.
README_IMAGE_TESTS := training::play_trains_the_seed_run_down_to_its_plateau \
  inside::the_exploding_signal_preset_opens_the_inside_view \
  race::the_race_presets_set_their_racers_and_finish

screenshots: setup setup-chromium ## retake the README's pictures (docs/images/*.png) from a fresh dist/
	$(MAKE) --no-print-directory -C $(ROOT) dist
	cd $(ROOT) && RNN_README_IMAGES=1 CHROMEDRIVER=$(CHROMEDRIVER) cargo test --test e2e -- \
	  --ignored --test-threads=1 $(README_IMAGE_TESTS)

bench: ## benchmarks of the numeric core (native; needs no set-up)
	cd $(ROOT) && cargo bench -p rnn-core --bench core

# Lighthouse goes into its own folder under target/node: npm prunes packages it was not asked
# for, so sharing binaryen's folder would remove one or the other.
LIGHTHOUSE_VERSION := 12
LIGHTHOUSE_PORT    ?= 8093
LIGHTHOUSE_DIR     := $(NODE_PREFIX)/lighthouse

lighthouse: setup setup-chromium ## Lighthouse (mobile) on dist/ served with gzip; report in tests/artifacts/
	$(MAKE) --no-print-directory -C $(ROOT) dist
	[ -x $(LIGHTHOUSE_DIR)/node_modules/.bin/lighthouse ] || npm install --no-audit --no-fund \
	  --prefix $(LIGHTHOUSE_DIR) lighthouse@$(LIGHTHOUSE_VERSION)
	cd $(ROOT) && { python3 tests/serve_gzip.py dist $(LIGHTHOUSE_PORT) & server=$$!; \
	  trap 'kill $$server' EXIT; sleep 1; \
	  CHROME_PATH=/usr/bin/chromium $(LIGHTHOUSE_DIR)/node_modules/.bin/lighthouse \
	    http://127.0.0.1:$(LIGHTHOUSE_PORT)/ --only-categories=performance --quiet \
	    --chrome-flags="--headless --no-sandbox" --output=json --output=html \
	    --output-path=tests/artifacts/lighthouse; }
	@node $(ROOT)/tests/lighthouse_summary.js $(ROOT)/tests/artifacts/lighthouse.report.json

SOAK_MINUTES ?= 30

soak: setup setup-chromium ## play at full speed for SOAK_MINUTES (30): memory flat, page responsive
	$(MAKE) --no-print-directory -C $(ROOT) dist
	cd $(ROOT) && SOAK_MINUTES=$(SOAK_MINUTES) CHROMEDRIVER=$(CHROMEDRIVER) cargo test --test e2e \
	  -- --ignored --nocapture soak::
