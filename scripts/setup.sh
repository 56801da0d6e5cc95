#!/usr/bin/env bash
# Installs what building and testing Tōroku needs on a fresh machine of this project's kind.
# Idempotent: each step checks first and does nothing when the thing is already there.
# Usage: scripts/setup.sh [run|test]   (run: only what the server needs; test: everything)
set -euo pipefail
mode=${1:-test}
cd "$(dirname "$0")/.."

log() { printf 'setup: %s\n' "$*" >&2; }

need_apt=()
if [ "$mode" = test ]; then
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need_apt+=(python3-aiosmtpd)
  command -v pg_ctlcluster >/dev/null 2>&1 || need_apt+=(postgresql)
  # The browser tests: Debian's Chromium and its driver, and Japanese/Korean/Chinese fonts so
  # that the screenshots show text, not boxes.
  [ -x /usr/bin/chromium ] || need_apt+=(chromium)
  [ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
  [ -d /usr/share/fonts/opentype/noto ] || need_apt+=(fonts-noto-cjk)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ "$mode" = test ]; then
  # The tests talk to a real PostgreSQL; on these machines one runs on 127.0.0.1:5432.
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    log "starting PostgreSQL"
    for v in $(ls /etc/postgresql 2>/dev/null); do
      pg_ctlcluster --skip-systemctl-redirect "$v" main start || true
    done
  fi
  # axe-core for the accessibility scan, pinned by tests/browser/package-lock.json.
  if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
    log "installing axe-core (npm ci)"
    npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error >/dev/null
  fi
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
  # The fuzz targets (fuzz/, `cargo xtask fuzz`): cargo-fuzz, pinned; it runs on the stable
  # toolchain with `--sanitizer none`.
  cargo_fuzz_version=0.13.2
  if ! cargo fuzz --version 2>/dev/null | grep -qx "cargo-fuzz $cargo_fuzz_version"; then
    log "installing cargo-fuzz $cargo_fuzz_version"
    cargo install --quiet --locked "cargo-fuzz@$cargo_fuzz_version"
  fi
fi
# Plugins are WebAssembly components: wasm32-unknown-unknown, linked by the wasm-component-ld
# that the wasm32-wasip2 target ships (the hostile WASI fixture is built for wasm32-wasip2).
installed_targets=$(rustup target list --installed 2>/dev/null)
for target in wasm32-unknown-unknown wasm32-wasip2; do
  echo "$installed_targets" | grep -qx "$target" || rustup target add "$target"
done
log "ok ($mode)"
