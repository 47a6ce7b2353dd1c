# Consortium Workbench — the two entry points.
#   make run        installs what is missing, builds into _build and starts the app
#   make test       the same set-up, then the whole suite headless, and the fuzz
#                   corpora replayed once more under ASan+UBSan (_build-sanitize)
#   make sanitize   the whole suite again, built with ASan+LSan+UBSan
#   make fuzz       builds the fuzz harnesses with clang and libFuzzer into
#                   _build-fuzz and runs each for FUZZ_TIME seconds (default 60)
BUILDDIR ?= _build
SANITIZE_BUILDDIR ?= _build-sanitize

.PHONY: run test sanitize build deps clean fuzz

FUZZ_TIME ?= 60

run: build
	meson devenv -C $(BUILDDIR) consortium-workbench $(ARGS)

test: build
	./build-aux/run-sanitizers.sh --build-fuzz-only $(SANITIZE_BUILDDIR)
	./build-aux/run-tests.sh $(BUILDDIR) --then $(SANITIZE_BUILDDIR) --no-rebuild --suite fuzz

sanitize: deps
	./build-aux/run-sanitizers.sh $(SANITIZE_BUILDDIR)

build: deps
	@[ -f $(BUILDDIR)/build.ninja ] || meson setup $(BUILDDIR)
	meson compile -C $(BUILDDIR)

fuzz:
	FUZZ_TIME=$(FUZZ_TIME) ./build-aux/fuzz.sh $(HARNESS)

deps:
	@./build-aux/install-deps.sh

clean:
	rm -rf $(BUILDDIR) $(SANITIZE_BUILDDIR) _build-fuzz
