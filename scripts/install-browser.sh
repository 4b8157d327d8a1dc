#!/usr/bin/env bash
# Install the headless browser used by `npm run test:browser`: Debian's chromium
# plus a CJK font (WenQuanYi Micro Hei) so Chinese text renders instead of tofu.
# Idempotent: does nothing when both are already present.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive

need=()
if [ ! -x /usr/bin/chromium ]; then
  need+=(chromium)
fi
if ! dpkg -s fonts-wqy-microhei >/dev/null 2>&1 \
  && ! { command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi wqy; }; then
  need+=(fonts-wqy-microhei)
fi

if [ "${#need[@]}" -eq 0 ]; then
  echo "install-browser: chromium and fonts-wqy-microhei already installed"
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n env DEBIAN_FRONTEND=noninteractive)
  else
    echo "install-browser: need root (or sudo) to install: ${need[*]}" >&2
    exit 1
  fi
fi

echo "install-browser: installing ${need[*]}"
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  "${need[@]}" fontconfig

if command -v fc-cache >/dev/null 2>&1; then
  fc-cache -f >/dev/null 2>&1 || true
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "install-browser: /usr/bin/chromium still missing after install" >&2
  exit 1
fi
echo "install-browser: done ($(/usr/bin/chromium --version 2>/dev/null || echo chromium))"
