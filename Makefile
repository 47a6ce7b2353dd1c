# Consortium Workbench — the two entry points.
#   make run    installs what is missing, builds into _build and starts the app
#   make test   the same set-up, then the whole suite headless
BUILDDIR ?= _build

.PHONY: run test build deps clean

run: build
	meson devenv -C $(BUILDDIR) consortium-workbench $(ARGS)

test: build
	./build-aux/run-tests.sh $(BUILDDIR)

build: deps
	@[ -f $(BUILDDIR)/build.ninja ] || meson setup $(BUILDDIR)
	meson compile -C $(BUILDDIR)

deps:
	@./build-aux/install-deps.sh

clean:
	rm -rf $(BUILDDIR)
