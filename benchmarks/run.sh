#!/usr/bin/env bash
# Builds Stepwise's benchmarks and the peers', runs every shape for each, and prints one
# markdown table (shape, ours, each peer, ratio peer/ours), also written to
# docs/benchmarks-results.md. Usage:
#
#   benchmarks/run.sh            # full run (JMH: 2 forks x 5 x 2 s after 5 x 2 s warmup)
#   benchmarks/run.sh --quick    # short iterations: proves the pipeline, numbers are noise
#
# Needs a JDK 21+ (JAVA_HOME, or whatever .ci/find-jdk finds); Node 20+ for the
# @llamaindex/workflow-core peer (its column says so when Node is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

QUICK=0
[[ "${1:-}" == "--quick" ]] && QUICK=1

export JAVA_HOME="${JAVA_HOME:-$(.ci/find-jdk)}"
JAVA="$JAVA_HOME/bin/java"
JAVA_FEATURE="$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')"
OUT="$ROOT/benchmarks/target/run"
rm -rf "$OUT" && mkdir -p "$OUT"

if [[ $QUICK == 1 ]]; then
  JMH_AVG=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
  JMH_SHOTS=(-f 1 -wi 1 -i 2)
  NODE_ARGS=(--warmup 1 --iterations 2 --seconds 1)
  COLD_FORKS=5
else
  JMH_AVG=(-f 2 -wi 5 -w 2s -i 5 -r 2s)
  JMH_SHOTS=(-f 2 -wi 3 -i 10)
  NODE_ARGS=(--warmup 5 --iterations 5 --seconds 2)
  COLD_FORKS=20
fi
JVM_LOCALE=(-Duser.language=en -Duser.country=US)

log() { echo ">> $*" >&2; }
declare -A R   # R[<contender>.<metric>] = value

# Joins the module's jar and its copied dependencies: CDS / AOT caches only archive classes
# from jars, so the class path must not hold a directory.
class_path() {
  local dir="$1" jar
  jar="$(ls "$dir"/target/*.jar | head -n 1)"
  echo "$jar$(printf ':%s' "$dir"/target/lib/*.jar)"
}

