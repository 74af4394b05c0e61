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

.PHONY: help setup setup-chromium serve dist test bench

help: ## list these commands
	@echo "RNN Playground. A fresh Debian machine needs about 20 minutes of set-up, mostly building"
	@echo "Trunk; after that each command skips what is already installed."
	@echo
	@awk -F ':.*## ' '/^[a-z-]+:.*## / { printf "  make %-15s %s\n", $$1, $$2 }' $(ROOT)/Makefile

setup: ## install the wasm32 target, Trunk, wasm-bindgen-cli and wasm-opt if missing
	@$(ROOT)/.ci/setup

setup-chromium: ## install Debian's chromium and chromium-driver if missing (for `make test`)
	@$(ROOT)/.ci/setup chromium

serve: setup ## build the web app and serve it at http://127.0.0.1:8080/ (rebuilds on change)
	cd $(ROOT) && trunk serve --release --address 127.0.0.1 --port 8080

dist: setup ## build the release bundle into dist/ (static files; host them under any path)
	cd $(ROOT) && trunk build --release

# The e2e tests are #[ignore]d (they need dist/ and a browser), so plain `cargo test` skips
# them; here they run with --ignored once dist/ is fresh.
test: setup setup-chromium ## format check, lints, native, in-browser and end-to-end tests
	cd $(ROOT) && cargo fmt --all -- --check
	cd $(ROOT) && cargo clippy --all-targets -- -D warnings
	cd $(ROOT) && cargo test
	cd $(ROOT) && cargo build --lib --target $(WASM_TARGET)
	cd $(ROOT) && cargo clippy --lib --target $(WASM_TARGET) -- -D warnings
	cd $(ROOT) && CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target $(WASM_TARGET) --test web
	$(MAKE) --no-print-directory -C $(ROOT) dist
	cd $(ROOT) && CHROMEDRIVER=$(CHROMEDRIVER) cargo test --test e2e -- --ignored --test-threads=1

bench: ## benchmarks of the numeric core (native; needs no set-up)
	cd $(ROOT) && cargo bench --bench core
