# Minutebook — make run opens the app, make test runs every test.
# Both install what they need first on Debian/Ubuntu (apt, as root or through sudo).

GO      ?= go
BIN     := minutebook
DB      ?=
APT_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev poppler-utils \
            chromium libreoffice-writer fonts-liberation \
            xvfb xdotool libgl1-mesa-dri \
            icoutils file desktop-file-utils appstream xz-utils
SHOT_PKGS := xvfb imagemagick xdotool libgl1-mesa-dri

.PHONY: run build test bench deps screenshots vet clean windows linux check-release install user-install

run: deps build
	./$(BIN) $(if $(DB),--db $(DB))

build:
	$(GO) build -o $(BIN) .

# The real-window tests (e2e/) run last and alone: they send keys to the real app and kill it
# 50-140 ms after the last one, which only means something while the app is not starved of
# the CPU by the other packages' tests (Chromium, LibreOffice) on a two-core machine.
test: deps
	$(GO) vet ./...
	$(GO) test -count=1 $$($(GO) list ./... | grep -v '/e2e$$')
	$(GO) test -count=1 ./e2e

bench: deps
	$(GO) test -run '^$$' -bench . -benchtime 20x ./...

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }

# deps installs the build and test prerequisites that are missing (Debian/Ubuntu only;
# elsewhere see the README): Chromium and axe-core (npm) check the HTML editions,
# LibreOffice the Word editions.
deps:
	@./.ci/deps $(APT_PKGS)
	@test -f .ci/axe/node_modules/axe-core/axe.min.js || npm ci --prefix .ci/axe --no-audit --no-fund

screenshots: build
	@./.ci/deps $(SHOT_PKGS)
	./.ci/screenshots

clean:
	rm -f $(BIN)
	rm -rf build dist

# Releases (README, "Building a release"): the version is FyneApp.toml's, the commit is
# stamped in (GOFLAGS=-buildvcs=false here turns off Go's own stamp), and the Windows
# resources are a .syso made for the build and removed after it, so the tree stays clean.
VERSION  := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
COMMIT    = $(shell git log -1 --format='%h of %cs' --abbrev=12 2>/dev/null)$(shell git diff --quiet HEAD 2>/dev/null || echo ' + changes')
STAMP     = -X 'github.com/minutebook/minutebook/version.stamped=$(COMMIT)'
WIN_ZIP  := dist/Minutebook-$(VERSION)-windows-amd64.zip
LINUX_TAR := dist/Minutebook-$(VERSION)-linux-amd64.tar.xz
WIN_SYSO := minutebook_windows_amd64.syso
RELEASE_PKGS := gcc-mingw-w64-x86-64 icoutils file desktop-file-utils appstream xz-utils

windows:
	@./.ci/deps $(RELEASE_PKGS)
	@mkdir -p build/windows dist
	$(GO) run ./packaging/cmd/package syso $(WIN_SYSO)
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	  $(GO) build -ldflags "-H windowsgui -s -w $(STAMP)" -o build/windows/Minutebook.exe . ; \
	  status=$$?; rm -f $(WIN_SYSO); exit $$status
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -ldflags "-s -w $(STAMP)" -o build/windows/minutebook-cli.exe ./cmd/minutebook-cli
	$(GO) run ./packaging/cmd/package windows-zip build/windows/Minutebook.exe build/windows/minutebook-cli.exe $(WIN_ZIP)

linux: deps
	@./.ci/deps $(RELEASE_PKGS)
	@mkdir -p build/linux dist
	$(GO) build -ldflags "-s -w $(STAMP)" -o build/linux/minutebook .
	$(GO) run ./packaging/cmd/package linux-tarball build/linux/minutebook $(LINUX_TAR)

# check-release reads both releases back as CI does (after make windows linux), and fails
# if building them changed any file git tracks.
check-release:
	$(GO) run ./packaging/cmd/package check $(WIN_ZIP)
	$(GO) run ./packaging/cmd/package check $(LINUX_TAR)
	@test -z "$$(git status --porcelain)" || { echo "the release build changed the tree:" >&2; git status --short >&2; exit 1; }

# install and user-install build the Linux release and run its own Makefile (DESTDIR and
# PREFIX pass through).
install user-install: linux
	rm -rf build/linux/stage && mkdir -p build/linux/stage
	tar -xJf $(LINUX_TAR) -C build/linux/stage
	$(MAKE) -C build/linux/stage/Minutebook-$(VERSION)-linux-amd64 $@
