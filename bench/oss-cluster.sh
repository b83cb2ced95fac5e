#!/usr/bin/env bash
# OSS Cluster API benchmark (issue 7). Cluster-aware clients (redis-benchmark --cluster) against:
#   redis-cluster  3 redis-servers in Redis Cluster mode (no replicas), 127.0.93.1-3:7000 — the real thing;
#   spinel-oss     a local 3-node spinel cluster (127.0.94.1-3), database 'oss': 3 shards, sparse, all-master-shards,
#                  oss_cluster, no replication, port 12000 — clients go straight to the proxy of each key's master;
# and, without the cluster protocol, through one endpoint:
#   spinel-endpoint the same cluster, database 'plain': 3 shards, proxy_policy single, port 12001 (one proxy, which
#                  forwards 2/3 of the keys to shards on other nodes);
#   direct         one plain redis-server (127.0.93.4:7000): the ceiling of one shard process.
# haproxy and twemproxy cannot speak the cluster protocol; bench/proxy.sh compares the endpoint with them.
# Workloads: c50 (-t set,get -c 50) and c50_p16 (the same, -P 16), N requests each. Rounds are interleaved (every
# target once per workload per round) so a slow minute hits all; the table gives medians over rounds and ratios as
# the median of per-round ratios. Nothing is pinned: each target spreads over 3 processes, like the real thing.
#
# Usage: bench/oss-cluster.sh        environment:
#   ROUNDS=3 N=100000                rounds and requests per redis-benchmark run
#   SPINEL_NODE_DLL=...              run this spinel-node.dll instead of building src/Spinel.Node (Release)
#   KEEP_LOGS=1                      keep node logs in /tmp/spinel-oss-logs.<time>
set -Eeuo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
N="${N:-100000}"
KEEP_LOGS="${KEEP_LOGS:-0}"
SUBNET=127.0.94
DB_PORT=12000
PLAIN_PORT=12001
RC_SUBNET=127.0.93
RC_PORT=7000
read -r -a node_args <<<"${NODE_ARGS---ControlPlane:LowerElectionTimeout 00:00:00.400 --ControlPlane:UpperElectionTimeout 00:00:00.800}"
client_node=1
[ "$#" -eq 0 ] || { sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
for tool in curl python3 dotnet redis-server redis-cli redis-benchmark; do
    command -v "$tool" >/dev/null || { echo "oss-cluster.sh: $tool is required (apt-get install -y redis-server redis-tools)" >&2; exit 1; }
done

work="$(mktemp -d /tmp/spinel-oss.XXXXXX)"
user="admin@bench.local"
pass="bench-$(date +%s)"
declare -A node_pid=()
build_pid=""
rc_pids=()

BENCH="$(basename "$0")"
# shellcheck source=lib/local-cluster.sh
source "$root/bench/lib/local-cluster.sh"

cleanup() {
    local rc=$? pid
    trap - EXIT INT TERM HUP
    stop_all
    for pid in "${rc_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    if [ "$rc" -ne 0 ] || [ "$KEEP_LOGS" = 1 ]; then
        local dest="/tmp/spinel-oss-logs.$(date +%Y%m%d-%H%M%S)"
        mkdir -p "$dest" && cp "$work"/*.log "$dest"/ 2>/dev/null || true
        echo "logs kept in $dest" >&2
    fi
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

start_redis() { # address dir [extra redis args...]
    local addr="$1" dir="$2"; shift 2
    mkdir -p "$dir"
    redis-server --bind "$addr" --port "$RC_PORT" --dir "$dir" --save "" --appendonly no --daemonize no \
        --logfile "$dir/redis.log" "$@" &
    rc_pids+=($!)
    for _ in $(seq 1 100); do [ "$(redis-cli -h "$addr" -p "$RC_PORT" PING 2>/dev/null)" = PONG ] && return 0; sleep 0.1; done
    echo "$BENCH: redis-server on $addr:$RC_PORT did not start" >&2; exit 1
}



say "redis-cluster: 3 redis-servers in cluster mode on $RC_SUBNET.1-3:$RC_PORT; direct: $RC_SUBNET.4:$RC_PORT"
for i in 1 2 3; do
    start_redis "$RC_SUBNET.$i" "$work/rc$i" --cluster-enabled yes --cluster-config-file "$work/rc$i/nodes.conf" --cluster-announce-ip "$RC_SUBNET.$i"
done
start_redis "$RC_SUBNET.4" "$work/direct"
redis-cli --cluster create "$RC_SUBNET.1:$RC_PORT" "$RC_SUBNET.2:$RC_PORT" "$RC_SUBNET.3:$RC_PORT" --cluster-yes >"$work/rc-create.log" 2>&1 ||
    { cat "$work/rc-create.log" >&2; exit 1; }
for _ in $(seq 1 100); do
    redis-cli -h "$RC_SUBNET.1" -p "$RC_PORT" CLUSTER INFO | grep -q "cluster_state:ok" && break
    sleep 0.1
done

build_node
say "spinel: 3 nodes on $SUBNET.1-3"
start_cluster bench.local
create_db() { # name port policy oss
    create_bdb "$1" "{\"name\":\"$1\",\"memory_size\":1073741824,\"shards_count\":3,\"sharding\":true,\"shards_placement\":\"sparse\",\"proxy_policy\":\"$3\",\"oss_cluster\":$4,\"port\":$2}"
}
create_db oss "$DB_PORT" all-master-shards true
create_db plain "$PLAIN_PORT" single false
oss_host="$(serving_node "$DB_PORT")"
plain_host="$(serving_node "$PLAIN_PORT")"

targets=(direct redis-cluster spinel-oss spinel-endpoint)
workloads=(c50 c50_p16)
declare -A result=()
run_one() { # target workload -> prints "set get" requests/s
    local target="$1" workload="$2" args=(-t set,get -c 50 -n "$N" --csv -r 100000)
    [ "$workload" = c50_p16 ] && args+=(-P 16)
    case "$target" in
        direct) args+=(-h "$RC_SUBNET.4" -p "$RC_PORT") ;;
        redis-cluster) args+=(-h "$RC_SUBNET.1" -p "$RC_PORT" --cluster) ;;
        spinel-oss) args+=(-h "$oss_host" -p "$DB_PORT" --cluster) ;;
        spinel-endpoint) args+=(-h "$plain_host" -p "$PLAIN_PORT") ;;
    esac
    redis-benchmark "${args[@]}" 2>/dev/null | python3 -c '
import csv, sys
rates = {row[0]: row[1] for row in csv.reader(sys.stdin) if len(row) > 1 and row[0] in ("SET", "GET")}
print(rates.get("SET", "0"), rates.get("GET", "0"))'
}

say "load average at start: $(cut -d" " -f1-3 /proc/loadavg)"
for target in "${targets[@]}"; do run_one "$target" c50 >/dev/null; done   # warm-up
for round in $(seq 1 "$ROUNDS"); do
    for workload in "${workloads[@]}"; do
        line="round $round $workload:"
        for target in "${targets[@]}"; do
            read -r set get < <(run_one "$target" "$workload")
            result["$round,$workload.set,$target"]="$set"
            result["$round,$workload.get,$target"]="$get"
            line+=" $target=$set/$get"
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
targets = ["direct", "redis-cluster", "spinel-oss", "spinel-endpoint"]
pairs = [("spinel-oss", "redis-cluster"), ("spinel-oss", "direct"), ("spinel-endpoint", "redis-cluster"), ("spinel-oss", "spinel-endpoint")]
print("%-12s" % "workload" + "".join("%16s" % t for t in targets) + " |" + "".join("%28s" % ("%s/%s" % p) for p in pairs))
for work in sorted(rows):
    r = rows[work]
    medians = ["%16.0f" % statistics.median(r[t].values()) for t in targets]
    ratios = []
    for a, b in pairs:
        per_round = [r[a][k] / r[b][k] for k in r[a] if r[b].get(k)]
        ratios.append("%28.2f" % statistics.median(per_round))
    print("%-12s" % work + "".join(medians) + " |" + "".join(ratios))
print("requests/s are medians over rounds (never quote them); ratios are medians of per-round ratios.")'
