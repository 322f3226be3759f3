#!/usr/bin/env bash
# Runs every test suite: type check, unit + docs tests (Vitest), then the browser tests when present.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci
# The site and tests, then podsim's core without DOM or Node types, then its hosts and tests with Node.
npm run typecheck
npm run lint
npx astro check --minimumFailingSeverity hint
npx cspell --no-progress --no-summary content/docs
npx vitest run
if [ -f playwright.config.ts ]; then
  bash scripts/ensure-chromium.sh
  npx astro build
  npx playwright test
fi
