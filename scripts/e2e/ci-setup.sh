#!/usr/bin/env bash
# Everything the VS Code end-to-end tests (test/e2e/) need on a fresh machine: Debian
# packages (Chromium, ripgrep, native build deps) and code-server 4.100.3 in the cache.
# Both steps are idempotent: on a machine that has them this takes well under a second.
# Run from .ci/run before `npm test` (after `npm ci`, which installs playwright-core).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
start=$SECONDS
bash "$here/install-deps.sh"
bash "$here/install-code-server.sh"
echo "[e2e ci-setup] ready in $((SECONDS - start)) s"
