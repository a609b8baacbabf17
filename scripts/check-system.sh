#!/usr/bin/env bash
# Runs before `npm test`: the tests drive real Chromium and real LibreOffice (printing in Times New Roman's
# metrics), so they must be here.
# As root with apt-get (a fresh Debian machine, CI) it installs them; otherwise it says what to install.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
/usr/bin/python3 -c "import openpyxl" >/dev/null 2>&1 || missing+=(python3-openpyxl)
# The template's font is Times New Roman; its metric twin Liberation Serif prints it as Excel would.
[ -n "$(fc-list "Liberation Serif" family 2>/dev/null)" ] || missing+=(fonts-liberation2)
# The print test also prints it in DejaVu Serif, the wider font LibreOffice falls back to without them.
[ -n "$(fc-list "DejaVu Serif" family 2>/dev/null)" ] || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} (needed by the tests)…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
else
  echo "The tests need: ${missing[*]}. Install them (Debian: sudo apt-get install ${missing[*]}) and run npm test again." >&2
  exit 1
fi
