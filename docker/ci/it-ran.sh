#!/usr/bin/env bash
# Says whether an integration test really ran and passed, from its Failsafe report (TEST-<class>.xml): Failsafe
# passes a test that skipped itself (an assumption that did not hold) and a run that found no test at all, and
# compose-smoke.sh runs Maven quietly, so without this CI could go green on a compose stack that never started.
#   docker/ci/it-ran.sh dev-stack/target/failsafe-reports/TEST-<class>.xml   exit 0 only if tests>0 and all passed
set -euo pipefail
report=${1:?usage: it-ran.sh <failsafe report>}
name=$(basename "$report" .xml)
name=${name#TEST-}
if [ ! -s "$report" ]; then
  echo "ci: $name did not run (no report $report)"
  exit 1
fi
suite=$(tr '\n' ' ' < "$report" | grep -o '<testsuite [^>]*>' | head -1)
count() { echo "$suite" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
name=$(echo "$suite" | sed -n 's/.* name="\([^"]*\)".*/\1/p')
name=${name##*.}
tests=$(count tests) failures=$(count failures) errors=$(count errors) skipped=$(count skipped)
echo "ci: $name ran: tests=${tests:-?} failures=${failures:-?} errors=${errors:-?} skipped=${skipped:-?}"
[ "${tests:-0}" -gt 0 ] && [ "${failures:-1}" = 0 ] && [ "${errors:-1}" = 0 ] && [ "${skipped:-1}" = 0 ]
