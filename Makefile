# kefucost — make targets. GNU make + bash. `make help` lists them.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build
MAKEFLAGS += --no-print-directory

# Go from /usr/local/go when it is not on PATH (fresh CI shells).
ifeq ($(shell command -v go),)
export PATH := /usr/local/go/bin:$(PATH)
endif
GO ?= go

# Go compiles C (cgo) with scripts/cgocc, which runs the real compiler
# (CGOCC_REAL: go env CC, normally gcc) and makes one probe cgo compiles
# ~20x cheaper, with the same result: 270 CPU-s less for go-gl/gl in a cold
# build (see the script). make windows uses it with MinGW too.
ifeq ($(origin CGOCC_REAL),undefined)
CGOCC_REAL := $(shell $(GO) env CC)
endif
export CGOCC_REAL
export CC := $(CURDIR)/scripts/cgocc

VERSION := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml | head -n 1)
LDFLAGS := -X kefucost/app.Version=$(VERSION)
BIN := kefucost

# The packaging tool lives in the project, not in ~/go/bin. v1.7.4 is checked
# to package this Fyne 2.7.1 app (it builds with the project's go.mod).
FYNE_TOOLS_VERSION ?= v1.7.4
LOCAL_BIN := $(CURDIR)/build/bin
FYNE := $(LOCAL_BIN)/fyne
# staticcheck, pinned like the fyne tool; v0.8.2 supports Go 1.26. The stamp
# file makes a changed version reinstall.
STATICCHECK_VERSION ?= v0.8.2
STATICCHECK := $(LOCAL_BIN)/staticcheck
STATICCHECK_STAMP := $(LOCAL_BIN)/.staticcheck-$(STATICCHECK_VERSION)

# make test also runs the tests that open files in LibreOffice (half a
# minute each); a plain go test ./... skips them (KEFUCOST_LIBREOFFICE).

# The race detector runs on the packages that start goroutines: the
# window's live worker and draft writer (only the tests that use them:
# under -race the rest would take minutes), the engine's parallel sweeps
# and the store's guarded open. The store's crash test kills child
# processes within its first second under -short: under -race they may not
# have saved yet, and it has no goroutines of its own to check. No vet pass
# here (-vet=off): vet does not depend on -race, and make test vets
# everything with go vet ./... first.
RACE_WINDOW_TESTS ?= Live|OutOfDate|WhileInvalid|BeforeFirstResult|NoDraftBehind|DraftRefused

# go test's default 10 minutes per package is too short on a shared 2-core
# machine: at load 20, app/window's tests (2-3 CPU-minutes) were stopped
# after 10 minutes of wall time while still passing. CI allows 90 minutes.
TEST_TIMEOUT ?= 30m

FUZZTIME ?= 1m
SMOKE_SIZE ?= 1280x800

.PHONY: help deps build run test vet fmt-check lint race unit smoke stress bench fuzz package windows test-windows clean

help:
	@echo "make run      install missing system packages, build, open the window"
	@echo "make build    go build -o $(BIN) . (version $(VERSION) from FyneApp.toml)"
	@echo "make test     deps, gofmt check, go vet, Xvfb smoke test, staticcheck, go test, make race; Windows build and test-windows beside them"
	@echo "make lint     staticcheck $(STATICCHECK_VERSION) (installed into build/bin)"
	@echo "make race     go test -race on the packages with goroutines"
	@echo "make smoke    only the Xvfb smoke test (SIZE=1920x1080 LANG=zh_CN.UTF-8 scripts/smoke.sh for others)"
	@echo "make stress   long tests (KEFUCOST_STRESS=1): store crashes, two processes saving, window heap over 5,000 edits, random edits"
	@echo "make bench    benchmarks of pricing, scenarios, app"
	@echo "make fuzz     every fuzz target for FUZZTIME (default 1m) each"
	@echo "make package  build/kefucost-$(VERSION)-linux-amd64.tar.xz with fyne package"
	@echo "make windows  build/kefucost-$(VERSION)-windows-amd64.zip and build/kefucost-$(VERSION)-setup.exe (cross-compiled)"
	@echo "make test-windows  the Windows build under wine: same outputs as the Linux build, installer, window"
	@echo "make deps     apt-get install what the cgo build and smoke test need (only if missing)"
	@echo "make clean    remove build outputs"

deps:
	@scripts/deps.sh

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) .

run: deps build
	./$(BIN)

