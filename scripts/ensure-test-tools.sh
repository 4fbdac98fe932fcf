#!/usr/bin/env bash
# The tests need three programs from Debian: Chromium for the browser tests (Playwright's own
# browser download cannot work on these machines), redis-server for the live relay's
# scale-out test, and openssl for the room-https project's test certificate (docs/origins.md).
# Installs what is missing; needs root, as on CI and developer machines.
set -euo pipefail
CHROME="${CHROME_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$CHROME" ] || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing for the tests: ${missing[*]}. Install with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian's ${missing[*]} for the tests…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
