#!/usr/bin/env bash
# `npm run lint`: installs the linter's own packages when they are missing or out of date (they are
# kept apart from the app's, docs/toolchain.md), then lints the repository. Extra arguments go to
# ESLint (e.g. `npm run lint -- --fix`).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
cd ../..
exec tools/lint/node_modules/.bin/eslint --max-warnings 0 "${@:-.}"
