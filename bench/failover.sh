#!/usr/bin/env bash
# Failover benchmark (issue 4, item 9). On a fresh local 3-node cluster of real spinel-node processes
# (127.0.91.1-3, apart from ./spinel up's and bench/control-plane.sh's), with one database of 2 shards, each a
# master and a replica (sparse placement, bound on every node, port 12000), a client writes through node 1's
# endpoint continuously (at most MAX_RATE writes/s): SET key value then WAIT 1 500, retrying a failed SET (bench/lib/failover.py). Then,
# KILLS times each:
#   shard kill: kill -9 the redis-server of a master shard; wait until writes succeed again and the database is
#               back to full redundancy (every master has a replica whose link to it is up, asked of the shards);
#   node kill:  kill -9 a node (spinel-node and its redis-servers) that hosts a master and is not the client's;
#               wait until writes succeed again and no master is left on it, restart it with the same arguments,
#               wait for full redundancy. When every master sits on the client's node, one is first moved away by
#               a manual failover (POST /v1/shards/<uid>/actions/failover), which is not measured.
# Unavailability of a kill = the longest gap between two successful writes (SETs) seen by the client, from the
# last write before the kill to full redundancy; the WAIT in between counts (WAIT 1 500 runs out its 500 ms while a
# new master has no replica yet). Printed beside it: the longest a single SET took from its first attempt to its
# success (retries and proxy holds included). At the end every key whose SET succeeded is read back through the
# endpoint.
# Prints the median and max unavailability per kind, the WAIT-acknowledged writes lost and the writes acknowledged
# by the master only that are lost, next to the targets (shard kill < 1 s, node kill < 3 s, no WAIT-acked loss).
#
# Usage: bench/failover.sh            environment:
#   KILLS=10            kills of each kind (SHARD_KILLS, NODE_KILLS: of one kind; default KILLS)
#   MAX_RATE=500        client writes per second at most (0: as fast as it goes)
#   SPINEL_NODE_DLL=... run this spinel-node.dll instead of building src/Spinel.Node (Release)
#   NODE_ARGS="..."     extra arguments for every spinel-node; default: Raft election timeouts 400-800 ms as in
#                       the integration tests (NODE_ARGS= runs the product defaults, 150-300 ms)
#   SUBNET=127.0.91     the nodes' loopback addresses are SUBNET.1-3; DB_PORT=12000
#   RESUME_TIMEOUT=60 REDUNDANCY_TIMEOUT=180   seconds before a kill counts as a failure (logs kept, exit 1)
#   KEEP_LOGS=1         keep the node logs, shard logs and client records even on success
# On failure (and with KEEP_LOGS=1) the logs are copied to /tmp/spinel-failover-logs.<time>/ and the path printed.
set -Eeuo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
helper="$root/bench/lib/failover.py"
KILLS="${KILLS:-10}"
SHARD_KILLS="${SHARD_KILLS:-$KILLS}"
NODE_KILLS="${NODE_KILLS:-$KILLS}"
MAX_RATE="${MAX_RATE:-500}"
SUBNET="${SUBNET:-127.0.91}"
DB_PORT="${DB_PORT:-12000}"
RESUME_TIMEOUT="${RESUME_TIMEOUT:-60}"
REDUNDANCY_TIMEOUT="${REDUNDANCY_TIMEOUT:-180}"
KEEP_LOGS="${KEEP_LOGS:-0}"
# Raft election timeouts of the integration tests (defaults 150-300 ms): on these busy 2-core machines the defaults
# make leadership churn while nodes join. Failure detection (heartbeats, node down after ~1 s) keeps its default.
read -r -a node_args <<<"${NODE_ARGS---ControlPlane:LowerElectionTimeout 00:00:00.400 --ControlPlane:UpperElectionTimeout 00:00:00.800}"
client_node=1     # the client's endpoint node: never killed, and the node every REST call goes to
masters=2
[ "$#" -eq 0 ] || { sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
for tool in curl python3 dotnet redis-server; do
    command -v "$tool" >/dev/null || { echo "failover.sh: $tool is required" >&2; exit 1; }
done

work="$(mktemp -d /tmp/spinel-failover.XXXXXX)"
user="admin@bench.local"
pass="bench-$(date +%s)"
declare -A node_pid=()
load_pid=""
build_pid=""
records="$work/records.txt"
episodes="$work/episodes.txt"
: >"$episodes"

BENCH="$(basename "$0")"
# shellcheck source=lib/local-cluster.sh
source "$root/bench/lib/local-cluster.sh"

keep_logs() {
    local dest
    dest="/tmp/spinel-failover-logs.$(date +%Y%m%d-%H%M%S)"
    mkdir -p "$dest"
    cp "$work"/*.log "$work"/*.txt "$work"/*.json "$dest"/ 2>/dev/null || true
    cp "$records".errors "$records".lost "$dest"/ 2>/dev/null || true
    local f
    for f in "$work"/node*/shards/*/redis.log; do
        [ -f "$f" ] || continue
        local rel="${f#"$work"/}"
        cp "$f" "$dest/${rel//\//_}"
    done
    echo "logs kept in $dest" >&2
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM HUP
    [ -n "$load_pid" ] && kill -TERM "$load_pid" 2>/dev/null
    stop_all
    if [ "$rc" -ne 0 ] || [ "$KEEP_LOGS" = 1 ]; then keep_logs; fi
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'echo "failover.sh: line $LINENO: \"$BASH_COMMAND\" failed" >&2' ERR
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# --- build ---------------------------------------------------------------------------------------------------
build_node

start_cluster "failover.local"
uid_of() { local u; for u in "${!index_of[@]}"; do [ "${index_of[$u]}" = "$1" ] && echo "$u"; done; return 0; }
if [ -n "${SPINEL_NODE_DLL:-}" ]; then build="$node_dll"
else build="commit $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$root" && git diff --quiet HEAD -- src 2>/dev/null || echo ' + uncommitted changes in src')"; fi
say "cluster of 3 nodes ready ($(addr_of 1)-3; spinel-node: $build)"

answer="$(api POST "$client_node" /v1/bdbs "{\"name\":\"failover\",\"memory_size\":209715200,\"shards_count\":$masters,\"sharding\":true,\"replication\":true,\"shards_placement\":\"sparse\",\"proxy_policy\":\"all-nodes\",\"port\":$DB_PORT}")"
bdb="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["uid"])' "$answer" 2>/dev/null)" \
    || { echo "failover.sh: database create failed: $answer" >&2; exit 1; }

# --- state of the database ------------------------------------------------------------------------------------
fetch_shards() { api GET "$client_node" "/v1/bdbs/$bdb/shards" >"$work/shards.json" 2>/dev/null; }
shard_lines() { fetch_shards && python3 "$helper" shards "$work/shards.json"; }   # uid node_uid role slots
masters_now() { # the master lines of shard_lines; retried while the REST call fails (10 s)
    local out
    for _ in $(seq 1 50); do
        out="$(shard_lines)" && { awk '$3 == "master"' <<<"$out"; return 0; }
        sleep 0.2
    done
    return 1
}
live_specs() {
    local i
    for i in 1 2 3; do
        kill -0 "${node_pid[$i]:-0}" 2>/dev/null && echo "$(uid_of "$i")=$(addr_of "$i")=$work/node$i"
    done
}
redundancy_why=""
is_redundant() {
    local specs
    fetch_shards || { redundancy_why="GET /v1/bdbs/$bdb/shards failed"; return 1; }
    mapfile -t specs < <(live_specs)
    redundancy_why="$(python3 "$helper" redundant "$work/shards.json" "$masters" "${specs[@]}")"
}
wait_redundant() { # timeout_s
    local deadline=$((SECONDS + $1))
    until is_redundant; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            say "no full redundancy after $1 s: $redundancy_why"
            return 1
        fi
        sleep 0.1
    done
}
last_success() { # t_ms of the client's last successful write, and how many of its last 200 were WAIT-acknowledged
    tail -c 400000 "$records" | awk 'NR > 1 && NF == 6 && $3 == 1 { t = $2; w[n++ % 200] = $4 }
        END { a = 0; for (k in w) if (w[k] >= 1) a++; print (t == "" ? 0 : t), a }'
}
wait_resumed() { # since_ms timeout_s: until a write succeeded after since_ms
    local since="$1" deadline=$((SECONDS + $2)) t acked
    while :; do
        read -r t acked < <(last_success)
        [ "$t" -gt "$since" ] && return 0
        [ "$SECONDS" -ge "$deadline" ] && return 1
        sleep 0.05
    done
}
wait_acked() { # timeout_s: the client's recent writes are WAIT-acknowledged again (at least 50 of the last 200)
    local deadline=$((SECONDS + $1)) t acked
    while :; do
        read -r t acked < <(last_success)
        [ "$acked" -ge 50 ] && [ "$t" -gt $(($(now_ms) - 1000)) ] && return 0
        [ "$SECONDS" -ge "$deadline" ] && return 1
        sleep 0.1
    done
}
fail() { # what: print the state and the last client errors, then exit 1 (logs are kept)
    say "FAILED: $*"
    cat "$work/shards.json" >&2 2>/dev/null; echo >&2
    say "last client errors:"; tail -n 5 "$records.errors" >&2 2>/dev/null || true
    for i in 1 2 3; do say "node $i log tail:"; tail -n 15 "$work/node$i.log" >&2; done
    report || true
    exit 1
}
prefix=""
report() {
    local verify
    [ -n "$prefix" ] || return 0
    [ -n "$load_pid" ] && { kill -TERM "$load_pid" 2>/dev/null; wait "$load_pid" 2>/dev/null || true; load_pid=""; }
    verify="$(python3 "$helper" verify "$(addr_of "$client_node")" "$DB_PORT" "$prefix" "$records")" \
        || { say "could not read the keys back"; verify="acked=? acked_lost=? master_only=? master_only_lost=? wait_failed=? wait_failed_lost=?"; }
    echo
    echo "failover benchmark: 3 nodes ($(addr_of 1)-3), database of $masters shards x (master + replica), sparse, all-nodes;"
    echo "client: SET + WAIT 1 500 through node $client_node's endpoint (at most $MAX_RATE writes/s), failed SETs retried"
    echo "spinel-node: $build"
    python3 "$helper" report "$records" "$episodes" "$verify"
}

say "database $bdb created; waiting for full redundancy"
wait_redundant 120 || fail "the new database never reached full redundancy"

# --- load ------------------------------------------------------------------------------------------------------
prefix="fo:$(date +%s):"
: >"$records"
python3 "$helper" load "$(addr_of "$client_node")" "$DB_PORT" "$prefix" "$records" 500 "$MAX_RATE" &
load_pid=$!
wait_acked 60 || fail "the client's writes are not WAIT-acknowledged"
say "client writing through $(addr_of "$client_node"):$DB_PORT; $SHARD_KILLS shard kills, then $NODE_KILLS node kills"

# --- shard kills -----------------------------------------------------------------------------------------------
for n in $(seq 1 "$SHARD_KILLS"); do
    mapfile -t ms < <(masters_now)
    [ "${#ms[@]}" -gt 0 ] || fail "no master shard in the store"
    read -r suid snode _ sslots <<<"${ms[$(((n - 1) % ${#ms[@]}))]}"
    sidx="${index_of[$snode]}"
    pid="$(cat "$work/node$sidx/shards/$suid/redis.pid" 2>/dev/null || true)"
    [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = redis-server ] \
        || fail "no running redis-server for master shard $suid on node $sidx (pid file: '${pid}')"
    kill_ms="$(now_ms)"
    kill -KILL "$pid"
    wait_resumed "$kill_ms" "$RESUME_TIMEOUT" || fail "writes did not resume within $RESUME_TIMEOUT s of killing shard $suid"
    resumed_ms="$(now_ms)"
    wait_redundant "$REDUNDANCY_TIMEOUT" || fail "no full redundancy within $REDUNDANCY_TIMEOUT s of killing shard $suid"
    end_ms="$(now_ms)"
    echo "shard $n $kill_ms $end_ms master shard $suid (slots $sslots) on node $sidx; full redundancy after $((end_ms - kill_ms)) ms" >>"$episodes"
    say "shard kill $n/$SHARD_KILLS: shard $suid on node $sidx; resumed after ~$((resumed_ms - kill_ms)) ms, full redundancy after $((end_ms - kill_ms)) ms"
    wait_acked 60 || fail "writes are not WAIT-acknowledged again after shard kill $n"
    sleep 1
done

# --- node kills ------------------------------------------------------------------------------------------------
for n in $(seq 1 "$NODE_KILLS"); do
    mapfile -t ms < <(masters_now)
    victims=()
    for line in "${ms[@]}"; do
        read -r _ snode _ _ <<<"$line"
        [ "${index_of[$snode]}" != "$client_node" ] && victims+=("${index_of[$snode]}")
    done
    if [ "${#victims[@]}" -eq 0 ]; then
        # Every master is on the client's node: move one away with a manual failover first (not measured).
        read -r suid _ _ _ <<<"${ms[0]}"
        say "every master is on node $client_node; failing shard $suid over by hand first"
        api POST "$client_node" "/v1/shards/$suid/actions/failover" '{}' >/dev/null
        sleep 1
        wait_redundant "$REDUNDANCY_TIMEOUT" || fail "no full redundancy after the manual failover of shard $suid"
        wait_acked 60 || fail "writes are not WAIT-acknowledged after the manual failover"
        mapfile -t ms < <(masters_now); victims=()
        for line in "${ms[@]}"; do
            read -r _ snode _ _ <<<"$line"
            [ "${index_of[$snode]}" != "$client_node" ] && victims+=("${index_of[$snode]}")
        done
        [ "${#victims[@]}" -gt 0 ] || fail "the manual failover left every master on node $client_node"
    fi
    victim="${victims[$(((n - 1) % ${#victims[@]}))]}"
    vuid="$(uid_of "$victim")"
    vmasters="$(masters_now | awk -v u="$vuid" '$2 == u {printf "%s%s", s, $1; s=","}')"
    leader="$(api GET "$client_node" /v1/nodes/status 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(",".join(str(v["hostname"]).rsplit(".", 1)[-1] for v in (d.values() if isinstance(d, dict) else d) if v.get("role") == "master"))' 2>/dev/null || echo '?')"
    mapfile -t shard_pids < <(our_redis_pids "$work/node$victim")
    kill_ms="$(now_ms)"
    kill -KILL "${node_pid[$victim]}" "${shard_pids[@]}"
    wait "${node_pid[$victim]}" 2>/dev/null || true
    unset "node_pid[$victim]"
    wait_resumed "$kill_ms" "$RESUME_TIMEOUT" || fail "writes did not resume within $RESUME_TIMEOUT s of killing node $victim"
    resumed_ms="$(now_ms)"
    deadline=$((SECONDS + RESUME_TIMEOUT))
    until out="$(masters_now)" && ! awk -v u="$vuid" '$2 == u {f = 1} END {exit !f}' <<<"$out"; do
        [ "$SECONDS" -lt "$deadline" ] || fail "masters still on killed node $victim after $RESUME_TIMEOUT s"
        sleep 0.1
    done
    failed_over_ms="$(now_ms)"
    wait_resumed "$failed_over_ms" "$RESUME_TIMEOUT" || fail "writes did not resume after the failover from node $victim"
    start_node "$victim"
    restart_ms="$(now_ms)"
    wait_redundant "$REDUNDANCY_TIMEOUT" || fail "no full redundancy within $REDUNDANCY_TIMEOUT s of restarting node $victim"
    end_ms="$(now_ms)"
    [ "$leader" = "$victim" ] && leader_mark=" [Raft leader]" || leader_mark=""
    echo "node $n $kill_ms $end_ms node $victim$leader_mark (masters $vmasters, ${#shard_pids[@]} redis-servers; Raft leader: node $leader); no master on it after $((failed_over_ms - kill_ms)) ms, restarted at +$((restart_ms - kill_ms)) ms, full redundancy $((end_ms - restart_ms)) ms after the restart" >>"$episodes"
    say "node kill $n/$NODE_KILLS: node $victim (masters $vmasters); resumed after ~$((resumed_ms - kill_ms)) ms, full redundancy $((end_ms - restart_ms)) ms after the restart"
    wait_acked 60 || fail "writes are not WAIT-acknowledged again after node kill $n"
    sleep 1
done

report
