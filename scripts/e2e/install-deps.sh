#!/usr/bin/env bash
# Installs the Debian packages listed in apt-packages.txt that are not installed yet.
# Idempotent: does nothing (and no apt-get update) when everything is present.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
list="$here/apt-packages.txt"

log() { echo "[e2e install-deps] $*"; }
die() { echo "[e2e install-deps] ERROR: $*" >&2; exit 1; }

[ -r "$list" ] || die "package list not found: $list"
command -v dpkg >/dev/null || die "dpkg not found: this script needs Debian (apt-get)"

missing=()
while IFS= read -r line || [ -n "$line" ]; do
  pkg="${line%%#*}"; pkg="$(echo "$pkg" | tr -d '[:space:]')"
  [ -n "$pkg" ] || continue
  if dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed'; then
    :
  else
    missing+=("$pkg")
  fi
done < "$list"

if [ "${#missing[@]}" -eq 0 ]; then
  log "all packages in $(basename "$list") are installed"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "not root and no sudo: install as root: apt-get install -y ${missing[*]}"
  sudo=(sudo)
fi

log "missing: ${missing[*]}"
log "running apt-get update"
"${sudo[@]}" apt-get update -q || die "apt-get update failed"
log "running apt-get install -y --no-install-recommends ${missing[*]}"
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" \
  || die "apt-get install failed for: ${missing[*]}"

for pkg in "${missing[@]}"; do
  dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed' || die "package still not installed: $pkg"
done
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after install"
[ -x /usr/bin/rg ] || die "/usr/bin/rg missing after install"
log "done"
