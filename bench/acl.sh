#!/usr/bin/env bash
# Redis ACL benchmark (issue 9). What checking every command of an ACL user costs on the proxy, in one run, next to
# what the same check costs redis-server itself: a local 3-node spinel cluster (127.0.99.1-3) with one one-shard
# database bound on every node (port 12000, a password), and one plain redis-server (127.0.98.3:7000). Users:
#   default     the database's password: the proxy skips the check entirely
#   full        an ACL user with "+@all ~*" (the check runs and allows)
#   scoped      an ACL user with "+@read +@write +@connection +@scripting ~key:* %R~other:*" (patterns matched per key)
# the same two ACL users exist on the direct redis-server (ACL SETUSER). Workloads: SET and GET, -c 50 and -c 50 -P 16,
# and EVAL of a one-key GET script at -c 50 (an ACL user's script runs on the shard signed in as that user), N
# requests each, random keys (key:__rand_int__, so the scoped user's pattern matches), rounds interleaved; medians
# over rounds, ratios as medians of per-round ratios.
#
# Usage: bench/acl.sh                 environment:
#   ROUNDS=3 N=100000                rounds and requests per run
#   SPINEL_NODE_DLL=...              run this spinel-node.dll instead of building src/Spinel.Node (Release)
#   KEEP_LOGS=1                      keep node logs in /tmp/spinel-acl-logs.<time>
set -Eeuo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
N="${N:-100000}"
KEEP_LOGS="${KEEP_LOGS:-0}"
SUBNET=127.0.99
DIRECT=127.0.98.3
DB_PORT=12000
DB_PASS=db-Bench1
USER_PASS=user-Bench1
FULL_RULES="+@all ~*"
SCOPED_RULES="+@read +@write +@connection +@scripting ~key:* %R~other:*"
read -r -a node_args <<<"${NODE_ARGS---ControlPlane:LowerElectionTimeout 00:00:00.400 --ControlPlane:UpperElectionTimeout 00:00:00.800}"
client_node=1
[ "$#" -eq 0 ] || { sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
for tool in curl python3 dotnet redis-server redis-cli redis-benchmark; do
    command -v "$tool" >/dev/null || { echo "acl.sh: $tool is required (apt-get install -y redis-server redis-tools)" >&2; exit 1; }
done

work="$(mktemp -d /tmp/spinel-acl.XXXXXX)"
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
        local dest="/tmp/spinel-acl-logs.$(date +%Y%m%d-%H%M%S)"
        mkdir -p "$dest" && cp "$work"/*.log "$dest"/ 2>/dev/null || true
        echo "logs kept in $dest" >&2
    fi
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

uid_of() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])["uid"])' "$1" 2>/dev/null || { echo "$BENCH: $2 failed: $1" >&2; exit 1; }; }

mkdir -p "$work/direct"
redis-server --bind "$DIRECT" --port 7000 --dir "$work/direct" --save "" --appendonly no --daemonize no --logfile "$work/direct.log" &
direct_pids+=($!)
build_node
say "spinel: 3 nodes on $SUBNET.1-3"
start_cluster bench.local
create_bdb spinel "{\"name\":\"spinel\",\"memory_size\":1073741824,\"port\":12000,\"proxy_policy\":\"all-nodes\",\"authentication_redis_pass\":\"$DB_PASS\"}"
full_acl="$(uid_of "$(api POST 1 /v1/redis_acls "{\"name\":\"full\",\"acl\":\"$FULL_RULES\"}")" "ACL full")"
scoped_acl="$(uid_of "$(api POST 1 /v1/redis_acls "{\"name\":\"scoped\",\"acl\":\"$SCOPED_RULES\"}")" "ACL scoped")"
full_role="$(uid_of "$(api POST 1 /v1/roles '{"name":"full","management":"none"}')" "role full")"
scoped_role="$(uid_of "$(api POST 1 /v1/roles '{"name":"scoped","management":"none"}')" "role scoped")"
uid_of "$(api POST 1 /v1/users "{\"name\":\"full\",\"password\":\"$USER_PASS\",\"role_uids\":[$full_role]}")" "user full" >/dev/null
uid_of "$(api POST 1 /v1/users "{\"name\":\"scoped\",\"password\":\"$USER_PASS\",\"role_uids\":[$scoped_role]}")" "user scoped" >/dev/null
api PUT 1 /v1/bdbs/1 "{\"roles_permissions\":[{\"role_uid\":$full_role,\"redis_acl_uid\":$full_acl},{\"role_uid\":$scoped_role,\"redis_acl_uid\":$scoped_acl}]}" >/dev/null
for _ in $(seq 1 100); do redis-cli -h "$DIRECT" -p 7000 PING >/dev/null 2>&1 && break; sleep 0.1; done
# shellcheck disable=SC2086
redis-cli -h "$DIRECT" -p 7000 ACL SETUSER full on ">$USER_PASS" $FULL_RULES >/dev/null
# shellcheck disable=SC2086
redis-cli -h "$DIRECT" -p 7000 ACL SETUSER scoped on ">$USER_PASS" $SCOPED_RULES >/dev/null

declare -A target_args=(
    [direct-default]="-h $DIRECT -p 7000"
    [direct-full]="-h $DIRECT -p 7000 --user full -a $USER_PASS"
    [direct-scoped]="-h $DIRECT -p 7000 --user scoped -a $USER_PASS"
    [spinel-default]="-h $SUBNET.1 -p 12000 -a $DB_PASS"
    [spinel-full]="-h $SUBNET.1 -p 12000 --user full -a $USER_PASS"
    [spinel-scoped]="-h $SUBNET.1 -p 12000 --user scoped -a $USER_PASS"
)
for target in "${!target_args[@]}"; do
    # shellcheck disable=SC2086
    for _ in $(seq 1 100); do [ "$(redis-cli --no-auth-warning ${target_args[$target]} SET key:probe 1 2>/dev/null)" = OK ] && break; sleep 0.1; done
    # shellcheck disable=SC2086
    [ "$(redis-cli --no-auth-warning ${target_args[$target]} SET key:probe 1 2>/dev/null)" = OK ] || { echo "$BENCH: $target does not take a SET" >&2; exit 1; }
done

targets=(direct-default direct-full direct-scoped spinel-default spinel-full spinel-scoped)
workloads=(set_c50 get_c50 set_c50_p16 get_c50_p16 eval_c50)
declare -A result=()
run_one() { # target workload -> requests/s
    local args command="${2%%_*}"
    read -r -a args <<<"${target_args[$1]}"
    args+=(-c 50 -n "$N" --csv -r 1000000)
    case "$2" in *_p16) args+=(-P 16) ;; esac
    # An ACL user's script runs on the shard signed in as that user: the proxy's most expensive ACL path.
    if [ "$command" = eval ]; then
        args+=(EVAL "return redis.call('get', KEYS[1])" 1 key:__rand_int__)
    else
        args+=(-t "$command")
    fi
    redis-benchmark "${args[@]}" 2>/dev/null | python3 -c '
import csv, sys
want = sys.argv[1].upper()
rows = [row for row in csv.reader(sys.stdin) if len(row) > 1 and row[0] != "test"]
print(next((row[1] for row in rows if row[0] == want or want == "EVAL"), "0"))' "$command"
}

say "load average at start: $(cut -d" " -f1-3 /proc/loadavg)"
for target in "${targets[@]}"; do run_one "$target" set_c50 >/dev/null; done   # warm-up, and keys for GET
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
pairs = [("spinel-full", "spinel-default"), ("spinel-scoped", "spinel-default"), ("direct-full", "direct-default"),
         ("direct-scoped", "direct-default"), ("spinel-default", "direct-default"), ("spinel-scoped", "direct-scoped")]
print("%-12s" % "workload" + "".join("%21s" % ("%s/%s" % (a.replace("spinel", "sp").replace("direct", "dir"), b.replace("spinel", "sp").replace("direct", "dir"))) for a, b in pairs))
for work in sorted(rows):
    r = rows[work]
    ratios = []
    for a, b in pairs:
        per_round = [r[a][k] / r[b][k] for k in r[a] if r[b].get(k)]
        ratios.append("%21.2f" % statistics.median(per_round))
    print("%-12s" % work + "".join(ratios))
print("ratios are medians of per-round ratios of requests/s (sp = spinel endpoint, dir = direct redis-server)")'
