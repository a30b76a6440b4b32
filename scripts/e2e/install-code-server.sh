#!/usr/bin/env bash
# Installs code-server (VS Code served to a browser) for the end-to-end tests, offline:
# only the npm registry and Debian's packages are reachable, so nothing may download a
# prebuilt binary (see shared/vscode-e2e.md). Idempotent: a finished install is marked by
# a marker file and reused; a half-finished one is thrown away and redone.
#
#   bash scripts/e2e/install-code-server.sh            # install (or reuse) into the cache
#   ALERTCFG_E2E_CODE_SERVER_DIR=/some/dir bash ...     # install somewhere else
#   bash scripts/e2e/install-code-server.sh --force     # reinstall from scratch
#   bash scripts/e2e/install-code-server.sh --print-dir # print the install folder and exit
#
# Needs the Debian packages from scripts/e2e/install-deps.sh (ripgrep, g++, make, python3,
# pkg-config, libkrb5-dev, libx11-dev, libxkbfile-dev, libsecret-1-dev) and Node's headers
# in /usr/include/node.
set -euo pipefail

VERSION=4.100.3
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/alertcfg-e2e"
DEST="${ALERTCFG_E2E_CODE_SERVER_DIR:-$CACHE_ROOT/code-server-$VERSION}"
MARKER="$DEST/.alertcfg-e2e-installed"

log() { echo "[e2e code-server] $*"; }
die() { echo "[e2e code-server] ERROR: $*" >&2; exit 1; }

force=0
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    --print-dir) echo "$DEST"; exit 0 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) die "unknown argument: $arg" ;;
  esac
done

if [ "$force" -eq 0 ] && [ -f "$MARKER" ] && [ -f "$DEST/out/node/entry.js" ]; then
  log "already installed: $DEST ($(cat "$MARKER"))"
  exit 0
fi

# Checks before doing anything slow, so a missing package fails in a second, not after a minute.
command -v node >/dev/null || die "node not found"
command -v npm >/dev/null || die "npm not found"
[ -x /usr/bin/rg ] || die "/usr/bin/rg not found: run 'bash scripts/e2e/install-deps.sh' first (Debian package ripgrep)"
for tool in g++ make python3 pkg-config tar; do
  command -v "$tool" >/dev/null || die "$tool not found: run 'bash scripts/e2e/install-deps.sh' first"
done
[ -f /usr/include/node/node.h ] || die "/usr/include/node/node.h not found: node-gyp needs Node's headers there (npm_config_nodedir=/usr)"
for pc in krb5-gssapi x11 xkbfile libsecret-1; do
  pkg-config --exists "$pc" || die "pkg-config cannot find $pc: run 'bash scripts/e2e/install-deps.sh' first"
done
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "code-server $VERSION needs Node 20 or later (found $(node --version))"

# Build in a sibling folder and move it into place only when every step passed.
mkdir -p "$(dirname "$DEST")"
WORK="$DEST.partial.$$"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
rm -rf "$WORK"
mkdir -p "$WORK"

# Offline-safe npm settings for every step below: build native modules against the
# local Node headers, never download them; answer npx's prompt (node-pty runs npx node-gyp).
export npm_config_nodedir=/usr
export npm_config_yes=true
export npm_config_audit=false
export npm_config_fund=false
export npm_config_update_notifier=false

step() {
  local name="$1"; shift
  local t0=$SECONDS
  log "step: $name"
  log "  \$ $*"
  "$@" || die "step failed: $name (command: $*)"
  log "  ok ($((SECONDS - t0)) s)"
}

start=$SECONDS
log "installing code-server $VERSION into $DEST"

# 1. Fetch the package tarball from the npm registry and unpack it.
step "npm pack code-server@$VERSION" npm pack "code-server@$VERSION" --pack-destination "$WORK" --silent
tarball="$WORK/code-server-$VERSION.tgz"
[ -f "$tarball" ] || die "npm pack did not produce $tarball"
mkdir -p "$WORK/cs"
step "extract tarball" tar -xzf "$tarball" -C "$WORK/cs" --strip-components=1
rm -f "$tarball"
CS="$WORK/cs"

# 2. code-server's own dependencies, without its postinstall (which needs the network).
step "npm install (code-server)" bash -c "cd '$CS' && npm install --omit=dev --ignore-scripts"
step "npm rebuild argon2" bash -c "cd '$CS' && npm rebuild argon2"

# 3. VS Code's server dependencies; ripgrep comes from Debian instead of GitHub.
step "npm install (lib/vscode)" bash -c "cd '$CS/lib/vscode' && npm install --omit=dev --ignore-scripts"
mkdir -p "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin"
step "copy /usr/bin/rg" cp /usr/bin/rg "$CS/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
# With rg already in place, @vscode/ripgrep's postinstall finds it and downloads nothing.
step "npm rebuild (lib/vscode native modules)" bash -c "cd '$CS/lib/vscode' && npm rebuild --foreground-scripts"

# 4. The links and extension dependencies that code-server's postinstall would have made.
step "link node_modules.asar" ln -sfn node_modules "$CS/lib/vscode/node_modules.asar"
step "link remote-cli code-server" bash -c "cd '$CS/lib/vscode/bin/remote-cli' && ln -sfn code-linux.sh code-server"
step "link helpers browser.sh" bash -c "cd '$CS/lib/vscode/bin/helpers' && ln -sfn browser-linux.sh browser.sh"
step "npm install (built-in extensions)" bash -c "cd '$CS/lib/vscode/extensions' && npm install --omit=dev"

# 5. Check that the native modules load and the server answers --version.
step "check native modules load (lib/vscode)" bash -c "cd '$CS/lib/vscode' && node -e \"for (const m of ['node-pty','@vscode/spdlog','native-watchdog','kerberos','@parcel/watcher','@vscode/ripgrep']) require(m)\""
step "check native modules load (argon2)" bash -c "cd '$CS' && node -e \"require('argon2')\""
# --config /dev/null and temp XDG dirs: code-server writes a default config under $HOME otherwise.
mkdir -p "$WORK/xdg"
version_out="$(XDG_CONFIG_HOME="$WORK/xdg" XDG_DATA_HOME="$WORK/xdg" XDG_CACHE_HOME="$WORK/xdg" \
  node "$CS/out/node/entry.js" --config /dev/null --version 2>&1)" || die "code-server --version failed: $version_out"
log "code-server --version: $(echo "$version_out" | head -1)"

# Move into place, then write the marker last.
rm -rf "$DEST"
mv "$CS" "$DEST"
echo "code-server $VERSION installed $(date -u +%Y-%m-%dT%H:%M:%SZ) with node $(node --version)" > "$MARKER"
log "installed in $((SECONDS - start)) s: $DEST"
log "size: $(du -sh "$DEST" | cut -f1)"
