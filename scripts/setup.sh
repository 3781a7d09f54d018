#!/usr/bin/env bash
# Installs what a fresh Debian machine with Node 20+ lacks: pnpm (through corepack), the
# dependencies, and Debian's Chromium (for PDFs and the browser tests) when none is found.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1; then
  echo "Node.js 20 or newer is required: https://nodejs.org/" >&2
  exit 1
fi

if ! command -v pnpm >/dev/null 2>&1 || ! pnpm --version >/dev/null 2>&1; then
  corepack enable >/dev/null 2>&1 || { echo "corepack enable failed; try: sudo corepack enable" >&2; exit 1; }
fi
# Pinned in package.json (with its hash), so corepack needs no registry signatures.
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  echo "Installing Debian's chromium (PDF rendering and browser tests) …"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    chromium fonts-dejavu-core fonts-liberation2 >/dev/null
fi

pnpm install --frozen-lockfile
