# Consortium Workbench — the two entry points.
#   make run    installs what is missing, builds into _build and starts the app
#   make test   the same set-up, then the whole suite headless
#   make fuzz   builds the fuzz harnesses with clang and libFuzzer into
#               _build-fuzz and runs each for FUZZ_TIME seconds (default 60)
BUILDDIR ?= _build

.PHONY: run test build deps clean fuzz

FUZZ_TIME ?= 60

run: build
	meson devenv -C $(BUILDDIR) consortium-workbench $(ARGS)

test: build
	./build-aux/run-tests.sh $(BUILDDIR)

build: deps
	@[ -f $(BUILDDIR)/build.ninja ] || meson setup $(BUILDDIR)
	meson compile -C $(BUILDDIR)

fuzz:
	FUZZ_TIME=$(FUZZ_TIME) ./build-aux/fuzz.sh $(HARNESS)

deps:
	@./build-aux/install-deps.sh

clean:
	rm -rf $(BUILDDIR)
