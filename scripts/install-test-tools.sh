#!/usr/bin/env bash
# Debian packages the tests use: headless Chromium and its driver (browser tests), poppler-utils
# (pdffonts, pdftotext: checks of the certificates). Installed once; later runs find them.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v pdffonts >/dev/null 2>&1 || missing+=(poppler-utils)
command -v pg_isready >/dev/null 2>&1 || missing+=(postgresql-client)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "test: missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root" >&2
    exit 1
  fi
  echo "test: installing ${missing[*]} from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
