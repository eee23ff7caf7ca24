#!/usr/bin/env bash
# Crash tests: worker JVMs run the crash-test workflows checkpointing to SQLite and to PostgreSQL,
# are killed with kill -9 at random moments, and are resumed in new JVMs until each run ends; then
# each run's result and step-execution counts are checked (docs/crash-tests.md).
#
#   crash-test/run.sh                 # 50 kills per store
#   crash-test/run.sh 200             # 200 kills per store
#   crash-test/run.sh 50 --seed 42    # the same random choices as an earlier run (printed at its start)
#   crash-test/run.sh 1 --trial join:-7141415347232153219   # one trial again, from a failure's line
#
# Further options go to the driver: --max-kills-per-trial M, --jvm-limit SECONDS, --shapes a,b.
# PostgreSQL: STEPWISE_TEST_PG_URL, or a throwaway server started with .ci/start-postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

KILLS=50
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
  KILLS="$1"
  shift
fi

export JAVA_HOME="${JAVA_HOME:-$(.ci/find-jdk)}"
echo ">> building the crash-test module" >&2
# Its workflows' generated classes are rebuilt every time: an incremental build keeps classes the
# processor generated against an older runtime (NoClassDefFoundError in every worker).
rm -rf crash-test/target/classes crash-test/target/generated-sources
./mvnw -q -pl crash-test -am package -DskipTests

if [[ -z "${STEPWISE_TEST_PG_URL:-}" ]]; then
  eval "$(.ci/start-postgres)"
  trap '.ci/stop-postgres "$STEPWISE_TEST_PG_DIR"' EXIT
fi

OUT="$ROOT/crash-test/target/runs/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT/sqlite"
CP="$ROOT/crash-test/target/classes$(printf ':%s' "$ROOT"/crash-test/target/lib/*.jar)"
echo ">> files of every trial (ledgers, worker logs) in $OUT" >&2
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" io.stepwise.crashtest.Driver \
  --kills "$KILLS" --dir "$OUT" "$@" "sqlite:$OUT/sqlite/runs.db" "$STEPWISE_TEST_PG_URL" | tee "$OUT/report.txt"
