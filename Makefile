# RNN Playground: build, serve and test.
#
#   make serve   build the web app and serve it at http://127.0.0.1:8080/ (rebuilds on change)
#   make dist    build the release bundle into dist/ (static files; host them under any path)
#   make test    format check, lints, native tests, wasm build + lints, in-browser tests,
#                dist/, then end-to-end tests in headless Chromium
#   make bench   benchmarks of the numeric core (native; needs no set-up)
#
# serve, dist and test first run `setup`, which installs what is missing and skips what is already
# there: the wasm32 target, Trunk, wasm-bindgen-cli (at the version in Cargo.lock), and npm's
# binaryen (wasm-opt) into target/node. `make test` also installs Debian's chromium and
# chromium-driver. A fresh machine needs about 20 minutes, mostly for building Trunk.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# The set-up steps share cargo's lock and apt's; run them one at a time even under -j.
.NOTPARALLEL:

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))

TRUNK_VERSION    := 0.21.14
BINARYEN_VERSION := 132.0.0
WASM_TARGET      := wasm32-unknown-unknown
CHROMEDRIVER     ?= /usr/bin/chromedriver

# npm's binaryen goes under target/ so the top level stays small; `cargo clean` removes it and
# the next `make` puts it back (a few seconds).
NODE_PREFIX := $(ROOT)/target/node
NODE_BIN    := $(NODE_PREFIX)/node_modules/.bin
CARGO_BIN   := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin

# npm's wasm-opt must come first: Trunk takes the wasm-opt on PATH, and Debian's is broken for us.
export PATH := $(NODE_BIN):$(CARGO_BIN):$(PATH)
# Trunk would poll crates.io for a newer version on every start.
export TRUNK_SKIP_VERSION_CHECK := true

SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: help setup setup-rust setup-trunk setup-wasm-bindgen setup-wasm-opt setup-chromium \
        serve dist test bench

help:
	@sed -n '1,8p' $(ROOT)/Makefile | sed 's/^# \{0,1\}//'

# ---------------------------------------------------------------------------------------------
# Set-up (idempotent: each step checks first and does nothing when already done)
# ---------------------------------------------------------------------------------------------

setup: setup-rust setup-trunk setup-wasm-bindgen setup-wasm-opt

setup-rust:
	@if rustup target list --installed | grep -qx '$(WASM_TARGET)'; then \
	  echo "setup: rust target $(WASM_TARGET) present"; \
	else \
	  rustup target add $(WASM_TARGET); \
	fi
	@for c in rustfmt clippy; do \
	  if rustup component list --installed | grep -q "^$$c"; then \
	    echo "setup: rust component $$c present"; \
	  else \
	    rustup component add $$c; \
	  fi; \
	done

setup-trunk:
	@if [ "$$(trunk --version 2>/dev/null)" = "trunk $(TRUNK_VERSION)" ]; then \
	  echo "setup: trunk $(TRUNK_VERSION) present"; \
	else \
	  echo "setup: installing trunk $(TRUNK_VERSION) (about 12 minutes on 2 cores)"; \
	  cargo install --locked trunk --version $(TRUNK_VERSION); \
	fi

# Trunk runs the wasm-bindgen on PATH only if its version equals the one in Cargo.lock;
# otherwise it tries to download one from GitHub. The install is deliberately not --locked:
# wasm-bindgen-cli's own lockfile pins a crate version the registry here does not serve.
setup-wasm-bindgen:
	@cd $(ROOT); \
	if [ ! -f Cargo.lock ]; then cargo generate-lockfile; fi; \
	want=$$(awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock); \
	if [ -z "$$want" ]; then echo "setup: no wasm-bindgen package in Cargo.lock" >&2; exit 1; fi; \
	have=$$(wasm-bindgen --version 2>/dev/null | awk '{ print $$2 }' || true); \
	runner=$$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{ print $$2 }' || true); \
	if [ "$$have" = "$$want" ] && [ "$$runner" = "$$want" ]; then \
	  echo "setup: wasm-bindgen-cli $$want present"; \
	else \
	  echo "setup: installing wasm-bindgen-cli $$want (about 4 minutes)"; \
	  cargo install --force wasm-bindgen-cli --version "$$want"; \
	fi

# npm's binaryen is a pure wasm/JS build of wasm-opt (needs node and npm).
setup-wasm-opt:
	@if [ "$$($(NODE_BIN)/wasm-opt --version 2>/dev/null | awk '{ print $$3 }')" = "$(firstword $(subst ., ,$(BINARYEN_VERSION)))" ]; then \
	  echo "setup: wasm-opt (npm binaryen $(BINARYEN_VERSION)) present"; \
	else \
	  if ! command -v npm >/dev/null; then \
	    $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm \
	      || { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm; }; \
	  fi; \
	  mkdir -p $(NODE_PREFIX); \
	  npm install --no-save --no-audit --no-fund --prefix $(NODE_PREFIX) binaryen@$(BINARYEN_VERSION); \
	  $(NODE_BIN)/wasm-opt --version; \
	fi

# Only `make test` needs a browser. apt-get update runs only if the package lists are missing
# or too old to install from.
setup-chromium:
	@if [ -x /usr/bin/chromium ] && [ -x $(CHROMEDRIVER) ]; then \
	  echo "setup: chromium and chromedriver present"; \
	else \
	  if ! apt-cache show chromium-driver >/dev/null 2>&1; then $(SUDO) apt-get update; fi; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver \
	    || { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; }; \
	fi

# ---------------------------------------------------------------------------------------------
# Build, serve, test, bench
# ---------------------------------------------------------------------------------------------

serve: setup
	cd $(ROOT) && trunk serve --release --address 127.0.0.1 --port 8080

dist: setup
	cd $(ROOT) && trunk build --release

# The e2e tests are #[ignore]d (they need dist/ and a browser), so plain `cargo test` skips
# them; here they run with --ignored once dist/ is fresh.
test: setup setup-chromium
	cd $(ROOT) && cargo fmt --all -- --check
	cd $(ROOT) && cargo clippy --all-targets -- -D warnings
	cd $(ROOT) && cargo test
	cd $(ROOT) && cargo build --lib --target $(WASM_TARGET)
	cd $(ROOT) && cargo clippy --lib --target $(WASM_TARGET) -- -D warnings
	@cd $(ROOT); if [ -f tests/web.rs ]; then \
	  echo "CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target $(WASM_TARGET) --test web"; \
	  CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target $(WASM_TARGET) --test web; \
	else \
	  echo "test: no tests/web.rs, skipping in-browser tests"; \
	fi
	$(MAKE) --no-print-directory -C $(ROOT) dist
	cd $(ROOT) && CHROMEDRIVER=$(CHROMEDRIVER) cargo test --test e2e -- --ignored --test-threads=1

bench:
	cd $(ROOT) && cargo bench --bench core
