#!/usr/bin/env bash
# Builds the portal image with docker/Dockerfile and proves that it works: `migrate` and `seed`
# against the PostgreSQL server on 127.0.0.1:5432 (in a database of its own, dropped at the end),
# `serve`, ready within a minute, the demo customer signs in, and the container's Chromium, run as
# the image's unprivileged user, renders an invoice PDF.
#
# Run as root on a Debian machine (CI runs it after the tests). It installs docker.io and
# debootstrap when they are missing, starts dockerd when none answers (and stops only a dockerd it
# started), and makes the base image from Debian's packages with debootstrap, since no image can
# be pulled here. The base is kept between runs (DOCKER_SMOKE_BASE_MAX_AGE_DAYS) and remade when
# missing or old. Everything runs with `--network host` and is reached on 127.0.0.1 only: dockerd
# starts without its bridge network, so no container address outside this machine exists.
#
# Environment (all optional):
#   DOCKER_SMOKE_PG           PostgreSQL server URL without a database (postgres://postgres@127.0.0.1:5432)
#   DOCKER_SMOKE_PORT         port the container serves on, on 127.0.0.1 (3480)
#   DOCKER_SMOKE_CACHE        where the debootstrap package cache lives (/var/cache/portal-docker-smoke)
#   DOCKER_SMOKE_BASE_MAX_AGE_DAYS  remake the base image when older (7; 0 remakes it every run;
#                             it is remade too when the mirrors or this machine's extra CAs change)
#   DOCKER_SMOKE_KEEP_IMAGE   1 keeps the portal image after the run (0)
set -euo pipefail
cd "$(dirname "$0")/.."

started_at=$(date +%s)
log() { echo "docker-smoke [$(($(date +%s) - started_at))s]: $*" >&2; }
fail() {
  log "FAILED: $*"
  exit 1
}

[ "$(id -u)" -eq 0 ] || fail "run as root (installs packages, starts dockerd, runs debootstrap)"

SUITE=trixie # Debian 13: Node.js 20.19, as package.json's engines need
PG_SERVER="${DOCKER_SMOKE_PG:-postgres://postgres@127.0.0.1:5432}"
PORT="${DOCKER_SMOKE_PORT:-3480}"
CACHE_DIR="${DOCKER_SMOKE_CACHE:-/var/cache/portal-docker-smoke}"
BASE_MAX_AGE_DAYS="${DOCKER_SMOKE_BASE_MAX_AGE_DAYS:-7}"
BASE_IMAGE="portal-ci-base/debian:${SUITE}"
IMAGE="portal-api:ci-smoke"
RUN_ID="$$-$(date +%s)"
CONTAINER="portal-smoke-${RUN_ID}"
DATABASE="portal_smoke_${RUN_ID//-/_}"
WORK_DIR="$(mktemp -d /var/tmp/portal-docker-smoke.XXXXXX)"

