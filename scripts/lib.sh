# shellcheck shell=bash
# Helpers of the project scripts (sourced; defines functions only, no side effects): argument
# checks, and the processes a script starts — waited for with a deadline, stopped by the pid
# recorded when they were started, never by a name pattern.

# The calling script's header comment (after the shebang, up to the first line that is not a
# comment), without the leading "# ": its usage text.
tn_usage() { sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; }

# tn_bad_usage MESSAGE: MESSAGE and the usage on stderr, exit 2.
tn_bad_usage() {
  printf 'scripts/%s: %s\n' "${0##*/}" "$*" >&2
  tn_usage >&2
  exit 2
}

# tn_no_args "$@": for scripts without arguments: --help prints the usage, anything else exits 2.
tn_no_args() {
  [ $# -eq 0 ] && return 0
  case "$1" in -h | --help) tn_usage; exit 0 ;; esac
  tn_bad_usage "unknown argument: $1"
}

# tn_alive PID: the process exists and has not exited (a zombie has).
tn_alive() {
  [ -n "$1" ] && [ -e "/proc/$1" ] && ! grep -qs '^State:[[:space:]]*Z' "/proc/$1/status"
}

# tn_fail_log MESSAGE LOG: MESSAGE and the last 40 lines of LOG on stderr, exit 1.
tn_fail_log() {
  {
    printf 'error: %s\n' "$1"
    if [ -s "$2" ]; then printf '== last lines of %s\n' "$2"; tail -n 40 "$2"; fi
  } >&2
  exit 1
}

# tn_wait_ready NAME PID LOG SECONDS COMMAND...: runs COMMAND (output discarded) once a second
# until it succeeds. Fails with LOG's tail as soon as process PID has exited, or after SECONDS.
tn_wait_ready() {
  local name=$1 pid=$2 log=$3 secs=$4 rc
  shift 4
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    if ! tn_alive "$pid"; then
      rc=0
      wait "$pid" 2>/dev/null || rc=$?
      # 127: not a child of this shell, its exit status is unknown.
      [ "$rc" = 127 ] && rc="?"
      tn_fail_log "$name (pid $pid) exited (status $rc) before it became ready" "$log"
    fi
    [ "$SECONDS" -lt "$deadline" ] || tn_fail_log "$name (pid $pid) not ready after ${secs} s" "$log"
    sleep 1
  done
}

# tn_stop PID...: SIGTERM, up to 15 s to exit, then SIGKILL. Pids already gone (or empty) are
# skipped; children of this shell are reaped.
tn_stop() {
  local p left=() i
  for p in "$@"; do
    tn_alive "$p" && kill "$p" 2>/dev/null && left+=("$p")
  done
  for ((i = 0; i < 30 && ${#left[@]} > 0; i++)); do
    sleep 0.5
    local still=()
    for p in "${left[@]}"; do tn_alive "$p" && still+=("$p"); done
    left=("${still[@]}")
  done
  for p in "${left[@]}"; do
    printf 'pid %s ignored SIGTERM for 15 s: SIGKILL\n' "$p" >&2
    kill -9 "$p" 2>/dev/null || true
  done
  for p in "$@"; do [ -n "$p" ] && { wait "$p" 2>/dev/null || true; }; done
  return 0
}

# tn_pid_from_file FILE PATTERN: prints the pid recorded in FILE (by an earlier run) if that
# process is alive, belongs to this user and its command line contains PATTERN; fails otherwise
# (the pid may since have been reused by another program, or the file be stale or garbage).
tn_pid_from_file() {
  local pid="" cmd
  [ -f "$1" ] || return 1
  read -r pid <"$1" || [ -n "$pid" ] || return 1
  [[ $pid =~ ^[1-9][0-9]*$ ]] || return 1
  tn_alive "$pid" && [ -O "/proc/$pid" ] || return 1
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmd == *"$2"* ]] || return 1
  printf '%s\n' "$pid"
}

# tn_tagged_pids NAME=VALUE: pids of this user's processes whose environment holds exactly
# NAME=VALUE — a tag a script puts in the environment of a command it starts, so that it can
# also stop that command's descendants (which may have detached from it) by pid.
tn_tagged_pids() {
  local d pid e
  for d in /proc/[0-9]*; do
    pid=${d#/proc/}
    if [ "$pid" = "$$" ] || [ "$pid" = "$BASHPID" ] || [ ! -O "$d" ]; then continue; fi
    {
      while IFS= read -r -d '' e; do
        if [ "$e" = "$1" ]; then printf '%s\n' "$pid"; break; fi
      done
    } 2>/dev/null <"$d/environ" || true
  done
}
