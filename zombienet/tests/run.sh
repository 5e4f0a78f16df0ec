#!/usr/bin/env bash
# zombienet copies this script next to the node's files and runs it there: go back to the
# client tests (TN_ZN_DIR, set by scripts/zombienet) and run one of them; its output goes to
# $TN_ZN_LOGS/<name>.log and, on failure, to stderr.
set -uo pipefail
name="$1"
cd "$TN_ZN_DIR" || exit 1
log="$TN_ZN_LOGS/$name.log"
node "tests/$name.mjs" >"$log" 2>&1
rc=$?
if [ $rc -ne 0 ]; then tail -40 "$log" >&2; fi
exit $rc