# Reads a JMH CSV result into R under the given contender: <benchmark>[:<processor>] and,
# for -prof gc, <benchmark>:alloc (bytes per operation).
read_jmh_csv() {
  local who="$1" csv="$2" line
  while read -r line; do
    R["$who.${line% *}"]="${line##* }"
  done < <(awk -F, '
    { gsub(/"/, "") }
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == "Param: processor") p = i; next }
    {
      name = $1; sub(/^.*Benchmark\./, "", name); value = $5
      if (name ~ /:gc\.alloc\.rate\.norm$/) { sub(/:.*$/, "", name); print name ":alloc " value; next }
      if (name ~ /:/) next
      if (p && $p != "") name = name ":" $p
      print name " " value
    }' "$csv")
}

jmh() {
  local who="$1" cp="$2" regex="$3"; shift 3
  "$JAVA" "${JVM_LOCALE[@]}" -cp "$cp" org.openjdk.jmh.Main "$regex" -prof gc \
    -jvmArgsAppend "-Duser.language=en" -rf csv -rff "$OUT/$who-$RANDOM.csv" "$@" >&2
}

# S5: whole-process wall time, plain and with the JDK's class-data cache (an AOT cache on JDK 25+,
# AppCDS before), timed by the same launcher for every contender.
cold_start() {
  local who="$1" cp="$2" main="$3" cache train use
  R["$who.s5"]="$("$JAVA" -cp "$OURS_CP" io.stepwise.benchmarks.ColdStartLauncher "$COLD_FORKS" \
    "$JAVA" -cp "$cp" "$main" | awk '{print $2}')"
  if (( JAVA_FEATURE >= 25 )); then
    cache="$OUT/$who.aot"; train=(-XX:AOTCacheOutput="$cache"); use=(-XX:AOTCache="$cache")
  else
    cache="$OUT/$who.jsa"; train=(-XX:ArchiveClassesAtExit="$cache"); use=(-XX:SharedArchiveFile="$cache")
  fi
  "$JAVA" "${train[@]}" -cp "$cp" "$main" > /dev/null 2> "$OUT/$who-cache.log"
  R["$who.s5cache"]="$("$JAVA" -cp "$OURS_CP" io.stepwise.benchmarks.ColdStartLauncher "$COLD_FORKS" \
    "$JAVA" "${use[@]}" -cp "$cp" "$main" | awk '{print $2}')"
}

log "building Stepwise and its benchmarks"
./mvnw -q -pl benchmarks -am package -DskipTests >&2
OURS_CP="$(class_path benchmarks)"
log "building the LangGraph4j peer"
./mvnw -q -f benchmarks/peers/langgraph4j/pom.xml package >&2
LG_CP="$(class_path benchmarks/peers/langgraph4j)"
HAVE_NODE=0
if command -v node > /dev/null && command -v npm > /dev/null; then
  HAVE_NODE=1
  log "installing the @llamaindex/workflow-core peer (npm ci)"
  (cd benchmarks/peers/llamaindex-ts && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

log "Stepwise: S1 S2 S3 S4, snapshot encode/decode (JMH)"
jmh ours "$OURS_CP" 'io\.stepwise\.benchmarks\.(Chain|FanOut|ConcurrentRuns|HitlCycle|SnapshotSize)Benchmark' "${JMH_AVG[@]}"
log "Stepwise: compile time of a generated 200-step workflow (JMH single shot)"
jmh ours "$OURS_CP" 'io\.stepwise\.benchmarks\.CompileBenchmark' "${JMH_SHOTS[@]}"
for csv in "$OUT"/ours-*.csv; do read_jmh_csv ours "$csv"; done
log "Stepwise: heap per idle paused run"
R[ours.footprint]="$("$JAVA" -cp "$OURS_CP" io.stepwise.benchmarks.PausedRunFootprint 10000 | awk '{print $2}')"
log "Stepwise: snapshot size, 1,000 queued events"
R[ours.snapshotBytes]="$("$JAVA" -cp "$OURS_CP" io.stepwise.benchmarks.SnapshotSizeBenchmark 1000 | awk '{print $2}')"
log "Stepwise: the workflow server under load (ServerLoad: run/s, write-to-SSE delay, memory per paused run)"
if [[ $QUICK == 1 ]]; then SERVER_LOAD=(-Dseconds=2 -Dclients=1,10 -DpausedRuns=200); else SERVER_LOAD=(-Dseconds=10); fi
"$JAVA" -Xmx2g "${SERVER_LOAD[@]}" -cp "$OURS_CP" io.stepwise.benchmarks.server.ServerLoad \
  > "$OUT/server-load.txt" 2> "$OUT/server-load.log"
while read -r metric value; do R["server.$metric"]="$value"; done < "$OUT/server-load.txt"
log "Stepwise: S5 cold start"
cold_start ours "$OURS_CP" io.stepwise.benchmarks.ColdStartMain

log "LangGraph4j: S1 S2 S3 S4 (JMH)"
jmh lg "$LG_CP" 'io\.stepwise\.peers\.langgraph4j\.(Chain|ConcurrentRuns|HitlCycle)Benchmark|FanOutBenchmark\.s2FanOut' "${JMH_AVG[@]}"
jmh lg "$LG_CP" 'FanOutBenchmark\.s2BuildGraph' "${JMH_SHOTS[@]}"
for csv in "$OUT"/lg-*.csv; do read_jmh_csv lg "$csv"; done
log "LangGraph4j: heap per paused run"
R[lg.footprint]="$("$JAVA" -cp "$LG_CP" io.stepwise.peers.langgraph4j.PausedRunFootprint 10000 2>/dev/null | awk '/footprint/ {print $2}')"
log "LangGraph4j: S5 cold start"
cold_start lg "$LG_CP" io.stepwise.peers.langgraph4j.ColdStartMain

if [[ $HAVE_NODE == 1 ]]; then
  TS_DIR="$ROOT/benchmarks/peers/llamaindex-ts"
  log "workflow-core: S1 S2 S3 S4"
  while read -r _ shape value _; do R["ts.$shape"]="$value"; done \
    < <(cd "$TS_DIR" && node bench.mjs "${NODE_ARGS[@]}" | grep '^RESULT')
  log "workflow-core: heap per paused run"
  R[ts.footprint]="$(cd "$TS_DIR" && node --expose-gc footprint.mjs 10000 | awk '/^RESULT/ {print $3}')"
  log "workflow-core: S5 cold start"
  R[ts.s5]="$("$JAVA" -cp "$OURS_CP" io.stepwise.benchmarks.ColdStartLauncher "$COLD_FORKS" \
    node "$TS_DIR/coldstart.mjs" | awk '{print $2}')"
fi

# ---- the table ----
NA_TS="no Node"; [[ $HAVE_NODE == 1 ]] && NA_TS="—"
cell() {
  local v="${R[$1]:-}"
  if [[ -n "$v" ]]; then
    awk -v v="$v" 'BEGIN { if (v >= 100) printf "%.0f", v; else if (v >= 10) printf "%.1f", v; else printf "%.2f", v }'
  else
    printf '%s' "${2:-—}"
  fi
}
ratio() {
  local peer="${R[$1]:-}" ours="${R[$2]:-}"
  if [[ -n "$peer" && -n "$ours" ]]; then awk -v p="$peer" -v o="$ours" 'BEGIN { if (o > 0) printf "%.1f×", p / o; else printf "—" }'; else printf '—'; fi
}
row() { # label unit ours-key lg-key ts-key budget [note-for-missing-ts]
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$(cell "$3")" \
    "$(cell "$4")" "$(ratio "$4" "$3")" "$(cell "$5" "${7:-$NA_TS}")" "$(ratio "$5" "$3")" "$6"
}

MODEL="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)"
MEM="$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo unknown)"
NODE_VERSION="$( [[ $HAVE_NODE == 1 ]] && node --version || echo 'not installed')"
{
  echo "# Benchmark results (generated)"
  echo
  echo "Written by \`benchmarks/run.sh$( [[ $QUICK == 1 ]] && echo ' --quick')\`; do not edit by hand. Method: [benchmarks.md](benchmarks.md)."
  echo
  if [[ $QUICK == 1 ]]; then
    echo "> **Quick mode: short iterations on whatever else the machine was doing. These numbers only"
    echo "> prove that every benchmark runs end to end; they are noise, not results.**"
    echo
  fi
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs, $MODEL, $MEM RAM, load average at the end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
  echo "- JDK: $("$JAVA" -version 2>&1 | head -n 1) ($JAVA_HOME)"
  echo "- Node: $NODE_VERSION; LangGraph4j $(sed -n 's:.*<langgraph4j.version>\(.*\)</langgraph4j.version>.*:\1:p' benchmarks/peers/langgraph4j/pom.xml); @llamaindex/workflow-core $(sed -n 's/.*"@llamaindex\/workflow-core": "\(.*\)".*/\1/p' benchmarks/peers/llamaindex-ts/package.json)"
  echo
  echo "| shape | unit | Stepwise | LangGraph4j | LangGraph4j / Stepwise | workflow-core | workflow-core / Stepwise | budget |"
  echo "|---|---|---|---|---|---|---|---|"
  row "S1 chain, 10 steps" "µs per step" ours.s1Chain lg.s1Chain ts.s1Chain "≤ 1.5"
  row "S1 allocation" "bytes per step" ours.s1Chain:alloc lg.s1Chain:alloc - "—" "n/a (JS)"
  row "S2 fan-out, 10,000 events" "ms per run" ours.s2FanOut lg.s2FanOut ts.s2FanOut "≤ 20"
  row "S2 building the graph" "ms" - lg.s2BuildGraph - "—" "none needed"
  row "S3 1,000 concurrent runs, 10 ms block" "ms wall" ours.s3Concurrent lg.s3Concurrent ts.s3Concurrent "≤ 15"
  row "S4 human-in-the-loop snapshot cycle" "µs per cycle" ours.s4Hitl lg.s4Hitl ts.s4Hitl "≤ 6"
  row "S4 allocation" "bytes per cycle" ours.s4Hitl:alloc lg.s4Hitl:alloc - "—" "n/a (JS)"
  row "S5 cold start, fresh process" "ms (median)" ours.s5 lg.s5 ts.s5 "—"
  row "S5 cold start, AOT cache (JDK 25) / AppCDS" "ms (median)" ours.s5cache lg.s5cache - "≤ 80" "n/a"
  row "Heap per idle paused run" "bytes" ours.footprint lg.footprint ts.footprint "≤ 2,048"
  row "Snapshot JSON, 1,000 queued events" "bytes" ours.snapshotBytes - - "—" "not measured"
  row "… snapshot and write its JSON" "µs" ours.snapshotToJson - - "—" "not measured"
  row "… decode that JSON" "µs" ours.snapshotFromJson - - "—" "not measured"
  row "Compile a generated 200-step workflow" "ms, javac + processor" "ours.compileGeneratedWorkflow:stepwise" - - "—" "n/a"
  row "… the same without the processor" "ms, javac only" "ours.compileGeneratedWorkflow:none" - - "—" "n/a"
  echo
  echo "A dash is a shape not measured for that contender; see [benchmarks.md](benchmarks.md) for what each"
  echo "row measures and what a peer cannot express."
  echo
  echo "The workflow server (\`ServerLoad\`, database: ${R[server.database]:-?}; clients and server share the machine):"
  echo
  echo "| clients | runs/s through POST /run | p50 / p99 ms per run | write-to-SSE delay p50 / p99 ms |"
  echo "|---|---|---|---|"
  for c in $(sed -n 's/^run\.c\([0-9]*\)\.runsPerSecond.*/\1/p' "$OUT/server-load.txt"); do
    echo "| $c | ${R[server.run.c$c.runsPerSecond]:--} | ${R[server.run.c$c.p50ms]:--} / ${R[server.run.c$c.p99ms]:--} | ${R[server.sse.c$c.p50ms]:--} / ${R[server.sse.c$c.p99ms]:--} |"
  done
  echo
  echo "Heap per idle paused run held by the server: ${R[server.memory.bytesPerRunBeforeRelease]:--} bytes in memory,"
  echo "${R[server.memory.bytesPerRunAfterRelease]:--} bytes after the idle release (${R[server.memory.pausedRuns]:--} runs)."
} > "$OUT/table.md"

cp "$OUT/table.md" docs/benchmarks-results.md
cat docs/benchmarks-results.md
