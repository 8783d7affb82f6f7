#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test of `framelens report` (cli ReportBrowserTest) when it is missing
# and apt is usable. Never fails the build: without Chromium the browser test skips with a message.
set -uo pipefail
if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: apt-get not available; the browser test will be skipped" >&2
  exit 0
fi
sudo=""
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "install-chromium: not root and no password-less sudo; the browser test will be skipped" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y chromium >/dev/null; then
  # the package lists may be missing or stale on a fresh machine
  $sudo apt-get update >/dev/null && $sudo apt-get install -y chromium >/dev/null \
    || echo "install-chromium: could not install chromium; the browser test will be skipped" >&2
fi
exit 0
