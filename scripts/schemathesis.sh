#!/usr/bin/env bash
# API fuzzing: schemathesis (from PyPI, pinned) against the real `toroku` binary's
# /api/openapi.json. Every generated request must get an answer the document describes: no
# 5xx (a panic is a 500 too: CatchPanicLayer), only declared status codes and content types,
# bodies matching the declared schemas (so every 4xx is the JSON error body
# {"error": {"code", "message"}}), and no 2xx for a request the schema says is invalid.
#
# Usage: scripts/schemathesis.sh [short|long]
#   short (default, CI): SCHEMATHESIS_MAX_EXAMPLES=50 test cases per operation and phase (~1 min).
#   long:                SCHEMATHESIS_MAX_EXAMPLES=1000 (tens of minutes on a 2-core machine).
#   SCHEMATHESIS_MAX_EXAMPLES=N overrides either; SCHEMATHESIS_SEED=N repeats a run.
# Needs: python3 on PATH (a venv is made in target/tools-venv), the ministry plugins in
# target/plugins (`cargo xtask build-plugins`); builds target/debug/toroku when missing.
# Exits non-zero when schemathesis reports a failure (or the server does not start).
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
mode=${1:-short}
case "$mode" in
  short) max_examples=${SCHEMATHESIS_MAX_EXAMPLES:-50} ;;
  long) max_examples=${SCHEMATHESIS_MAX_EXAMPLES:-1000} ;;
  *) echo "usage: $0 [short|long] [extra st run options]" >&2; exit 2 ;;
