#!/usr/bin/env bash
# Vendored copy of the shared harness shared/tools/real-serial/run.sh (README there), unchanged below this
# note, so CI on a fresh checkout has it. scripts/real-serial.mjs uses $REAL_TTY_HARNESS, else
# ../shared/tools/real-serial/run.sh when present, else this copy.
# Run COMMAND where Chromium's Web Serial port /dev/ttyS0 is really a pty bridged to a TCP endpoint.
#
#   run.sh TCP_HOST TCP_PORT APP_ORIGIN -- COMMAND [ARG...]
#
# 1. socat connects to tcp:TCP_HOST:TCP_PORT and bridges it to a fresh pty (raw, no echo, no CR/LF
#    translation). socat itself keeps the slave side open, so the page may close and reopen the port.
# 2. A Chromium enterprise policy file grants APP_ORIGIN (exact origin, e.g. http://localhost:8765) every
#    serial port, so navigator.serial.getPorts() returns the port without a chooser.
# 3. COMMAND runs in a private mount namespace in which the pty is bind-mounted over /dev/ttyS0 (Chromium
#    enumerates the real sysfs ttyS0 and opens the pty). /dev/ttyS0 outside is never touched; inside, the
#    command runs only after checking that /dev/ttyS0 is now the pty (major 136-143, same rdev).
# On exit (normal, error or signal) everything started here is stopped by PID, the policy file is removed.
# Exit status: COMMAND's; 125 when the harness itself fails before or around it.
#
# Environment for COMMAND: everything passed through, plus REAL_TTY=1, REAL_TTY_DEVICE=/dev/ttyS0,
# REAL_TTY_PTY=/dev/pts/N, REAL_TTY_TCP=HOST:PORT, REAL_TTY_ORIGIN=APP_ORIGIN.
# Knobs: REAL_TTY_TRACE=DIR (socat writes raw dumps DIR/to-device.bin and DIR/from-device.bin),
#        REAL_TTY_LOCK_WAIT=SECONDS (default 300; runs are serialised, the policy dir is machine-wide),
#        REAL_TTY_QUIET=1 (no progress lines on stderr).
# shellcheck disable=SC2317 # cleanup and its helpers run from the EXIT trap
set -u

HARNESS_FAIL=125
SERIAL_DEV=/dev/ttyS0
POLICY_DIR=/etc/chromium/policies/managed
LOCK_FILE=/tmp/realtty.lock

say() { [ "${REAL_TTY_QUIET:-0}" = 1 ] || echo "real_tty: $*" >&2; }
fail() { echo "real_tty: error: $*" >&2; exit "$HARNESS_FAIL"; }

usage() {
  echo "usage: $0 TCP_HOST TCP_PORT APP_ORIGIN -- COMMAND [ARG...]" >&2
  echo "  e.g. $0 127.0.0.1 7001 http://localhost:8765 -- npx playwright test --project real-serial" >&2
  exit "$HARNESS_FAIL"
}

