#!/usr/bin/env bash
# Persistence benchmark (issue 8). Write throughput through the proxy under each persistence policy, relative to no
# persistence, in one run. A local 3-node spinel cluster (127.0.95.1-3) with four one-shard databases without
# replication (so the master itself writes the files and every SET pays for them):
#   none      data_persistence disabled                           port 12000
#   snapshot  snapshot, snapshot_policy [{secs: 60, writes: 1000}] port 12001
#   everysec  aof, appendfsync-every-sec                          port 12002
#   always    aof, appendfsync-always                             port 12003
# and two plain redis-servers for scale: direct-none (no files) and direct-always (appendonly yes, appendfsync always),
# 127.0.96.1:7000 and 127.0.96.2:7000, data in the same scratch directory (same disk).
# Workloads: c50 (SET -c 50) and c50_p16 (the same, -P 16), N requests each, random keys; rounds interleaved; the
# table gives medians over rounds and ratios as medians of per-round ratios.
#
# Usage: bench/durability.sh         environment:
#   ROUNDS=3 N=100000                rounds and requests per run
#   SPINEL_NODE_DLL=...              run this spinel-node.dll instead of building src/Spinel.Node (Release)
#   KEEP_LOGS=1                      keep node logs in /tmp/spinel-durability-logs.<time>
set -Eeuo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
N="${N:-100000}"
KEEP_LOGS="${KEEP_LOGS:-0}"
SUBNET=127.0.95
DB_PORT=12000
DIRECT_SUBNET=127.0.96
read -r -a node_args <<<"${NODE_ARGS---ControlPlane:LowerElectionTimeout 00:00:00.400 --ControlPlane:UpperElectionTimeout 00:00:00.800}"
client_node=1
[ "$#" -eq 0 ] || { sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
for tool in curl python3 dotnet redis-server redis-cli redis-benchmark; do
    command -v "$tool" >/dev/null || { echo "durability.sh: $tool is required (apt-get install -y redis-server redis-tools)" >&2; exit 1; }
done

work="$(mktemp -d /tmp/spinel-durability.XXXXXX)"
user="admin@bench.local"
pass="bench-$(date +%s)"
declare -A node_pid=()
build_pid=""
direct_pids=()

BENCH="$(basename "$0")"
# shellcheck source=lib/local-cluster.sh
source "$root/bench/lib/local-cluster.sh"

cleanup() {
    local rc=$? pid
    trap - EXIT INT TERM HUP
    stop_all
    for pid in "${direct_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    if [ "$rc" -ne 0 ] || [ "$KEEP_LOGS" = 1 ]; then
        local dest="/tmp/spinel-durability-logs.$(date +%Y%m%d-%H%M%S)"
        mkdir -p "$dest" && cp "$work"/*.log "$dest"/ 2>/dev/null || true
        echo "logs kept in $dest" >&2
    fi
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

start_direct() { # address dir [extra redis args...]
    local addr="$1" dir="$2"; shift 2
    mkdir -p "$dir"
    redis-server --bind "$addr" --port 7000 --dir "$dir" --save "" --daemonize no --logfile "$dir/redis.log" "$@" &
    direct_pids+=($!)
    for _ in $(seq 1 100); do [ "$(redis-cli -h "$addr" -p 7000 PING 2>/dev/null)" = PONG ] && return 0; sleep 0.1; done
    echo "$BENCH: redis-server on $addr:7000 did not start" >&2; exit 1
}



start_direct "$DIRECT_SUBNET.1" "$work/direct-none" --appendonly no
start_direct "$DIRECT_SUBNET.2" "$work/direct-always" --appendonly yes --appendfsync always
build_node
say "spinel: 3 nodes on $SUBNET.1-3"
start_cluster bench.local
create_db() { create_bdb "$1" "{\"name\":\"$1\",\"memory_size\":1073741824,\"port\":$2,$3}"; }
create_db none 12000 '"data_persistence":"disabled"'
create_db snapshot 12001 '"data_persistence":"snapshot","snapshot_policy":[{"secs":60,"writes":1000}]'
create_db everysec 12002 '"data_persistence":"aof","aof_policy":"appendfsync-every-sec"'
create_db always 12003 '"data_persistence":"aof","aof_policy":"appendfsync-always"'
declare -A target_host=() target_port=()
for t in none:12000 snapshot:12001 everysec:12002 always:12003; do
    target_host[${t%%:*}]="$(serving_node "${t#*:}")"; target_port[${t%%:*}]="${t#*:}"
done
target_host[direct-none]="$DIRECT_SUBNET.1"; target_port[direct-none]=7000
target_host[direct-always]="$DIRECT_SUBNET.2"; target_port[direct-always]=7000

targets=(direct-none direct-always none snapshot everysec always)
workloads=(c50 c50_p16)
declare -A result=()
run_one() { # target workload -> SET requests/s
    local args=(-t set -c 50 -n "$N" --csv -r 1000000 -h "${target_host[$1]}" -p "${target_port[$1]}")
    [ "$2" = c50_p16 ] && args+=(-P 16)
    redis-benchmark "${args[@]}" 2>/dev/null | python3 -c '
import csv, sys
print(next((row[1] for row in csv.reader(sys.stdin) if len(row) > 1 and row[0] == "SET"), "0"))'
}

say "load average at start: $(cut -d" " -f1-3 /proc/loadavg)"
for target in "${targets[@]}"; do run_one "$target" c50 >/dev/null; done   # warm-up
for round in $(seq 1 "$ROUNDS"); do
    for workload in "${workloads[@]}"; do
        line="round $round $workload:"
        for target in "${targets[@]}"; do
            rate="$(run_one "$target" "$workload")"
            result["$round,$workload,$target"]="$rate"
            line+=" $target=$rate"
        done
        say "$line"
    done
done
say "load average at end: $(cut -d" " -f1-3 /proc/loadavg)"

for key in "${!result[@]}"; do echo "$key ${result[$key]}"; done | python3 -c '
import sys, statistics
from collections import defaultdict
rows = defaultdict(dict)
for line in sys.stdin:
    key, value = line.split()
    rnd, work, target = key.split(",")
    rows[work].setdefault(target, {})[int(rnd)] = float(value)
targets = ["direct-none", "direct-always", "none", "snapshot", "everysec", "always"]
pairs = [("snapshot", "none"), ("everysec", "none"), ("always", "none"), ("direct-always", "direct-none"), ("none", "direct-none"), ("always", "direct-always")]
print("%-9s" % "SET" + "".join("%14s" % t for t in targets) + " |" + "".join("%27s" % ("%s/%s" % p) for p in pairs))
for work in sorted(rows):
    r = rows[work]
    medians = ["%14.0f" % statistics.median(r[t].values()) for t in targets]
    ratios = []
    for a, b in pairs:
        per_round = [r[a][k] / r[b][k] for k in r[a] if r[b].get(k)]
        ratios.append("%27.2f" % statistics.median(per_round))
    print("%-9s" % work + "".join(medians) + " |" + "".join(ratios))
print("requests/s are medians over rounds (never quote them); ratios are medians of per-round ratios.")'
