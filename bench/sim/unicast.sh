#!/usr/bin/env bash
# Unicast benchmark (issue 5 section 6: "unicast over 10 hops at 10% loss: at least 99% delivered with
# retries"). Usage: bench/sim/unicast.sh [MESSAGES] [SEEDS] [HOPS] [--collisions]: 1,000 nodes, mean
# degree ~15, 10% loss.
set -euo pipefail
cd "$(dirname "$0")/../.."
messages=${1:-1000}
seeds=${2:-5}
hops=${3:-10}
extra=${4:-}
for s in $(seq 1 "$seeds"); do
  ./mtc sim-unicast --nodes 1000 --area 1000 --range 71 --loss 0.1 --hops "$hops" --pairs 20 \
    --messages "$messages" --seed "$s" --json $extra
done
