#!/usr/bin/env bash
# Installs code-server (a real VS Code build from the npm registry) for the e2e suite and `npm run sandbox`.
# It lives in a cache folder outside the project's dependency tree, so `npm ci` for users stays small, and it is
# reused between runs. Prints the path of the code-server entry script on its last line.
#
# Why the workarounds (details in docs/e2e.md):
#  - code-server 4.100.3 is the newest release that runs on Node 20 (VS Code 1.100.3, our engines.vscode).
#  - its bundled @vscode/ripgrep downloads rg from GitHub in postinstall; a cached archive holding Debian's rg
#    at the path that postinstall checks first makes the download unnecessary.
#  - its postinstall builds native modules and refuses to run as root without unsafe-perm.
set -euo pipefail

VERSION=4.100.3
CACHE=${MAILCFG_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mailcfg-e2e}
DIR="$CACHE/code-server-$VERSION"
ENTRY="$DIR/node_modules/code-server/out/node/entry.js"

if [ -f "$DIR/.installed" ] && [ -f "$ENTRY" ]; then
	echo "$ENTRY"
	exit 0
fi

for tool in rg chromium; do
	if ! command -v "$tool" >/dev/null; then
		echo "e2e-setup: '$tool' is missing; install it first: apt-get install -y chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config" >&2
		exit 1
	fi
done

RG_TMP=${TMPDIR:-/tmp}
RG_CACHE="$RG_TMP/vscode-ripgrep-cache-1.15.11"
RG_ARCHIVE="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$RG_ARCHIVE" ]; then
	mkdir -p "$RG_CACHE"
	staging=$(mktemp -d)
	cp "$(command -v rg)" "$staging/rg"
	tar -czf "$RG_ARCHIVE" -C "$staging" rg
	rm -rf "$staging"
fi

rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
echo '{ "name": "mailcfg-e2e-code-server", "private": true }' >package.json
echo "e2e-setup: installing code-server@$VERSION into $DIR (about a minute)" >&2
npm_config_yes=true npm_config_unsafe_perm=true npm install --no-audit --no-fund --no-save "code-server@$VERSION" >&2
test -f "$ENTRY"
touch .installed
echo "$ENTRY"
