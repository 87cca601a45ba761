#!/usr/bin/env bash
# Switchyard's published benchmark: one command, a fresh release server per measurement
# (temp data dir, --auto-register, --api-token, synchronous=FULL), driven by `switchyard sim`,
# and the same load against examples/echo_server.rs (the same WebSocket stack, no storage)
# as the ceiling. Prints one table.
#
#   bench/run.sh            # full: idle 1k/5k/19k, steady 2.5k..20k MeterValues/s, 10k boot storm
#   bench/run.sh --quick    # smoke run with small numbers (~2 min)
#
# (a) idle: server RSS growth per connected, booted station (VmRSS before, and after the
#     server has settled: its configuration reads after each boot done, RSS growing under 1%
#     in 5 s, at most 60 s), server CPU% over the next 10 s of idling (utime+stime from /proc/PID/stat), RSS extrapolated to 100k stations
#     from the largest idle run (baseline + 100,000 × per-station).
# (b) steady: the `charge` scenario, R/10 stations × 2 connectors each sending MeterValues
#     every 200 ms (offered load R per second), R stepped up by 2,500 until the server's p99
#     reaches 50 ms or the sim sees errors; every MeterValues is acknowledged only after its
#     commit (durable). Reported: achieved MeterValues/s (count / run time, ramp included, so
#     slightly low) and the MeterValues round-trip p99 from the sim's report. The highest step
#     whose p99 < 50 ms is the headline figure.
# (c) boot storm: N stations connect and boot at once; seconds from the sim's start until the
#     API lists all N connected and Accepted (polled every 0.25 s).
# (d) ceiling: (a) at 5k and (b) against the echo server.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
[[ "${1:-}" == "--quick" ]] && quick=1
if ((quick)); then
    idle_sizes=(200 1000); ceiling_idle=1000; storm=1000
    steady_rates=(1000 2000); steady_s=8; idle_window=5; settle_max=15
else
    idle_sizes=(1000 5000 19000); ceiling_idle=5000; storm=10000
    steady_rates=(2500 5000 7500 10000 12500 15000 17500 20000); steady_s=20; idle_window=10
    settle_max=60
fi

ulimit -n "$(ulimit -Hn)"
cargo build --release --quiet --bin switchyard --example echo_server
bin=target/release/switchyard
echo_bin=target/release/examples/echo_server
token=bench
hz=$(getconf CLK_TCK)

pids=()
dirs=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    for dir in "${dirs[@]}"; do rm -rf "$dir"; done
}
trap cleanup EXIT INT TERM

server_pid=
port=
# start_target switchyard|echo: a fresh server on a free port; sets server_pid and port.
start_target() {
    port=$((20000 + RANDOM % 12000))
    if [[ $1 == echo ]]; then
        "$echo_bin" "127.0.0.1:$port" >/dev/null &
    else
        local data
        data=$(mktemp -d)
        dirs+=("$data")
        RUST_LOG=warn "$bin" serve --listen "127.0.0.1:$port" --data-dir "$data" \
            --auto-register --api-token "$token" --synchronous full >/dev/null &
    fi
    server_pid=$!
    pids+=("$server_pid")
    local up=0
    for _ in $(seq 100); do
        curl -fs "http://127.0.0.1:$port/health" >/dev/null && up=1 && break
        sleep 0.1
    done
    ((up)) || { echo "server did not start" >&2; exit 1; }
    if [[ $1 != echo ]]; then
        # The sim's tag, or every Authorize is refused.
        curl -fs -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d '{"status": "Accepted"}' "http://127.0.0.1:$port/api/v1/id-tags/SIM-TAG" >/dev/null
    fi
}
stop_target() {
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
}
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
sim() { "$bin" sim --url "ws://127.0.0.1:$port/ocpp" --report json "$@" 2>>"$out/sim.log"; }
json() { jq -r "$1" "$2"; }

out=$(mktemp -d)
dirs+=("$out")

# idle TARGET N: sets per (bytes per station), cpu (%), base (KiB before)
idle() {
    local target=$1 n=$2 ramp=$((n / 1000 + 3))
    start_target "$target"
    local before
    before=$(rss_kib "$server_pid")
    # The sim runs until the server has settled (at most settle_max s) and idled idle_window s.
    sim --stations "$n" --scenario idle --ramp "${ramp}s" \
        --duration "$((ramp + 3 + settle_max + idle_window + 2))s" >"$out/idle.json" &
    local sim_pid=$!
    pids+=("$sim_pid")
    sleep $((ramp + 3))
    # Booted is not settled: the server reads every station's configuration after its boot.
    # Measure once RSS has grown by under 1% in 5 s.
    local after prev waited=0 t0 t1
    after=$(rss_kib "$server_pid")
    while ((waited < settle_max)); do
        prev=$after
        sleep 5
        waited=$((waited + 5))
        after=$(rss_kib "$server_pid")
        ((after - prev < prev / 100)) && break
    done
    sleep $((settle_max - waited)) &
    local rest=$!
    t0=$(cpu_ticks "$server_pid")
    sleep "$idle_window"
    t1=$(cpu_ticks "$server_pid")
    # The sim's duration counted on the longest settling; it still has that long to go.
    wait "$rest"
    wait "$sim_pid" || echo "  (idle $target $n: the sim reported errors)" >&2
    local connected
    connected=$(json .connected "$out/idle.json")
    [[ $connected == "$n" ]] || echo "  (idle $target $n: only $connected connected)" >&2
    stop_target
    per=$(((after - before) * 1024 / n))
    cpu=$(awk "BEGIN { printf \"%.2f\", ($t1 - $t0) * 100 / $hz / $idle_window }")
    base=$before
}