# --- cleanup: only what this run made or started ---------------------------------------------
own_dockerd_pid=""
database_created=""
container_started=""
rootfs=""
cleanup() {
  local code=$?
  set +e
  if [ -n "$container_started" ]; then
    docker rm -f "$CONTAINER" >/dev/null 2>&1
  fi
  if [ -n "$database_created" ]; then
    psql "$PG_SERVER/postgres" -qAtc "DROP DATABASE IF EXISTS \"$DATABASE\" WITH (FORCE)" >/dev/null 2>&1 ||
      log "could not drop database $DATABASE"
  fi
  if [ -n "$rootfs" ] && [ -d "$rootfs" ]; then
    for mount in proc sys dev/pts dev; do umount -l "$rootfs/$mount" 2>/dev/null; done
    rm -rf --one-file-system "$rootfs"
  fi
  if [ -n "$own_dockerd_pid" ]; then
    [ "${DOCKER_SMOKE_KEEP_IMAGE:-0}" = "1" ] || docker rmi "$IMAGE" >/dev/null 2>&1
    # Replaced bases and build steps unused for a week; recent layers stay for the next run.
    docker image prune -f --filter label=portal.base.key >/dev/null 2>&1
    docker builder prune -f --filter until=168h >/dev/null 2>&1
    kill -TERM "$own_dockerd_pid" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$own_dockerd_pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$own_dockerd_pid" 2>/dev/null && log "dockerd (pid $own_dockerd_pid) did not stop"
  elif [ "${DOCKER_SMOKE_KEEP_IMAGE:-0}" != "1" ]; then
    docker rmi "$IMAGE" >/dev/null 2>&1
  fi
  rm -rf "$WORK_DIR"
  log "finished with exit code $code after $(($(date +%s) - started_at)) s"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- tools ------------------------------------------------------------------------------------
missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Debian's client matches Debian's daemon (and brings BuildKit without the buildx plugin).
docker() { /usr/bin/docker "$@"; }
[ -x /usr/bin/docker ] || docker() { command docker "$@"; }

# --- dockerd ----------------------------------------------------------------------------------
if docker info >/dev/null 2>&1; then
  log "using the running Docker engine"
else
  pgrep -x dockerd >/dev/null && fail "a dockerd runs but does not answer on ${DOCKER_HOST:-the default socket}; set DOCKER_HOST"
  run_dir=/run/portal-docker-smoke
  mkdir -p "$run_dir"
  export DOCKER_HOST="unix://$run_dir/docker.sock"
  log "starting dockerd (no bridge network, no iptables rules)"
  # The default data root (/var/lib/docker) keeps the base image and the build's layers for the
  # next run on this machine.
  dockerd --bridge=none --iptables=false --ip6tables=false \
    --host "$DOCKER_HOST" --pidfile "$run_dir/dockerd.pid" --exec-root "$run_dir/exec" \
    >"$WORK_DIR/dockerd.log" 2>&1 &
  own_dockerd_pid=$!
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    kill -0 "$own_dockerd_pid" 2>/dev/null || { cat "$WORK_DIR/dockerd.log" >&2; fail "dockerd exited"; }
    sleep 0.5
  done
  docker info >/dev/null 2>&1 || { tail -n 20 "$WORK_DIR/dockerd.log" >&2; fail "dockerd did not answer in 30 s"; }
fi

# --- base image from Debian's packages ----------------------------------------------------------
# The mirror and security mirror this machine's apt uses (deb822 or one-line sources).
debian_mirror() {
  local kind=$1 # debian | debian-security
  grep -rhoE "https?://[^ ]+/${kind}/?( |$)" /etc/apt/sources.list /etc/apt/sources.list.d/*.sources \
    /etc/apt/sources.list.d/*.list 2>/dev/null | head -n1 | tr -d ' ' | sed 's#/$##' || true
}
MIRROR="$(debian_mirror debian)"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
SECURITY_MIRROR="$(debian_mirror debian-security)"
SECURITY_MIRROR="${SECURITY_MIRROR:-http://deb.debian.org/debian-security}"

# Certificate authorities this machine adds to Debian's (a TLS-inspecting egress proxy's, say):
# the base carries them too, or nothing in the build could reach the npm registry. They exist in
# this CI image only; the production build starts from the public image without them.
extra_cas=()
for ca in /usr/local/share/ca-certificates/*.crt; do [ -f "$ca" ] && extra_cas+=("$ca"); done
# The base is remade when what it is made from changes (suite, mirrors, extra CAs) or it is old.
base_key="$(
  {
    echo "$SUITE $MIRROR $SECURITY_MIRROR"
    [ ${#extra_cas[@]} -eq 0 ] || cat "${extra_cas[@]}"
  } | sha256sum | cut -c1-16
)"
reusable_base() {
  local labels created key
  labels="$(docker image inspect -f '{{ index .Config.Labels "portal.base.created" }} {{ index .Config.Labels "portal.base.key" }}' "$BASE_IMAGE" 2>/dev/null)" || return 1
  read -r created key <<<"$labels"
  [ -n "$created" ] && [ "$key" = "$base_key" ] || return 1
  [ "$BASE_MAX_AGE_DAYS" -gt 0 ] && [ $((($(date +%s) - created) / 86400)) -lt "$BASE_MAX_AGE_DAYS" ]
}

base_started=$(date +%s)
if reusable_base; then
  log "reusing base image $BASE_IMAGE"
else
  log "making base image $BASE_IMAGE: debootstrap --variant=minbase $SUITE from $MIRROR"
  mkdir -p "$CACHE_DIR/debs"
  rootfs="$(mktemp -d "$CACHE_DIR/rootfs.XXXXXX")"
  if ! debootstrap --variant=minbase --cache-dir="$CACHE_DIR/debs" "$SUITE" "$rootfs" "$MIRROR" \
    >"$WORK_DIR/debootstrap.log" 2>&1; then
    tail -n 30 "$WORK_DIR/debootstrap.log" >&2
    fail "debootstrap failed"
  fi
  for mount in proc sys dev/pts; do umount -l "$rootfs/$mount" 2>/dev/null || true; done
  # The same apt sources as Debian's own images: the release, its updates and security fixes.
  rm -f "$rootfs/etc/apt/sources.list"
  cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $MIRROR
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $SECURITY_MIRROR
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  import_changes=(--change 'CMD ["bash"]' --change "LABEL portal.base.created=$(date +%s) portal.base.key=$base_key")
  if [ ${#extra_cas[@]} -gt 0 ]; then
    # Debian's ca-certificates, installed by the Dockerfile, adds these to its bundle.
    mkdir -p "$rootfs/usr/local/share/ca-certificates"
    cp "${extra_cas[@]}" "$rootfs/usr/local/share/ca-certificates/"
    import_changes+=(--change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt')
  fi
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/tmp/* "$rootfs"/var/log/*.log
  tar -C "$rootfs" --numeric-owner --one-file-system -c . | docker import "${import_changes[@]}" - "$BASE_IMAGE" >/dev/null
  rm -rf --one-file-system "$rootfs"
  rootfs=""
fi
base_seconds=$(($(date +%s) - base_started))

# --- the portal image ---------------------------------------------------------------------------
log "building $IMAGE from docker/Dockerfile on $BASE_IMAGE"
build_started=$(date +%s)
if ! DOCKER_BUILDKIT=1 docker build --network host --progress plain \
  --build-arg BASE_IMAGE="$BASE_IMAGE" -f docker/Dockerfile -t "$IMAGE" . >"$WORK_DIR/build.log" 2>&1; then
  tail -n 60 "$WORK_DIR/build.log" >&2
  fail "docker build failed"
fi
build_seconds=$(($(date +%s) - build_started))
image_bytes="$(docker image inspect -f '{{ .Size }}' "$IMAGE")"
image_mb=$((image_bytes / 1000000))
log "built in ${build_seconds} s; image size ${image_mb} MB"

# --- what the image is made of -----------------------------------------------------------------
user="$(docker image inspect -f '{{ .Config.User }}' "$IMAGE")"
case "$user" in "" | root | 0 | 0:*) fail "the image runs as root (USER '$user')" ;; esac
# No compilers, package managers for JavaScript, or dev dependencies in the runtime image.
if ! docker run --rm --network host --entrypoint /bin/sh "$IMAGE" -c '
  found=""
  for tool in gcc cc g++ make python3 npm npx pnpm corepack yarn; do
    command -v "$tool" >/dev/null 2>&1 && found="$found $tool"
  done
  for dev in vitest typescript esbuild @biomejs drizzle-kit tsx; do
    [ -e "/app/node_modules/$dev" ] && found="$found node_modules/$dev"
  done
  [ "$(id -u)" != 0 ] || found="$found uid-0"
  touch /app/dist/server.js 2>/dev/null && found="$found writable-app"
  [ -z "$found" ] || { echo "found:$found"; exit 1; }
' >"$WORK_DIR/inspect.log" 2>&1; then
  cat "$WORK_DIR/inspect.log" >&2
  fail "the runtime image holds build tools or dev dependencies, runs as root or may change its code"
fi

# --- migrate, seed, serve ----------------------------------------------------------------------
psql "$PG_SERVER/postgres" -qAtc "CREATE DATABASE \"$DATABASE\"" >/dev/null
database_created=1
jwt_secret="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
mfa_key="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
env_file="$WORK_DIR/env"
cat >"$env_file" <<EOF
NODE_ENV=production
DATABASE_URL=$PG_SERVER/$DATABASE
JWT_SECRET=$jwt_secret
MFA_ENCRYPTION_KEY=$mfa_key
PROVIDER_CREDITOR_ID=DE13ZZZ00000012345
HOST=127.0.0.1
PORT=$PORT
PUBLIC_URL=http://127.0.0.1:$PORT
MIGRATE_ON_START=false
LOG_LEVEL=warn
EOF
chmod 600 "$env_file"

run_role() {
  docker run --rm --network host --env-file "$env_file" "$IMAGE" "$@"
}
log "migrate"
run_role migrate >"$WORK_DIR/migrate.log" 2>&1 || { cat "$WORK_DIR/migrate.log" >&2; fail "migrate failed"; }
run_role status >"$WORK_DIR/status.log" 2>&1 || { cat "$WORK_DIR/status.log" >&2; fail "migrations still pending after migrate"; }
# The demo data exists only for this check; `seed` refuses a database that holds accounts.
# Seeding renders the demo contracts' PDFs against the renderer's 15 s deadline, which a very busy
# machine can pass; the seed is one transaction, so a second try starts from the same empty state.
if ! run_role seed >"$WORK_DIR/seed.log" 2>&1; then
  log "seed failed (below); trying once more"
  tail -n 5 "$WORK_DIR/seed.log" >&2
  run_role seed >"$WORK_DIR/seed.log" 2>&1 || { cat "$WORK_DIR/seed.log" >&2; fail "seed failed"; }
fi
grep -q 'seeded the demo data' "$WORK_DIR/seed.log" || { cat "$WORK_DIR/seed.log" >&2; fail "seed did not seed"; }

if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; then
  fail "something already listens on 127.0.0.1:$PORT; set DOCKER_SMOKE_PORT"
fi
log "serve on 127.0.0.1:$PORT"
serve_started_ms=$(date +%s%3N)
docker run -d --name "$CONTAINER" --network host --env-file "$env_file" --shm-size 256m \
  --cap-drop ALL --security-opt no-new-privileges --read-only --tmpfs /tmp --tmpfs /home/portal \
  "$IMAGE" serve >/dev/null
container_started=1

ready=""
for _ in $(seq 1 600); do
  if curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/api/v1/health/ready"; then
    ready=1
    break
  fi
  [ "$(docker inspect -f '{{ .State.Running }}' "$CONTAINER")" = "true" ] || break
  sleep 0.1
done
ready_ms=$(($(date +%s%3N) - serve_started_ms))
if [ -z "$ready" ]; then
  docker logs "$CONTAINER" 2>&1 | tail -n 40 >&2
  fail "not ready after ${ready_ms} ms"
fi
log "ready after ${ready_ms} ms"

# --- a customer's journey through the container ------------------------------------------------
base_url="http://127.0.0.1:$PORT"
jar="$WORK_DIR/cookies"
status="$(curl -s -o "$WORK_DIR/index.html" -w '%{http_code}' "$base_url/")"
[ "$status" = 200 ] && grep -qi '<div id="root"' "$WORK_DIR/index.html" || fail "the SPA is not served at / (HTTP $status)"

# The session cookie alone signs in: it works whether or not the answer also carries a token.
status="$(curl -s -o "$WORK_DIR/login.json" -w '%{http_code}' -c "$jar" \
  -H 'content-type: application/json' \
  --data '{"email":"demo@example.com","password":"demo-passwort-2026"}' "$base_url/api/v1/auth/login")"
[ "$status" = 200 ] || { cat "$WORK_DIR/login.json" >&2; fail "sign-in answered HTTP $status"; }
grep -q 'portal_session' "$jar" || fail "sign-in set no session cookie"

# The sign-in hashed in the idle lane, whose threads put themselves under SCHED_IDLE with util-linux's
# `chrt` (ADR 0029-e): policy 5 in field 41 of a thread's stat.
idle_threads="$(docker exec "$CONTAINER" /bin/sh -c '
  for stat in /proc/[0-9]*/task/*/stat; do
    set -- $(sed "s/^.*) //" "$stat" 2>/dev/null)
    if [ "${39:-}" = 5 ]; then echo idle; fi
  done' 2>/dev/null | wc -l)"
[ "$idle_threads" -ge 1 ] || fail "no thread of the API runs under SCHED_IDLE (is chrt in the image? ADR 0029-e)"
log "password hashing: $idle_threads thread(s) under SCHED_IDLE"

status="$(curl -s -o "$WORK_DIR/invoices.json" -w '%{http_code}' -b "$jar" "$base_url/api/v1/invoices")"
[ "$status" = 200 ] || { cat "$WORK_DIR/invoices.json" >&2; fail "the invoice list answered HTTP $status"; }
invoice_id="$(node -e '
  const body = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  const items = Array.isArray(body) ? body : body.items ?? body.invoices ?? [];
  if (items.length) console.log(items[0].id);
' "$WORK_DIR/invoices.json")"
[ -n "$invoice_id" ] || { head -c 500 "$WORK_DIR/invoices.json" >&2; fail "the demo customer has no invoice"; }

pdf="$WORK_DIR/invoice.pdf"
status="$(curl -s -o "$pdf" -w '%{http_code} %{content_type}' --max-time 60 -b "$jar" \
  "$base_url/api/v1/invoices/$invoice_id/pdf")"
case "$status" in
  "200 application/pdf"*) ;;
  *)
    head -c 500 "$pdf" >&2
    docker logs "$CONTAINER" 2>&1 | tail -n 20 >&2
    fail "the invoice PDF answered $status"
    ;;
esac
[ "$(head -c 5 "$pdf")" = "%PDF-" ] || fail "the invoice PDF does not start with %PDF-"
tail -c 1024 "$pdf" | grep -q '%%EOF' || fail "the invoice PDF has no %%EOF trailer"
pdf_bytes="$(stat -c %s "$pdf")"
[ "$pdf_bytes" -gt 2000 ] || fail "the invoice PDF is only $pdf_bytes bytes"
log "invoice PDF rendered by the container's Chromium: $pdf_bytes bytes"

# Chromium ran as the image's user, not root.
# (`docker top` needs the PID column in its ps options.)
chromium_users="$(docker top "$CONTAINER" -eo pid,uid,comm 2>/dev/null | awk 'NR > 1 && $3 ~ /chrom/ { print $2 }' | sort -u | tr '\n' ' ' || true)"
case " $chromium_users " in
  *" 0 "*) fail "Chromium runs as root ($chromium_users)" ;;
  "  ") log "no Chromium process listed (it may have exited after the render)" ;;
  *) log "Chromium runs as uid $chromium_users" ;;
esac

log "stopping the container (SIGTERM)"
stop_started=$(date +%s)
docker stop -t 30 "$CONTAINER" >/dev/null
stop_seconds=$(($(date +%s) - stop_started))
exit_code="$(docker inspect -f '{{ .State.ExitCode }}' "$CONTAINER")"
[ "$exit_code" = 0 ] || { docker logs "$CONTAINER" 2>&1 | tail -n 20 >&2; fail "serve exited with $exit_code on SIGTERM"; }
docker rm "$CONTAINER" >/dev/null
container_started=""

total_seconds=$(($(date +%s) - started_at))
echo "docker-smoke: passed in ${total_seconds} s (base image ${base_seconds} s, build ${build_seconds} s," \
  "image ${image_mb} MB, ready after ${ready_ms} ms, stopped in ${stop_seconds} s)"
