# Waypoint tasks. `make serve` and `make test` set up whatever is missing first.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

.PHONY: setup setup-build serve build test test-lint test-safety test-native test-browser test-e2e fuzz screenshots bench clean

setup:
	@bash scripts/setup.sh

## Only the build tools (no browser, no E2E packages): enough for `make build` and `make serve`.
setup-build:
	@bash scripts/setup.sh build

## The planner on http://127.0.0.1:$(PORT)/ (the release build, served as a static host would).
serve: build
	@echo "Waypoint is at http://127.0.0.1:$(PORT)/  (Ctrl+C stops it)"
	@python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## The release build in dist/: copy that folder to any static host, at any path.
build: setup-build
	trunk build --release

## Every test: native core, components in headless Chromium, end to end with Playwright.
test: setup test-lint test-safety test-native test-browser test-e2e

## Formatting and lints: rustfmt.toml, and clippy on the core, the tests and the examples,
## and on the Leptos shell, which only builds for the browser.
test-lint:
	cargo fmt --all --check
	cargo clippy --locked --workspace --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --lib -- -D warnings

test-safety:
	@bash scripts/check-safety.sh

test-native:
	cargo test --locked --workspace

test-browser:
	cargo test --locked --target wasm32-unknown-unknown --test browser_board --test browser_roadmap --test browser_customer

test-e2e: build
	node --test --test-concurrency=1 tests/e2e/

## Fuzz the import parser for FUZZ_SECONDS (default 60). Not part of `make test`.
## cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets the stable compiler here
## build it without sanitizers (coverage-guided libFuzzer still works).
FUZZ_SECONDS ?= 60
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run import_json --sanitizer none --fuzz-dir . -- -max_total_time=$(FUZZ_SECONDS)

## Board screenshots in both languages, for the README.
screenshots: setup build
	node scripts/screenshot.mjs docs

clean:
	cargo clean
	rm -rf dist

## Speed and size figures against the budgets (release build, headless Chromium); last line is JSON.
## Not part of `make test`: tests never assert timings.
bench: setup build
	node scripts/bench.mjs
