#!/usr/bin/env bash
# TLS benchmark (issue 9). What TLS on a database endpoint costs, in one run, next to what it costs redis-server:
# a local 3-node spinel cluster (127.0.97.1-3) with two one-shard databases bound on every node, clients on node 1:
#   spinel      tls_mode disabled   port 12000
#   spinel-tls  tls_mode enabled    port 12001 (the node's cluster-issued certificate, verified with cluster-ca.pem)
# and two plain redis-servers: direct (127.0.98.1:7000) and direct-tls (127.0.98.2:7000 with tls-port, a
# self-signed certificate made here with openssl). Workloads: c50 (SET -c 50) and c50_p16 (the same, -P 16), N
# requests each, random keys, rounds interleaved; medians over rounds, ratios as medians of per-round ratios.
#
# Usage: bench/tls.sh                 environment:
#   ROUNDS=3 N=100000                rounds and requests per run
#   SPINEL_NODE_DLL=...              run this spinel-node.dll instead of building src/Spinel.Node (Release)
#   KEEP_LOGS=1                      keep node logs in /tmp/spinel-tls-logs.<time>
set -Eeuo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
N="${N:-100000}"
KEEP_LOGS="${KEEP_LOGS:-0}"
SUBNET=127.0.97
DB_PORT=12000
DIRECT_SUBNET=127.0.98
read -r -a node_args <<<"${NODE_ARGS---ControlPlane:LowerElectionTimeout 00:00:00.400 --ControlPlane:UpperElectionTimeout 00:00:00.800}"
client_node=1
[ "$#" -eq 0 ] || { sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
for tool in curl python3 dotnet openssl redis-server redis-cli redis-benchmark; do
    command -v "$tool" >/dev/null || { echo "tls.sh: $tool is required (apt-get install -y redis-server redis-tools openssl)" >&2; exit 1; }
done

work="$(mktemp -d /tmp/spinel-tls.XXXXXX)"
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
        local dest="/tmp/spinel-tls-logs.$(date +%Y%m%d-%H%M%S)"
        mkdir -p "$dest" && cp "$work"/*.log "$dest"/ 2>/dev/null || true
        echo "logs kept in $dest" >&2
    fi
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

direct_cert="$work/direct-tls.crt"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj "/CN=$DIRECT_SUBNET.2" \
    -addext "subjectAltName=IP:$DIRECT_SUBNET.2" -keyout "$work/direct-tls.key" -out "$direct_cert" 2>"$work/openssl.log"

start_direct() { # address [extra redis args...]
    local addr="$1"; shift
    mkdir -p "$work/$addr"
    redis-server --bind "$addr" --dir "$work/$addr" --save "" --appendonly no --daemonize no --logfile "$work/$addr.log" "$@" &
    direct_pids+=($!)
}
start_direct "$DIRECT_SUBNET.1" --port 7000
start_direct "$DIRECT_SUBNET.2" --port 0 --tls-port 7000 --tls-cert-file "$direct_cert" --tls-key-file "$work/direct-tls.key" \
    --tls-ca-cert-file "$direct_cert" --tls-auth-clients no
build_node
say "spinel: 3 nodes on $SUBNET.1-3"
start_cluster bench.local
create_bdb spinel '{"name":"spinel","memory_size":1073741824,"port":12000,"proxy_policy":"all-nodes"}'
create_bdb spinel-tls '{"name":"spinel-tls","memory_size":1073741824,"port":12001,"proxy_policy":"all-nodes","tls_mode":"enabled"}'
spinel_ca="$work/node1/cluster-ca.pem"
declare -A target_args=(
    [direct]="-h $DIRECT_SUBNET.1 -p 7000"
    [direct-tls]="-h $DIRECT_SUBNET.2 -p 7000 --tls --cacert $direct_cert"
    [spinel]="-h $SUBNET.1 -p 12000"
    [spinel-tls]="-h $SUBNET.1 -p 12001 --tls --cacert $spinel_ca"
)
for target in "${!target_args[@]}"; do
    # shellcheck disable=SC2086
    for _ in $(seq 1 100); do [ "$(redis-cli ${target_args[$target]} PING 2>/dev/null)" = PONG ] && break; sleep 0.1; done
    # shellcheck disable=SC2086
    [ "$(redis-cli ${target_args[$target]} PING 2>/dev/null)" = PONG ] || { echo "$BENCH: $target does not answer PING" >&2; exit 1; }
done

targets=(direct direct-tls spinel spinel-tls)
workloads=(c50 c50_p16)
declare -A result=()
run_one() { # target workload -> SET requests/s
    local args
    read -r -a args <<<"${target_args[$1]}"
    args+=(-t set -c 50 -n "$N" --csv -r 1000000)
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
targets = ["direct", "direct-tls", "spinel", "spinel-tls"]
pairs = [("spinel-tls", "spinel"), ("direct-tls", "direct"), ("spinel", "direct"), ("spinel-tls", "direct-tls")]
print("%-9s" % "SET" + "".join("%12s" % t for t in targets) + " |" + "".join("%24s" % ("%s/%s" % p) for p in pairs))
for work in sorted(rows):
    r = rows[work]
    medians = ["%12.0f" % statistics.median(r[t].values()) for t in targets]
    ratios = []
    for a, b in pairs:
        per_round = [r[a][k] / r[b][k] for k in r[a] if r[b].get(k)]
        ratios.append("%24.2f" % statistics.median(per_round))
    print("%-9s" % work + "".join(medians) + " |" + "".join(ratios))
print("requests/s are medians over rounds (never quote them); ratios are medians of per-round ratios.")'
