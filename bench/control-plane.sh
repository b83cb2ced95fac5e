#!/usr/bin/env bash
# Control-plane benchmark: on a fresh local 3-node cluster (127.0.90.1-3, apart from ./spinel up's), measures
#   1. the time from POST /v1/bdbs to the new endpoint answering PING, for 20 databases one after another (median, p90, max);
#   2. the time to create 100 databases (all POSTed at once, until every endpoint answers PING).
# Targets (issue 3): under 1 s per database, 100 databases in under a minute. Prints each figure as a ratio to its target.
# Usage: bench/control-plane.sh [--count N] [--bulk N]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count=20
bulk=100
while [ $# -gt 0 ]; do
    case "$1" in
        --count) count="$2"; shift 2 ;;
        --bulk) bulk="$2"; shift 2 ;;
        *) echo "usage: $0 [--count N] [--bulk N]" >&2; exit 2 ;;
    esac
done
for tool in curl redis-cli python3; do
    command -v "$tool" >/dev/null || { echo "control-plane.sh: $tool is required" >&2; exit 1; }
done

work="$(mktemp -d /tmp/spinel-cp-bench.XXXXXX)"
node_dll="${SPINEL_NODE_DLL:-$root/src/Spinel.Node/bin/Release/net10.0/spinel-node.dll}"
user="admin@bench.local"
pass="bench-$(date +%s)"
pids=()

cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${SPINEL_NODE_DLL:-}" ]; then
    echo "building spinel-node (Release)..." >&2
    dotnet build "$root/src/Spinel.Node/Spinel.Node.csproj" -c Release -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
fi

api() { # method node path [body]
    local method="$1" node="$2" path="$3" body="${4:-}"
    curl -sS -k -u "$user:$pass" -X "$method" -H 'Content-Type: application/json' ${body:+-d "$body"} "https://127.0.90.$node:9443$path"
}
now_ms() { date +%s%3N; }
ping_ok() { [ "$(redis-cli -h "$1" -p "$2" PING 2>/dev/null)" = "PONG" ]; }

for i in 1 2 3; do
    setsid dotnet "$node_dll" --Node:Address "127.0.90.$i" --Node:DataDir "$work/node$i" \
        --Logging:LogLevel:Default Warning >"$work/node$i.log" 2>&1 &
    pids+=("$!")
done
for i in 1 2 3; do
    for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.90.$i/9443") 2>/dev/null && break; sleep 0.1; done
done

wait_bootstrap() {
    for _ in $(seq 1 600); do
        state="$(api GET "$1" /v1/bootstrap | python3 -c 'import json,sys; print(json.load(sys.stdin)["bootstrap_status"]["state"])' 2>/dev/null || true)"
        [ "$state" = "completed" ] && return 0
        [ "$state" = "error" ] && { api GET "$1" /v1/bootstrap >&2; exit 1; }
        sleep 0.1
    done
    echo "bootstrap of node $1 timed out" >&2; exit 1
}
api POST 1 /v1/bootstrap/create_cluster "{\"action\":\"create_cluster\",\"cluster\":{\"name\":\"bench.local\"},\"credentials\":{\"username\":\"$user\",\"password\":\"$pass\"}}" >/dev/null
wait_bootstrap 1
for i in 2 3; do
    api POST "$i" /v1/bootstrap/join_cluster "{\"action\":\"join_cluster\",\"cluster\":{\"nodes\":[\"127.0.90.1\"]},\"credentials\":{\"username\":\"$user\",\"password\":\"$pass\"}}" >/dev/null
    wait_bootstrap "$i"
done
echo "cluster of 3 nodes ready; measuring $count sequential creates, then $bulk at once" >&2

# 1. POST -> PING, one database at a time, through node 2 (a follower at first: its writes are forwarded).
: >"$work/single.txt"
for n in $(seq 1 "$count"); do
    port=$((13000 + n))
    start="$(now_ms)"
    answer="$(api POST 2 /v1/bdbs "{\"name\":\"single-$n\",\"memory_size\":104857600,\"port\":$port}")"
    case "$answer" in *'"uid"'*) ;; *) echo "create failed: $answer" >&2; exit 1 ;; esac
    until ping_ok 127.0.90.1 "$port" || ping_ok 127.0.90.2 "$port" || ping_ok 127.0.90.3 "$port"; do sleep 0.005; done
    echo $(( $(now_ms) - start )) >>"$work/single.txt"
done

# 2. $bulk databases: every POST first, then wait until every endpoint answers.
start="$(now_ms)"
for n in $(seq 1 "$bulk"); do
    port=$((14000 + n))
    answer="$(api POST $(( (n % 3) + 1 )) /v1/bdbs "{\"name\":\"bulk-$n\",\"memory_size\":10485760,\"port\":$port,\"proxy_policy\":\"all-nodes\"}")"
    case "$answer" in *'"uid"'*) ;; *) echo "create $n failed: $answer" >&2; exit 1 ;; esac
done
posted="$(now_ms)"
for n in $(seq 1 "$bulk"); do
    until ping_ok 127.0.90.1 $((14000 + n)); do sleep 0.01; done
done
done_ms="$(now_ms)"

python3 - "$work/single.txt" "$count" "$bulk" "$start" "$posted" "$done_ms" <<'PY'
import statistics, sys
times = sorted(int(line) for line in open(sys.argv[1]))
count, bulk, start, posted, done = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
median = statistics.median(times)
p90 = times[min(len(times) - 1, int(round(0.9 * (len(times) - 1))))]
total = (done - start) / 1000
print(f"POST /v1/bdbs -> endpoint PING, {count} databases: median {median:.0f} ms, p90 {p90} ms, max {times[-1]} ms"
      f"  (median / 1 s target = {median / 1000:.2f})")
print(f"{bulk} databases: all POSTed in {(posted - start) / 1000:.1f} s, all serving after {total:.1f} s"
      f"  ({total / bulk * 1000:.0f} ms each; total / 60 s target = {total / 60:.2f})")
PY
