#!/bin/sh
# Installs Debian's headless Chromium for the browser tests, unless one is already there.
# Playwright drives it through executable_path, so no browser is ever downloaded by Playwright.
set -e
for b in "${KG_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    [ -n "$b" ] && [ -x "$b" ] && exit 0
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing Debian's chromium for the browser tests" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