# The Windows cross-build (cold: ~5 CPU-minutes with scripts/cgocc) starts
# at once in the background, niced; test-windows follows it there as soon as
# the Linux binary is built, so that its wine runs (much of it waiting on
# wine and on the window, one core busy at most) fill what the Linux checks
# leave idle instead of running alone at the end. go test runs without its
# own vet pass (-vet=off): go vet ./... just ran every analyzer on the same
# packages and their tests, a superset of the ones go test would run again.
test: deps
	@if command -v wine >/dev/null; then scripts/background.sh start windows $(MAKE) windows; fi
	@$(MAKE) fmt-check
	$(GO) vet ./...
	@$(MAKE) build
	@$(MAKE) smoke
	@if command -v wine >/dev/null; then scripts/background.sh start test-windows \
		bash -c 'scripts/background.sh wait windows && $(MAKE) test-windows'; fi
	@$(MAKE) lint
	KEFUCOST_LIBREOFFICE=1 GO=$(GO) scripts/gotest.sh -vet=off -count=1 -timeout $(TEST_TIMEOUT)
	@$(MAKE) race
	@if command -v wine >/dev/null; then scripts/background.sh wait test-windows; \
	else echo "test: wine is not installed: Windows build and test-windows skipped"; fi

fmt-check:
	@bad=$$(find . -path ./build -prune -o -path ./.git -prune -o -name testdata -prune -o -name '*.go' -print | xargs -r gofmt -l); \
	if [[ -n $$bad ]]; then echo "gofmt: these files are not formatted (run gofmt -w):"; echo "$$bad"; exit 1; fi; \
	echo "gofmt: ok"

lint: $(STATICCHECK_STAMP)
	$(STATICCHECK) ./...

$(STATICCHECK_STAMP):
	GOBIN=$(LOCAL_BIN) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	touch $@

race:
	$(GO) test -race -vet=off -count=1 -timeout $(TEST_TIMEOUT) -run '$(RACE_WINDOW_TESTS)' ./app/window/
	$(GO) test -race -vet=off -count=1 -timeout $(TEST_TIMEOUT) -short -skip 'Crash' ./pricing/ ./scenarios/...

smoke:
	@SIZE=$${SIZE:-$(SMOKE_SIZE)} scripts/smoke.sh

stress:
	KEFUCOST_STRESS=1 $(GO) test -count=1 -run 'Crash|Stress|TwoProcesses' -timeout 30m ./scenarios/...
	KEFUCOST_STRESS=1 $(GO) test -count=1 -run 'HeapStaysFlat|RandomEdits' -timeout 30m -v ./app/window/

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./pricing/ ./scenarios/... ./app/...

fuzz:
	@n=0; for pkg in $$($(GO) list ./...); do \
		for f in $$($(GO) test -list 'Fuzz.*' $$pkg | grep '^Fuzz' || true); do \
			echo "== $$pkg $$f ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) $$pkg; \
			n=$$((n+1)); \
		done; \
	done; echo "fuzz: $$n targets ran for $(FUZZTIME) each"

$(FYNE):
	GOBIN=$(LOCAL_BIN) $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION)

# fyne build injects FyneApp.toml's metadata (icon, id, version, fyneDo
# migration); fyne package then bumps Build in FyneApp.toml, which we undo so
# packaging leaves the tree clean.
package: deps $(FYNE)
	rm -rf build/package && mkdir -p build/package
	cp FyneApp.toml build/package/FyneApp.toml.orig
	GOFLAGS="$$($(GO) env GOFLAGS) -ldflags=-X=kefucost/app.Version=$(VERSION)" \
		$(FYNE) build --target linux --release -o build/package/$(BIN)
	cd build/package && trap 'cp FyneApp.toml.orig ../../FyneApp.toml' EXIT && \
		$(FYNE) package --target linux --release --src ../.. --exe $(CURDIR)/build/package/$(BIN) \
			--name $(BIN)
	mv build/package/$(BIN).tar.xz build/$(BIN)-$(VERSION)-linux-amd64.tar.xz
	scripts/package-mime.sh build/$(BIN)-$(VERSION)-linux-amd64.tar.xz
	@tar -tJvf build/$(BIN)-$(VERSION)-linux-amd64.tar.xz
	@echo "package: build/$(BIN)-$(VERSION)-linux-amd64.tar.xz"

# Cross-compiled with MinGW-w64 by the fyne tool (icon, version, app id from
# FyneApp.toml); see scripts/windows.sh. Rebuilds only when a source changed.
windows: deps $(FYNE)
	@GO=$(GO) FYNE=$(FYNE) VERSION=$(VERSION) scripts/windows.sh

# Runs the Windows build under wine and compares with the Linux build's
# outputs; see scripts/test-windows.sh.
test-windows: deps $(FYNE)
	@$(MAKE) build windows
	@KEFUCOST_BIN=./$(BIN) scripts/test-windows.sh

clean:
	rm -rf build $(BIN) $(BIN).tar.xz tmp-pkg fyne_metadata_init.go
