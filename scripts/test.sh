#!/usr/bin/env bash
# Everything from a fresh clone to a full test run: lint, types, unit and route tests, build,
# and the browser journeys. With TEST_DATABASE_URL the route tests use that PostgreSQL server;
# without it they run on embedded PGlite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
pnpm test
