#!/usr/bin/env bash
# Runs a real Jazzer campaign on every fuzz target (or the ones named), SECONDS each, one after another.
#   fuzz/run.sh SECONDS [TARGET...]      e.g. fuzz/run.sh 600   or   fuzz/run.sh 60 FrameFuzzTest
# The corpus grows in fuzz/corpus/TARGET (seeded from the committed regression inputs); a crashing input
# is written to fuzz/findings/ and should be copied into the target's Inputs folder once fixed, so the
# normal test run replays it. A summary line per target goes to fuzz/findings/summary.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_TARGET="${1:?usage: fuzz/run.sh SECONDS [TARGET...]}"
shift
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(FrameFuzzTest VarintFuzzTest TlvFuzzTest ReassemblerFuzzTest SerialStreamFuzzTest TrinaryFuzzTest
    Ed25519VerifyFuzzTest NoiseHandshakeFuzzTest AnnounceFuzzTest RouterReceiveFuzzTest JournalRecoveryFuzzTest WitnessCodecFuzzTest SyncMessageFuzzTest AckFuzzTest NodeInfoFuzzTest RangeReconcilerFuzzTest BalanceProofFuzzTest ChannelMachineFuzzTest
    ChannelMessageFuzzTest SealedEnvelopeFuzzTest CommittedStateFuzzTest DurableChannelFuzzTest)
fi
cd "$ROOT"
./mvnw -q -B -pl fuzz -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$ROOT/fuzz/target/test-classpath.txt" >&2
# Snapshot the classes so that rebuilding the project during a long campaign does not disturb it.
SNAP="$(mktemp -d)"
cp -r "$ROOT/fuzz/target/test-classes" "$SNAP/test-classes"
cp -r "$ROOT/mtc-wire/target/classes" "$SNAP/wire-classes"
cp -r "$ROOT/mtc-crypto/target/classes" "$SNAP/crypto-classes"
cp -r "$ROOT/mtc-routing/target/classes" "$SNAP/routing-classes"
cp -r "$ROOT/mtc-channels/target/classes" "$SNAP/channels-classes"
CP="$SNAP/test-classes:$SNAP/wire-classes:$SNAP/crypto-classes:$SNAP/routing-classes:$SNAP/channels-classes:$(cat "$ROOT/fuzz/target/test-classpath.txt")"
mkdir -p fuzz/findings
for t in "${TARGETS[@]}"; do
  corpus="fuzz/corpus/$t"
  seeds="fuzz/src/test/resources/network/mtc/fuzz/${t}Inputs/fuzz"
  mkdir -p "$corpus"
  log="fuzz/findings/$t.log"
  echo "== $t: ${SECONDS_PER_TARGET}s" >&2
  set +e
  java -Xmx2g -cp "$CP" com.code_intelligence.jazzer.Jazzer \
    --target_class="network.mtc.fuzz.$t" \
    --instrumentation_includes='network.mtc.**' \
    --reproducer_path=fuzz/findings \
    -artifact_prefix=fuzz/findings/"$t"- \
    -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2560 -timeout=10 -print_final_stats=1 \
    "$corpus" "$seeds" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 || true)
  echo "$(date -u +%FT%TZ) $t seconds=$SECONDS_PER_TARGET executions=$execs $cov exit=$rc" | tee -a fuzz/findings/summary.txt
  if [ $rc -ne 0 ]; then
    echo "finding in $t: see $log" >&2
  fi
done
