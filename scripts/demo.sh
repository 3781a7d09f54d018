#!/usr/bin/env bash
# Everything from a fresh clone to the running portal with demo data at http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
pnpm build
echo "Starting the portal on http://localhost:${PORT:-3000} — sign in as demo@example.com / demo-passwort-2026"
exec pnpm start
