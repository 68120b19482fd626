#!/usr/bin/env bash
# The issue-5 table: strategies x mean degrees x seeds, each a `./mtc sim --json` run of 1,000 nodes on a
# 1,000 m square at 10% loss; prints one Markdown row per (degree, strategy) with means over the seeds.
# Ranges 58 / 71 / 92 m give mean degrees of about 10 / 15 / 25. A strategy the build cannot run (for
# example mtc before the COVERAGE engine is wired in) is reported as "n/a".
# usage: bench/sim/table.sh [MESSAGES] [SEEDS]      (defaults 200 and 5: about 2 min per run on one core)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MESSAGES="${1:-200}"
SEEDS="${2:-5}"
OUT="$(mktemp -d)"
echo "| degree (range) | strategy | delivery | tx/message | ratio to flood | ratio to CDS | CDS | p50 ms | p99 ms | seeds |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for range in 58 71 92; do
  for strategy in flood managed counter mtc; do
    files=()
    for seed in $(seq 1 "$SEEDS"); do
      f="$OUT/$range-$strategy-$seed.json"
      if "$ROOT/mtc" sim --nodes 1000 --area 1000 --range "$range" --loss 0.1 --messages "$MESSAGES" \
          --seed "$seed" --strategy "$strategy" --json --quiet > "$f" 2>/dev/null; then
        files+=("$f")
      fi
    done
    if [ ${#files[@]} -eq 0 ]; then
      echo "| ($range m) | $strategy | n/a | | | | | | | 0 |"
      continue
    fi
    python3 - "$range" "$strategy" "${files[@]}" <<'PY'
import json, sys
rng, strategy, files = sys.argv[1], sys.argv[2], sys.argv[3:]
runs = [json.load(open(f)) for f in files]
mean = lambda k: sum(r[k] for r in runs) / len(runs)
print(f"| {mean('mean_degree'):.1f} ({rng} m) | {strategy} | {100*mean('delivery_ratio'):.2f}% | "
      f"{mean('transmissions_per_message'):.1f} | {mean('ratio_to_flood'):.3f} | {mean('ratio_to_cds'):.2f} | "
      f"{mean('cds_bound'):.1f} | {mean('latency_p50_ms'):.0f} | {mean('latency_p99_ms'):.0f} | {len(runs)} |")
PY
  done
done
rm -rf "$OUT"