if [ $# -lt 5 ] || [ "$4" != "--" ]; then usage; fi
TCP_HOST=$1 TCP_PORT=$2 APP_ORIGIN=$3
shift 4

# ---- preconditions (nothing started yet) ----------------------------------------------------------------
[ "$(id -u)" = 0 ] || fail "must run as root (policy file in /etc, mount namespace, bind mount)"
if ! [[ "$TCP_PORT" =~ ^[0-9]+$ ]] || ((TCP_PORT < 1 || TCP_PORT > 65535)); then fail "bad TCP_PORT '$TCP_PORT'"; fi
[[ "$TCP_HOST" =~ ^[A-Za-z0-9._:-]+$ ]] || fail "bad TCP_HOST '$TCP_HOST'"
[[ "$APP_ORIGIN" =~ ^https?://([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]+)?$ ]] ||
  fail "APP_ORIGIN must be an exact origin like http://localhost:8765 (scheme://host[:port], no path, no slash)"
for c in socat unshare mount stat flock readlink; do
  command -v "$c" >/dev/null || fail "missing command: $c"
done
[ -e /sys/class/tty/ttyS0/dev ] || fail "no sysfs entry /sys/class/tty/ttyS0: Chromium would list no port"
[ -c "$SERIAL_DEV" ] || fail "$SERIAL_DEV is not a character device"
HOST_TTYS0_RDEV=$(stat -c '%t:%T' "$SERIAL_DEV")
HOST_NS=$(readlink /proc/$$/ns/mnt) || fail "cannot read own mount namespace"

# ---- state for cleanup ---------------------------------------------------------------------------------
D='' SOCAT_PID='' CMD_PID='' POLICY_FILE='' CREATED_DIRS=()

alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

# PIDs of every process in the command's mount namespace (Chromium and its helpers included, even those
# that left our process group, as Playwright's browser does). Only used when that namespace is provably
# not ours.
ns_pids() {
  local ns=$1 p
  [ -n "$ns" ] && [ "$ns" != "$HOST_NS" ] || return 0
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/ns/mnt" 2>/dev/null)" = "$ns" ] && echo "${p#/proc/}"
  done
}

stop_pids() { # stop_pids GRACE_SECONDS PID... : TERM, wait, then KILL what is left
  local grace=$1 p i left; shift
  [ $# -gt 0 ] || return 0
  kill -TERM "$@" 2>/dev/null
  for ((i = 0; i < grace * 10; i++)); do
    left=
    for p in "$@"; do alive "$p" && left=1; done
    [ -z "$left" ] && return 0
    sleep 0.1
  done
  kill -KILL "$@" 2>/dev/null
  sleep 0.1
}

cleanup() {
  local rc=$? ns pids d
  trap - EXIT INT TERM HUP
  set +e
  ns=$(cat "$D/nsid" 2>/dev/null)
  pids=$( (alive "$CMD_PID" && echo "$CMD_PID"; ns_pids "$ns") | sort -un | tr '\n' ' ')
  if [ -n "${pids// /}" ]; then
    say "stopping processes left in the namespace: $pids"
    # shellcheck disable=SC2086
    stop_pids 5 $pids
  fi
  [ -n "$CMD_PID" ] && wait "$CMD_PID" 2>/dev/null
  if alive "$SOCAT_PID"; then stop_pids 3 "$SOCAT_PID"; fi
  [ -n "$SOCAT_PID" ] && wait "$SOCAT_PID" 2>/dev/null
  [ -n "$POLICY_FILE" ] && rm -f "$POLICY_FILE"
  for ((d = ${#CREATED_DIRS[@]} - 1; d >= 0; d--)); do rmdir "${CREATED_DIRS[d]}" 2>/dev/null; done
  if [ "$(stat -c '%t:%T' "$SERIAL_DEV" 2>/dev/null)" != "$HOST_TTYS0_RDEV" ]; then
    echo "real_tty: error: $SERIAL_DEV outside the namespace changed!" >&2; rc=$HARNESS_FAIL
  fi
  [ -n "$D" ] && rm -rf "$D"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- one run at a time: the policy directory and the host's ttyS0 sysfs entry are machine-wide ----------
exec 9>>"$LOCK_FILE" || fail "cannot open $LOCK_FILE"
if ! flock -n 9; then
  say "waiting for another real_tty run to finish (lock $LOCK_FILE)"
  flock -w "${REAL_TTY_LOCK_WAIT:-300}" 9 || fail "timed out waiting for $LOCK_FILE"
fi

D=$(mktemp -d /tmp/realtty.XXXXXX) || fail "mktemp failed"

# ---- policy: APP_ORIGIN may use every serial port without a chooser ------------------------------------
for d in /etc/chromium /etc/chromium/policies "$POLICY_DIR"; do
  if [ ! -d "$d" ]; then mkdir "$d" || fail "cannot create $d"; CREATED_DIRS+=("$d"); fi
done
for f in "$POLICY_DIR"/realtty-*.json; do # left by a run that was SIGKILLed
  [ -e "$f" ] || continue
  p=${f##*/realtty-}; p=${p%.json}
  [[ "$p" =~ ^[0-9]+$ ]] && ! alive "$p" && { say "removing stale $f"; rm -f "$f"; }
done
for f in "$POLICY_DIR"/*.json; do
  [ -e "$f" ] && grep -q SerialAllowAllPortsForUrls "$f" &&
    say "warning: $f also sets SerialAllowAllPortsForUrls; Chromium takes only one of them"
done
POLICY_FILE=$POLICY_DIR/realtty-$$.json
if ! { printf '{"SerialAllowAllPortsForUrls": ["%s"]}\n' "$APP_ORIGIN" >"$D/policy.json" &&
  chmod 644 "$D/policy.json" && mv "$D/policy.json" "$POLICY_FILE"; }; then
  fail "cannot write $POLICY_FILE"
fi

# ---- socat: TCP <-> pty (raw, no echo, no CR/LF translation, no Nagle delay) ----------------------------
trace=()
if [ -n "${REAL_TTY_TRACE:-}" ]; then
  mkdir -p "$REAL_TTY_TRACE" || fail "cannot create $REAL_TTY_TRACE"
  trace=(-r "$REAL_TTY_TRACE/from-device.bin" -R "$REAL_TTY_TRACE/to-device.bin")
fi
# Left = TCP, right = pty: the pty link appears only once the TCP connection stands. setsid: a Ctrl-C meant
# for COMMAND must not take the bridge down under it; cleanup stops socat by PID.
setsid socat -d -d -lu -lf "$D/socat.log" "${trace[@]}" \
  "tcp:$TCP_HOST:$TCP_PORT,nodelay" "pty,link=$D/ttyV0,rawer,echo=0" </dev/null >/dev/null 2>>"$D/socat.err" 9>&- &
SOCAT_PID=$!
for ((i = 0; i < 100; i++)); do
  grep -q 'starting data transfer loop' "$D/socat.log" 2>/dev/null && [ -L "$D/ttyV0" ] && break
  alive "$SOCAT_PID" || { sed 's/^/  socat: /' "$D"/socat.* >&2; fail "socat ended: cannot reach tcp:$TCP_HOST:$TCP_PORT?"; }
  sleep 0.1
done
[ "$(cat "/proc/$SOCAT_PID/comm" 2>/dev/null)" = socat ] || fail "PID $SOCAT_PID is not socat"
[ -L "$D/ttyV0" ] || { sed 's/^/  socat: /' "$D"/socat.* >&2; fail "socat did not come up in 10 s"; }
PTY=$(readlink -f "$D/ttyV0")
if ! [[ "$PTY" =~ ^/dev/pts/[0-9]+$ ]] || ! [ -c "$PTY" ]; then fail "socat pty is '$PTY', not /dev/pts/N"; fi

say "$SERIAL_DEV (namespace only) = $PTY <-> tcp:$TCP_HOST:$TCP_PORT; policy for $APP_ORIGIN in $POLICY_FILE"

# ---- COMMAND in a private mount namespace with the pty over /dev/ttyS0 ----------------------------------
# shellcheck disable=SC2016
INNER='
set -u
pty=$1 nsfile=$2 host_ns=$3; shift 3
ns=$(readlink /proc/self/ns/mnt)
if [ -z "$ns" ] || [ "$ns" = "$host_ns" ]; then
  echo "real_tty: ABORT: not in a new mount namespace" >&2; exit 125
fi
mount --bind "$pty" /dev/ttyS0 || { echo "real_tty: ABORT: bind mount failed" >&2; exit 125; }
want=$(stat -L -c "%t:%T" "$pty") got=$(stat -c "%t:%T" /dev/ttyS0)
major=$((0x${got%%:*}))
if [ "$got" != "$want" ] || [ "$major" -lt 136 ] || [ "$major" -gt 143 ]; then
  echo "real_tty: ABORT: /dev/ttyS0 in the namespace is $got, expected the pty $want (major 136)" >&2; exit 125
fi
echo "$ns" >"$nsfile"
exec "$@"
'
export REAL_TTY=1 REAL_TTY_DEVICE="$SERIAL_DEV" REAL_TTY_PTY="$PTY" REAL_TTY_TCP="$TCP_HOST:$TCP_PORT" \
  REAL_TTY_ORIGIN="$APP_ORIGIN"
unshare --mount --propagation private -- /bin/sh -c "$INNER" real_tty "$PTY" "$D/nsid" "$HOST_NS" "$@" <&0 9>&- &
CMD_PID=$!
wait "$CMD_PID"
rc=$?
CMD_PID=
alive "$SOCAT_PID" || say "note: socat had already ended when COMMAND finished (the TCP endpoint closed the connection?)"
exit "$rc"
