# Minutebook — make run opens the app, make test runs every test.
# Both install what they need first on Debian/Ubuntu (apt, as root or through sudo).

GO      ?= go
BIN     := minutebook
DB      ?=
APT_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
            libxinerama-dev libxi-dev libxxf86vm-dev poppler-utils \
            chromium libreoffice-writer fonts-liberation \
            xvfb xdotool libgl1-mesa-dri
SHOT_PKGS := xvfb imagemagick xdotool libgl1-mesa-dri

.PHONY: run build test bench deps screenshots vet clean

run: deps build
	./$(BIN) $(if $(DB),--db $(DB))

build:
	$(GO) build -o $(BIN) .

test: deps
	$(GO) vet ./...
	$(GO) test -count=1 ./...

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
