#!/usr/bin/env bash
# System packages the tests and the demo need beyond Python: Node.js/npm (emulators),
# espeak-ng (speech for generated test calls), flite and festival (more English voices for the
# quality corpus) and chromium (the workspace's browser tests drive Debian's build headless;
# Playwright never downloads one). Installs what is missing, with apt, when root.
set -euo pipefail
missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v flite >/dev/null 2>&1 || missing+=(flite)
command -v text2wave >/dev/null 2>&1 || missing+=(festival festvox-kallpc16k)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "installing system packages: ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "please install: ${missing[*]} (e.g. sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
