#!/usr/bin/env bash
# Instructions the server executes per durable MeterValues, counted by callgrind: unlike wall
# time on a shared machine, the count repeats, so two builds compare within a percent or two.
#
#   bench/callgrind.sh [SERVER_BIN]      # default: target/release/switchyard (built first)
#
# The server runs under valgrind with instrumentation off; 100 simulated stations × 2
# connectors send one MeterValues per second each (the `charge` scenario); after 6 s of warm-up
# instrumentation is switched on for the middle of the run, and the MeterValues received in that
# window are read from /metrics. Prints: MeterValues, instructions, instructions per MeterValues.
# Needs valgrind (callgrind_control, callgrind_annotate). Low load on purpose: valgrind runs the
# server ~50× slower, and a commit then holds few readings, so the per-message figure is higher
# than at full load; it is for A/B comparisons, not an absolute cost.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -ge 1 ]]; then
    bin=$1
else
    cargo build --release --quiet --bin switchyard
    bin=target/release/switchyard
fi
sim=target/release/switchyard
[[ -x $sim ]] || cargo build --release --quiet --bin switchyard
stations=${STATIONS:-100}
secs=${SECONDS_RUN:-24}
port=$((20000 + RANDOM % 12000))
data=$(mktemp -d)
out=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$data" "$out"' EXIT
RUST_LOG=warn valgrind --tool=callgrind --callgrind-out-file="$out/cg.%p" --instr-atstart=no \
    "$bin" serve --listen "127.0.0.1:$port" --data-dir "$data" --auto-register --api-token bench \
    --synchronous full >/dev/null 2>"$out/valgrind.log" &
server=$!
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
curl -fs -X PUT -H "Authorization: Bearer bench" -H 'Content-Type: application/json' \
    -d '{"status":"Accepted"}' "http://127.0.0.1:$port/api/v1/id-tags/SIM-TAG" >/dev/null
meter_values() {
    curl -fs -H "Authorization: Bearer bench" "http://127.0.0.1:$port/metrics" |
        awk '/^switchyard_messages_total/ && /MeterValues/ && /"in"/ {s += $2} END {print s + 0}'
}
"$sim" sim --url "ws://127.0.0.1:$port/ocpp" --stations "$stations" --connectors 2 \
    --scenario charge --meter-interval 1s --duration "${secs}s" --ramp 2s >/dev/null 2>&1 &
sim_pid=$!
sleep 6
callgrind_control -i on "$server" >/dev/null 2>&1
before=$(meter_values)
sleep $((secs - 10))
callgrind_control -i off "$server" >/dev/null 2>&1
after=$(meter_values)
callgrind_control -d "$server" >/dev/null 2>&1
wait "$sim_pid" || true
kill "$server"; wait "$server" 2>/dev/null || true
instructions=$(for f in "$out"/cg.*; do callgrind_annotate "$f" 2>/dev/null |
    awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}'; done | awk '{s += $1} END {print s + 0}')
count=$((after - before))
echo "MeterValues $count  instructions $instructions  per MeterValues $((instructions / (count > 0 ? count : 1)))"
