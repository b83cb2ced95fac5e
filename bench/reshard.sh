#!/usr/bin/env bash
# Resharding benchmark (issue 5, item 6). On a fresh local 3-node cluster of real spinel-node processes
# (127.0.92.1-3, apart from ./spinel up's and the other benches'), one database: 1 shard, sharding on, replication
# (master + replica), sparse placement, bound on every node (all-nodes), port 12000, memory_size 2 GB.
# KEYS string keys (k:<i> = v<i>) are loaded through node 1's endpoint (pipelined). Then a latency client
# (bench/lib/reshard.py client: one connection, RATE ops/s, 80% GET of a loaded key checked against its value,
# 20% SET of a new key) runs through the same endpoint during:
#   baseline     BASELINE_S seconds before any reshard;
#   reshard 1->2 PUT /v1/bdbs/1 {"shards_count": 2, "sharding": true} until GET /v1/actions/<action_uid> says
#                completed (or failed);
#   after_1to2   SETTLE_S seconds;
#   reshard 2->4 the same to 4 shards;
#   after_2to4   SETTLE_S seconds.
# Prints the time of each reshard (PUT to action completed), the client's latency p50, p99, max and errors in each
# window, the ratios to the baseline and the targets (zero errors, p99 < 10 ms, max < 500 ms); at the end DBSIZE
# through the endpoint against KEYS + the client's successful SETs, and every loaded key read back.
#
# Usage: bench/reshard.sh            environment:
#   KEYS=1000000        keys loaded before the reshards
#   RATE=1000           latency client operations per second
#   BASELINE_S=10 SETTLE_S=5
#   RESHARD_TIMEOUT=900 seconds before a reshard counts as a failure (logs kept, exit 1)
#   SPINEL_NODE_DLL=... run this spinel-node.dll instead of building src/Spinel.Node (Release)
#   NODE_ARGS="..."     extra arguments for every spinel-node; default: Raft election timeouts 400-800 ms
#   SUBNET=127.0.92     the nodes' loopback addresses are SUBNET.1-3; DB_PORT=12000
#   KEEP_LOGS=1         keep node logs, shard logs and client records even on success
# On failure (and with KEEP_LOGS=1) the logs are copied to /tmp/spinel-reshard-logs.<time>/ and the path printed.
set -Eeuo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
helper="$root/bench/lib/reshard.py"
fohelper="$root/bench/lib/failover.py"   # its 'redundant' check is reused as is
KEYS="${KEYS:-1000000}"
RATE="${RATE:-1000}"
BASELINE_S="${BASELINE_S:-10}"
SETTLE_S="${SETTLE_S:-5}"
RESHARD_TIMEOUT="${RESHARD_TIMEOUT:-900}"
SUBNET="${SUBNET:-127.0.92}"
DB_PORT="${DB_PORT:-12000}"
KEEP_LOGS="${KEEP_LOGS:-0}"
read -r -a node_args <<<"${NODE_ARGS---ControlPlane:LowerElectionTimeout 00:00:00.400 --ControlPlane:UpperElectionTimeout 00:00:00.800}"
client_node=1
[ "$#" -eq 0 ] || { sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
for tool in curl python3 dotnet redis-server; do
    command -v "$tool" >/dev/null || { echo "reshard.sh: $tool is required" >&2; exit 1; }
done

work="$(mktemp -d /tmp/spinel-reshard.XXXXXX)"
user="admin@bench.local"
pass="bench-$(date +%s)"
declare -A node_pid=()
client_pid=""
build_pid=""
records="$work/records.txt"
marks="$work/marks.txt"
: >"$marks"

BENCH="$(basename "$0")"
# shellcheck source=lib/local-cluster.sh
source "$root/bench/lib/local-cluster.sh"

keep_logs() {
    local dest f rel
    dest="/tmp/spinel-reshard-logs.$(date +%Y%m%d-%H%M%S)"
    mkdir -p "$dest"
    cp "$work"/*.log "$work"/*.txt "$work"/*.json "$dest"/ 2>/dev/null || true
    for f in "$work"/node*/shards/*/redis.log; do
        [ -f "$f" ] || continue
        rel="${f#"$work"/}"
        cp "$f" "$dest/${rel//\//_}"
    done
    echo "logs kept in $dest" >&2
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    [ -n "$client_pid" ] && kill -TERM "$client_pid" 2>/dev/null
    stop_all
    if [ "$rc" -ne 0 ] || [ "$KEEP_LOGS" = 1 ]; then keep_logs; fi
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'echo "reshard.sh: line $LINENO: \"$BASH_COMMAND\" failed" >&2' ERR
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# --- build ---------------------------------------------------------------------------------------------------
build_node

start_cluster "reshard.local"
if [ -n "${SPINEL_NODE_DLL:-}" ]; then build="$node_dll"
else build="commit $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$root" && git diff --quiet HEAD -- src 2>/dev/null || echo ' + uncommitted changes in src')"; fi
say "cluster of 3 nodes ready ($(addr_of 1)-3; spinel-node: $build)"

answer="$(api POST "$client_node" /v1/bdbs "{\"name\":\"reshard\",\"memory_size\":2147483648,\"shards_count\":1,\"sharding\":true,\"replication\":true,\"shards_placement\":\"sparse\",\"proxy_policy\":\"all-nodes\",\"port\":$DB_PORT}")"
bdb="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["uid"])' "$answer" 2>/dev/null)" \
    || { echo "reshard.sh: database create failed: $answer" >&2; exit 1; }

live_specs() {
    local u
    for u in "${!index_of[@]}"; do echo "$u=$(addr_of "${index_of[$u]}")=$work/node${index_of[$u]}"; done
}
wait_redundant() { # masters timeout_s
    local deadline=$((SECONDS + $2)) why specs
    mapfile -t specs < <(live_specs)
    while :; do
        api GET "$client_node" "/v1/bdbs/$bdb/shards" >"$work/shards.json" 2>/dev/null || true
        why="$(python3 "$fohelper" redundant "$work/shards.json" "$1" "${specs[@]}")" && return 0
        [ "$SECONDS" -lt "$deadline" ] || { say "no full redundancy after $2 s: $why"; return 1; }
        sleep 0.2
    done
}
fail() {
    say "FAILED: $*"
    api GET "$client_node" "/v1/bdbs/$bdb/shards" >&2 2>/dev/null || true; echo >&2
    for i in 1 2 3; do say "node $i log tail:"; tail -n 25 "$work/node$i.log" >&2; done
    if [ -n "$client_pid" ]; then kill -TERM "$client_pid" 2>/dev/null; wait "$client_pid" 2>/dev/null || true; client_pid=""; fi
    [ -s "$marks" ] && python3 "$helper" report "$records" "$marks" || true
    exit 1
}
say "database $bdb created (1 shard, master + replica); waiting for full redundancy"
wait_redundant 1 120 || fail "the new database never reached full redundancy"

# --- load ------------------------------------------------------------------------------------------------------
prefix="k:"
t0="$(now_ms)"
python3 "$helper" load "$(addr_of "$client_node")" "$DB_PORT" "$prefix" "$KEYS" || fail "loading $KEYS keys failed"
t1="$(now_ms)"
say "loaded $KEYS keys in $(( (t1 - t0) / 1000 )).$(( (t1 - t0) % 1000 / 100 )) s; waiting for the replica to catch up"
wait_redundant 1 120 || fail "no full redundancy after the load"
sleep 2

# --- latency client and reshards -------------------------------------------------------------------------------
: >"$records"
python3 "$helper" client "$(addr_of "$client_node")" "$DB_PORT" "$prefix" "$KEYS" "$records" "$RATE" "new:" &
client_pid=$!
sleep 1
b0="$(now_ms)"; sleep "$BASELINE_S"; b1="$(now_ms)"
echo "baseline $b0 $b1" >>"$marks"

declare -A took=()
reshard() { # target shard count
    local n="$1" from="$2" put_ms reply uid st status end_ms deadline
    put_ms="$(now_ms)"
    reply="$(api PUT "$client_node" "/v1/bdbs/$bdb" "{\"shards_count\": $n, \"sharding\": true}")" || fail "PUT shards_count $n: $reply"
    uid="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["action_uid"])' "$reply" 2>/dev/null)" \
        || fail "PUT shards_count $n answered without action_uid: $reply"
    say "reshard $from->$n: action $uid"
    deadline=$((SECONDS + RESHARD_TIMEOUT))
    while :; do
        st="$(api GET "$client_node" "/v1/actions/$uid" 2>/dev/null || true)"
        status="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get("status",""))' "$st" 2>/dev/null || true)"
        [ "$status" = completed ] && break
        if [ "$status" = failed ]; then echo "$st" >"$work/action-$uid.json"; fail "reshard $from->$n failed: $st"; fi
        [ "$SECONDS" -lt "$deadline" ] || fail "reshard $from->$n not completed after $RESHARD_TIMEOUT s: $st"
        sleep 0.1
    done
    end_ms="$(now_ms)"
    echo "$st" >"$work/action-$uid.json"
    echo "reshard_${from}to$n $put_ms $end_ms" >>"$marks"
    took[$n]=$((end_ms - put_ms))
    say "reshard $from->$n completed in ${took[$n]} ms"
}
reshard 2 1
a0="$(now_ms)"; sleep "$SETTLE_S"; echo "after_1to2 $a0 $(now_ms)" >>"$marks"
reshard 4 2
a0="$(now_ms)"; sleep "$SETTLE_S"; echo "after_2to4 $a0 $(now_ms)" >>"$marks"
kill -TERM "$client_pid"; wait "$client_pid" || true; client_pid=""
read -r sets_ok sets_tried <"$records.sets"
wait_redundant 4 120 || say "WARNING: no full redundancy with 4 masters after the reshard"

# --- report ----------------------------------------------------------------------------------------------------
check="$(python3 "$helper" check "$(addr_of "$client_node")" "$DB_PORT" "$prefix" "$KEYS" "new:" "$sets_ok")" \
    || fail "could not read the keys back"
eval "$check"   # dbsize= expected= missing=
api GET "$client_node" "/v1/bdbs/$bdb/shards" >"$work/shards.json"
echo
echo "resharding benchmark: 3 nodes ($(addr_of 1)-3), database of 1 -> 2 -> 4 shards x (master + replica), sparse,"
echo "all-nodes, $KEYS keys; client: one connection through node $client_node's endpoint, $RATE ops/s, 80% GET / 20% SET"
echo "spinel-node: $build"
echo "time to reshard 1->2: $(awk -v t="${took[2]}" 'BEGIN{printf "%.1f s", t/1000}');  2->4: $(awk -v t="${took[4]}" 'BEGIN{printf "%.1f s", t/1000}')  (PUT to action completed)"
echo
python3 "$helper" report "$records" "$marks"
echo
echo "DBSIZE through the endpoint: $dbsize, expected $expected ($KEYS loaded + $sets_ok SETs of new keys acknowledged, $sets_tried tried): $([ "$dbsize" = "$expected" ] && echo OK || echo MISMATCH)"
echo "loaded keys missing or wrong when read back: $missing"
echo "shards after: $(python3 "$fohelper" shards "$work/shards.json" | awk '{printf "%s%s(node %s, %s, slots %s)", s, $1, $2, $3, $4; s="; "}')"
[ "$dbsize" = "$expected" ] && [ "$missing" = 0 ] || { say "data check failed"; exit 1; }