# steady TARGET RATE: RATE/10 stations x 2 connectors, MeterValues every 200 ms each. Sets rate
# (achieved MeterValues/s), p99 (ms) and errors (empty, or what the sim counted).
steady() {
    local target=$1 offered=$2
    start_target "$target"
    errors=
    sim --stations "$((offered / 10))" --scenario charge --connectors 2 --meter-interval 200ms \
        --session 600s --ramp 2s --duration "${steady_s}s" >"$out/steady.json" \
        || errors=$(jq -c '{errors, protocol_errors}' "$out/steady.json" 2>/dev/null || echo "sim failed")
    stop_target
    rate=$(jq '.actions.MeterValues.count / .elapsed_s | floor' "$out/steady.json")
    p99=$(jq '.actions.MeterValues.p99_ms' "$out/steady.json")
    if [[ -n $errors ]]; then
        echo "  (steady $target $offered/s: the sim reported errors: $errors)" >&2
    fi
}

# storm N: sets seconds: until the API lists N connected, Accepted stations
storm() {
    local n=$1
    start_target switchyard
    local start
    start=$(date +%s.%N)
    sim --stations "$n" --scenario boot-storm --duration 60s >"$out/storm.json" &
    local sim_pid=$!
    pids+=("$sim_pid")
    seconds=timeout
    while kill -0 "$sim_pid" 2>/dev/null; do
        local accepted
        accepted=$(curl -fs -H "Authorization: Bearer $token" \
            "http://127.0.0.1:$port/api/v1/stations" |
            jq '[.[] | select(.connected and .boot_status == "Accepted")] | length' || echo 0)
        if [[ $accepted == "$n" ]]; then
            seconds=$(echo "scale=1; ($(date +%s.%N) - $start) / 1" | bc)
            break
        fi
        sleep 0.25
    done
    kill "$sim_pid" 2>/dev/null || true
    wait "$sim_pid" 2>/dev/null || true
    stop_target
}

ratio() {
    if [[ $1 =~ ^[0-9.]+$ && $2 =~ ^[0-9.]*[1-9][0-9.]*$ ]]; then
        echo "scale=2; $1 / $2" | bc
    else
        echo "-"
    fi
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), fd limit $(ulimit -n), mode: $( ((quick)) && echo quick || echo full)"
echo
row() { printf '%-46s %12s %12s %7s\n' "$@"; }
row "measurement" "switchyard" "echo ceiling" "ratio"

largest=0
for n in "${idle_sizes[@]}"; do
    idle switchyard "$n"
    kib=$per; scpu=$cpu; largest=$n; baseline=$base
    if [[ $n == "$ceiling_idle" ]]; then
        idle echo "$n"
        row "(a) idle $n: server RSS per station (B)" "$kib" "$per" "$(ratio "$kib" "$per")"
        row "(a) idle $n: server CPU while idle (%)" "$scpu" "$cpu" ""
    else
        row "(a) idle $n: server RSS per station (B)" "$kib" "" ""
        row "(a) idle $n: server CPU while idle (%)" "$scpu" "" ""
    fi
done
row "(a) RSS for 100k stations (MiB, from $largest)" \
    "$(((baseline * 1024 + kib * 100000) / 1048576))" "" ""

# Step the offered load up until the server misses p99 < 50 ms (or errs); the echo server
# takes the same steps, and the last one, so every figure has its ceiling.
best=none
ran=()
for offered in "${steady_rates[@]}"; do
    steady switchyard "$offered"
    ran+=("$offered $rate $p99 ${errors:+errors}")
    if [[ -n $errors ]] || (($(echo "$p99 >= 50" | bc))); then break; fi
    best=$rate
done
last=${steady_rates[-1]}
[[ ${ran[-1]%% *} == "$last" ]] || ran+=("$last - - ")
for entry in "${ran[@]}"; do
    read -r offered srate sp99 serr <<<"$entry"
    steady echo "$offered"
    row "(b) offered $offered/s: MeterValues/s" "$srate${serr:+ (errors)}" "$rate" "$(ratio "$srate" "$rate")"
    row "(b) offered $offered/s: MeterValues p99 (ms)" "$sp99" "$p99" "$(ratio "$sp99" "$p99")"
done
row "(b) highest durable MeterValues/s, p99<50ms" "$best" "" ""

storm "$storm"
row "(c) boot storm $storm: s until all Accepted" "$seconds" "" ""
