#!/usr/bin/env bash
# Debian packages some tests and tools need, installed when missing (root + apt-get, or a clear message):
#   chromium       browser tests (playwright-core drives /usr/bin/chromium)
#   poppler-utils  pdftotext / pdftoppm / pdfsig for PDF tests
#   softhsm2       a PKCS#11 token for the signing tests (/usr/lib/softhsm/libsofthsm2.so)
#   libnss3-tools  certutil, to give pdfsig an NSS database that trusts the test root
#   haproxy        the reverse proxy in front of two app instances (test/int/twoInstances, bench load);
#                  asked for by name, not part of the default list
# Usage: scripts/system-deps.sh [package ...]   (default: all of the above)
set -euo pipefail
want=("$@")
[ ${#want[@]} -gt 0 ] || want=(chromium poppler-utils softhsm2 libnss3-tools)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "hoso: thiếu gói hệ thống / missing system packages: ${missing[*]} — install them with your package manager" >&2
  exit 1
fi
echo "hoso: cài gói hệ thống / installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
stamp=/var/lib/apt/periodic/hoso-update-stamp
if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +720 2>/dev/null)" ]; then
  apt-get update -qq && mkdir -p "$(dirname "$stamp")" && touch "$stamp"
fi
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