esac
shift $(( $# > 0 ? 1 : 0 ))

log() { printf 'schemathesis.sh: %s\n' "$*" >&2; }

# 1. schemathesis, pinned, in a venv of its own (skipped when the pinned version is there).
venv=target/tools-venv
if ! "$venv/bin/st" --version 2>/dev/null | grep -qx "st, version $SCHEMATHESIS_VERSION"; then
  log "installing schemathesis $SCHEMATHESIS_VERSION into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

# 2. The binary and the plugins the demo installs.
binary=target/debug/toroku
if [ ! -x "$binary" ]; then
  log "building $binary"
  cargo build -p server --bin toroku
fi
if [ ! -f target/plugins/maff.wasm ]; then
  log "building the ministry plugins"
  cargo xtask build-plugins
fi

# 3. A demo server on a free loopback port with a fresh data directory. The per-client rate
#    is off (one client sends everything here); the admin token opens the plugin admin API.
work=$(mktemp -d "${TMPDIR:-/tmp}/toroku-schemathesis.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
admin_token=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
mkdir -p "$work/data"
RUST_LOG=${RUST_LOG:-warn,server=info,toroku=info,tower_http=off} \
  "$binary" serve --demo --addr "127.0.0.1:$port" --data-dir "$work/data" \
  --plugin-dir target/plugins --client-rate off --admin-token "$admin_token" \
  >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  grep -q "toroku is serving" "$work/server.log" 2>/dev/null && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$work/server.log" >&2
    log "the server stopped before serving"
    exit 1
  fi
  sleep 0.2
done
if ! grep -q "toroku is serving" "$work/server.log"; then
  cat "$work/server.log" >&2
  log "the server did not start within 120 s"
  exit 1
fi
log "server at $base (log: $work/server.log)"

# 4. Real objects for the generated requests to reach: a central administrator's staff session
#    (password and TOTP code from the demo's DEMO.md) so that the staff API is exercised past
#    its 401; the demo applicant's draft link (from the mailed .eml) so that the draft API is
#    exercised past its 404; and a submitted application (a second applicant's draft with the
#    example document), whose id the central administration's operations get.
read -r staff_cookie draft_token application_id < <(python3 - "$work/data" "$base" <<'PY'
import base64, email, glob, hashlib, hmac, json, re, struct, sys, time, urllib.request
data, base = sys.argv[1], sys.argv[2]


def call(method, path, body=None, headers=None):
    request = urllib.request.Request(
        f"{base}{path}", method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    with urllib.request.urlopen(request) as response:
        return response.headers, json.loads(response.read() or b"{}")


def draft_link(address):
    for _ in range(100):
        for path in sorted(glob.glob(f"{data}/mail/*.eml")):
            message = email.message_from_binary_file(open(path, "rb"))
            if message["To"] != address:
                continue
            found = re.search(r"/apply/([A-Za-z0-9_-]{43})", message.get_payload(decode=True).decode("utf-8"))
            if found:
                return found.group(1)
        time.sleep(0.1)
    raise SystemExit(f"no draft link mailed to {address}")

demo = open(f"{data}/DEMO.md", encoding="utf-8").read()
secret = re.search(r"`admin@mhlw\.demo` \| central \| central_admin \| `([A-Z2-7]+)`", demo).group(1)
digest = hmac.new(base64.b32decode(secret), struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
offset = digest[-1] & 15
code = "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)
password = re.search(r"password `([^`]+)`", demo).group(1)
headers, _ = call("POST", "/api/v1/staff/sessions",
                  {"email": "admin@mhlw.demo", "password": password, "code": code})
cookie = headers["Set-Cookie"].split(";")[0]
token = draft_link("demo@example.jp")
call("POST", "/api/v1/pre-registrations",
     {"email": "fuzz@example.jp", "email_confirmation": "fuzz@example.jp"})
submitted = draft_link("fuzz@example.jp")
example = json.load(open("core/domain/tests/fixtures/application.example.json", encoding="utf-8"))
example["applicant"]["email"] = "fuzz@example.jp"
call("PUT", f"/api/v1/drafts/{submitted}", example)
_, receipt = call("POST", f"/api/v1/drafts/{submitted}/submit", {}, {"Idempotency-Key": "schemathesis-setup"})
print(cookie, token, receipt["application_id"])
PY
)
[ -n "${application_id:-}" ] || { log "setting up the staff session, draft and application failed"; exit 1; }

# 5. The run.
config="$work/schemathesis.toml"
cat >"$config" <<TOML
# Draft operations use the demo draft's real token most of the time, a generated one otherwise.
[dictionaries]
draft-token = { values = ["$draft_token"] }

application-id = { values = ["$application_id"] }
tenant = { values = ["central", "maff", "fsa", "env", "mhlw"] }
postal-code = { values = ["1000013", "100-0013", "〒１００－００１３", "0600000"] }
ministry = { values = ["maff", "fsa"] }
plugin-version = { values = ["1.0.0"] }

[[operations]]
include-path-regex = "^/api/v1/drafts/"
parameters = { "path.token" = { dictionary = "draft-token", probability = 0.8 } }

[[operations]]
include-path-regex = "^/api/v1/(central|review)/applications/"
parameters = { "path.id" = { dictionary = "application-id", probability = 0.8 } }

[[operations]]
include-path-regex = "^/api/v1/(admin/)?tenants/"
parameters = { "path.tenant" = { dictionary = "tenant", probability = 0.8 } }

[[operations]]
include-path = "/api/v1/postal-codes/{code}"
parameters = { "path.code" = { dictionary = "postal-code", probability = 0.5 } }

[[operations]]
include-path = "/api/v1/admin/plugins/{ministry}/versions/{version}/activation"
parameters = { "path.ministry" = { dictionary = "ministry", probability = 0.8 }, "path.version" = { dictionary = "plugin-version", probability = 0.8 } }

# positive_data_acceptance (a request the schema allows must get 2xx, 401, 403, 404 or 409) is
# off only where the server applies a rule that JSON Schema cannot state, so that a
# schema-valid request is rightly answered 400/422 with the error body:
# - pre-registrations: the confirmation must equal the e-mail address;
# - account/password, staff/enrolment: the token must be a live mailed link (400 otherwise)
#   and the password must not be on the common-password list;
# - drafts/{token}/submit: a document with error findings is refused (422 + findings);
# - fte: hours have at most two decimals and a pattern may not exceed the standard week;
# - admin/plugins: the body must be a valid plugin component (422 with "detail" otherwise);
# - admin/plugins/…/activation: the version in force is refused (422, "already in force");
# - POST tenants/{tenant}/staff: the role must fit the tenant (central_admin in "central",
#   ministry_admin or reviewer in a ministry);
# - admin/tenants/{tenant}/business-types: only business types of installed plugins;
# - review/applications/{id}/inquiries: only fields the caller's ministry can see.
[[operations]]
include-path = [
  "/api/v1/pre-registrations",
  "/api/v1/account/password",
  "/api/v1/staff/enrolment",
  "/api/v1/drafts/{token}/submit",
  "/api/v1/fte",
  "/api/v1/admin/plugins",
  "/api/v1/admin/plugins/{ministry}/versions/{version}/activation",
  "/api/v1/admin/tenants/{tenant}/business-types",
  "/api/v1/review/applications/{id}/inquiries",
]
checks = { positive_data_acceptance = { enabled = false } }

[[operations]]
include-path = "/api/v1/tenants/{tenant}/staff"
include-method = "POST"
checks = { positive_data_acceptance = { enabled = false } }
TOML

# Every built-in check is on (schemathesis' default): not_a_server_error,
# status_code_conformance, content_type_conformance, response_schema_conformance (the 4xx
# bodies are the Error schema), response_headers_conformance, positive_data_acceptance (off
# where said above), negative_data_rejection, missing_required_header, unsupported_method,
# allow_header_conformance, use_after_free, ensure_resource_availability, ignored_auth.
# `DELETE /api/v1/staff/sessions/current` is left out of the main run because it ends the staff
# session every other operation uses; it gets a run of its own at the end.
reports=target/schemathesis-report
rm -rf "$reports"
mkdir -p "$reports"
st_run() {
  "$venv/bin/st" --config-file "$config" run "$base/api/openapi.json" \
    --max-examples "$max_examples" \
    ${SCHEMATHESIS_SEED:+--seed "$SCHEMATHESIS_SEED"} \
    --workers 1 \
    --request-timeout 30 \
    --header "Authorization: Bearer $admin_token" \
    --header "Cookie: $staff_cookie" \
    --report junit --report-dir "$reports" \
    --no-color "$@"
}
cases() { sed -n 's/^ *\([0-9][0-9]*\) generated.*/\1/p' "$1" | tail -1; }

started=$(date +%s)
status=0
st_run --exclude-path /api/v1/staff/sessions/current "$@" 2>&1 | tee "$work/main.log" || status=1
st_run --include-path /api/v1/staff/sessions/current "$@" 2>&1 | tee "$work/logout.log" || status=1
elapsed=$(( $(date +%s) - started ))

# A panic is answered 500 (caught above), but say so plainly if the log has one.
cp "$work/server.log" "$reports/server.log"
if grep -E "panicked|internal error" "$work/server.log" >&2; then
  log "the server logged a panic or an internal error (see $reports/server.log)"
  status=1
fi
main_cases=$(cases "$work/main.log")
logout_cases=$(cases "$work/logout.log")
total=$(( ${main_cases:-0} + ${logout_cases:-0} ))
echo "schemathesis $SCHEMATHESIS_VERSION ($mode, max $max_examples examples per operation): $total test cases in $elapsed s; $( [ "$status" = 0 ] && echo passed || echo FAILED)"
exit "$status"
