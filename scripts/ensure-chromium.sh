#!/usr/bin/env bash
# Browser tests use Debian's Chromium (never a downloaded browser). Install it when missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null 2>&1 && exit 0
fi
echo "Chromium is not installed. Install Debian's package first: sudo apt-get install -y chromium" >&2
exit 1
