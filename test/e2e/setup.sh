#!/usr/bin/env bash
# Installs what the offline end-to-end test needs: Debian's Chromium, and code-server (VS Code's workbench
# served to a browser) from npm. Recipe and reasons: ../shared/notes/offline-vscode.md. The machine reaches only
# the npm registry and Debian's packages, so nothing here may download from elsewhere.
#
# Idempotent: code-server is kept under .cache/e2e (git ignores .cache/) with a marker written last, so a
# second run only checks and returns in about a second; an interrupted install is redone from scratch.
set -euo pipefail
cd "$(dirname "$0")/../.."

CODE_SERVER_VERSION=4.100.3 # 4.100.x runs on Node 20; later releases want Node 22
ROOT=$PWD/.cache/e2e
PREFIX=$ROOT/code-server
MARKER=$PREFIX/.ready-$CODE_SERVER_VERSION
LOG=$ROOT/setup.log
mkdir -p "$ROOT"
: > "$LOG"

fail() {
  echo "e2e setup: $1 (log: $LOG)" >&2
  exit 1
}
# Runs a step with its output in the log, so a clean run prints a few lines and a failing one says where.
step() {
  local what=$1
  shift
  local t=$SECONDS
  echo "+ $*" >> "$LOG"
  if ! "$@" >> "$LOG" 2>&1; then
    # One line for CI: the step and its first error lines (the whole output is in the log).
    local why
    why=$(grep -E '^npm error (code|[A-Za-z]*Error)|ERR!|^E: |[A-Za-z]Error: ' "$LOG" | head -n 2 | paste -sd ' ' -)
    [[ -n $why ]] || why=$(grep -v '^[[:space:]]*$' "$LOG" | tail -n 1)
    fail "$what failed: ${why:0:300}"
  fi
  echo "  ($what: $((SECONDS - t)) s)" >> "$LOG"
}

start=$SECONDS

# 1. Debian packages: chromium (the browser playwright-core drives), libkrb5-dev (headers the kerberos module
# compiles against), ripgrep (stands in for @vscode/ripgrep, whose binary is downloaded from GitHub).
missing=()
command -v chromium > /dev/null || missing+=(chromium)
command -v rg > /dev/null || missing+=(ripgrep)
dpkg -s libkrb5-dev > /dev/null 2>&1 || missing+=(libkrb5-dev)
# Compilers for the native modules (node-gyp); present on most images, cheap to check.
command -v make > /dev/null || missing+=(make)
command -v g++ > /dev/null || missing+=(g++)
command -v python3 > /dev/null || missing+=(python3)
if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo > /dev/null || fail "need root or sudo to install ${missing[*]}"
    sudo=(sudo)
  fi
  echo "e2e setup: apt-get install ${missing[*]}"
  step "apt-get update" "${sudo[@]}" apt-get update -qq
  step "apt-get install ${missing[*]}" "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq "${missing[@]}"
fi
command -v chromium > /dev/null || fail "chromium is not on PATH after apt-get install"

# 2. code-server from npm, with the native rebuilds its postinstall would have done.
if [[ -f $MARKER ]]; then
  echo "e2e setup: code-server $CODE_SERVER_VERSION ready (cached in .cache/e2e), $((SECONDS - start)) s"
  exit 0
fi
echo "e2e setup: installing code-server $CODE_SERVER_VERSION into .cache/e2e (about a minute)"
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
export npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# --ignore-scripts: the postinstall refuses to run as root without a flag that npm 11 no longer has.
step "npm install code-server" npm install --ignore-scripts --no-save --prefix "$PREFIX" "code-server@$CODE_SERVER_VERSION"
CS=$PREFIX/node_modules/code-server
VS=$CS/lib/vscode
[[ -d $VS ]] || fail "code-server package has no lib/vscode"
(
  cd "$VS"
  step "npm install (lib/vscode)" npm install --omit=dev --ignore-scripts
  # kerberos compiles against libkrb5-dev; node-pty calls `npx node-gyp`, hence npm_config_yes.
  step "npm rebuild (vscode native modules)" npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog \
    @vscode/deviceid native-watchdog
  # @vscode/ripgrep's binary comes from GitHub; Debian's rg does the same job.
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  # The server loads node_modules.asar in a packaged build; here the folder itself is the archive.
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  cd extensions
  step "npm install (built-in extensions)" npm install --omit=dev --ignore-scripts
)
# code-server's own native module, hoisted to the prefix's node_modules.
(
  cd "$PREFIX"
  step "npm rebuild argon2" npm rebuild argon2
)
step "code-server --version" "$PREFIX/node_modules/.bin/code-server" --version
touch "$MARKER"
echo "e2e setup: done in $((SECONDS - start)) s ($("$PREFIX/node_modules/.bin/code-server" --version | head -n 1))"
