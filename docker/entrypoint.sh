#!/bin/sh
# Entry point of the portal image (run by tini). One image, several roles:
#   serve    (default) the API and the SPA on $PORT
#   migrate  apply pending database migrations, then exit (run before new API instances start)
#   status   list pending migrations; exit code 3 while some are pending
#   seed     migrate and fill an EMPTY database with the demo data (trying it out only)
#   check    validate the environment and exit
#   anything else is executed as given (e.g. `sh` for a look around)
set -eu

APP_DIR="${APP_DIR:-/app}"
role="${1:-serve}"

fail() {
  echo "entrypoint: $*" >&2
  exit 64
}

check_env() {
  if [ "${NODE_ENV:-development}" = "production" ]; then
    [ -n "${JWT_SECRET:-}" ] || fail "JWT_SECRET is required in production (32 or more random characters)"
    [ -n "${MFA_ENCRYPTION_KEY:-}" ] || fail "MFA_ENCRYPTION_KEY is required in production (32 or more random characters)"
    if [ -z "${DATABASE_URL:-}" ]; then
      # Several instances on embedded databases would each keep their own sessions and data.
      [ "${ALLOW_EMBEDDED_DATABASE:-false}" = "true" ] ||
        fail "DATABASE_URL is required in production (set ALLOW_EMBEDDED_DATABASE=true for a single-instance demo)"
    fi
  fi
  case "${DATABASE_URL:-postgres://}" in
    postgres://* | postgresql://*) ;;
    *) fail "DATABASE_URL must start with postgres:// or postgresql://" ;;
  esac
}

case "$role" in
  serve)
    shift || true
    check_env
    exec node "$APP_DIR/dist/server.js" "$@"
    ;;
  migrate | status | seed)
    check_env
    [ -n "${DATABASE_URL:-}" ] || [ "$role" = "seed" ] || fail "$role needs DATABASE_URL"
    exec node "$APP_DIR/dist/cli.js" "$role"
    ;;
  check)
    check_env
    echo "entrypoint: environment looks complete"
    ;;
  *)
    exec "$@"
    ;;
esac
