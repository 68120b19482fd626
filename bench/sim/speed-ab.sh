#!/usr/bin/env bash
# Simulator speed A/B: events_per_second and trace_hash of `mtc sim` at 1,000 nodes for FLOOD (20 messages),
# COUNTER and COVERAGE (100 messages), REPS runs each, alternating between two built trees so that load on
# a shared machine hits both alike. The trace hashes of the two trees must agree (speed changes only).
# Usage: bench/sim/speed-ab.sh BASE_TREE NEW_TREE [REPS]   (each tree built: ./mvnw -o -q -B package -DskipTests -pl mtc-cli -am)
set -euo pipefail
base="$1"; new="$2"; reps="${3:-3}"
for rep in $(seq 1 "$reps"); do
  for s in "flood 20" "counter 100" "mtc 100"; do
    set -- $s
    for d in "$base" "$new"; do
      out=$(java -Dmtc.home="$d" -cp "$d/mtc-cli/target/mtc-cli.jar:$d/mtc-cli/target/lib/*" network.mtc.cli.Main \
        sim --nodes 1000 --messages "$2" --strategy "$1" --json --quiet | tr ',' '\n' \
        | grep -E '"(events_per_second|trace_hash)"' | tr '\n' ' ')
      echo "$rep $1 $2 $d $out"
    done
  done
done
