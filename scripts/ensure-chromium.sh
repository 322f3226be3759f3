#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the Playwright tests and the site bench
# (Playwright's own browser download cannot reach its servers here).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  echo "ensure-chromium: installing Debian's chromium package…"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  exit 0
fi
cat >&2 <<'MSG'
ensure-chromium: /usr/bin/chromium is missing and this user cannot install it.
Run, as root:
  apt-get update && apt-get install -y chromium
MSG
exit 1
