# A local 3-node spinel-node cluster for the cluster benchmarks (bench/failover.sh, bench/reshard.sh), sourced by them.
# The caller sets: BENCH (its name, for messages), root, work, SUBNET, user, pass, node_args (array),
# node_pid (associative array), build_pid (empty), DB_PORT, client_node; build_node sets node_dll.

say() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
now_ms() { date +%s%3N; }

# redis-servers of our nodes: every redis-server whose working directory (its shard directory) is under $work
# (1: a directory under $work, default all of $work). Orphans of a killed node are found the same way.
our_redis_pids() {
    local under="${1:-$work}" p cwd
    for p in /proc/[0-9]*; do
        [ "$(cat "$p/comm" 2>/dev/null)" = "redis-server" ] || continue
        cwd="$(readlink "$p/cwd" 2>/dev/null)" || continue
        case "$cwd" in "$under"/*) echo "${p#/proc/}" ;; esac
    done
}

api() { # method node path [body]
    local method="$1" node="$2" path="$3" body="${4:-}"
    curl -sS -k --max-time 10 -u "$user:$pass" -X "$method" -H 'Content-Type: application/json' \
        ${body:+-d "$body"} "https://$SUBNET.$node:9443$path"
}
addr_of() { echo "$SUBNET.$1"; }

start_node() {
    local i="$1"
    echo "=== start $(date '+%F %T.%3N')" >>"$work/node$i.log"
    setsid dotnet "$node_dll" --Node:Address "$(addr_of "$i")" --Node:DataDir "$work/node$i" \
        --Logging:LogLevel:Default Information --Logging:LogLevel:Microsoft.AspNetCore Warning \
        --Logging:Console:FormatterName simple --Logging:Console:FormatterOptions:TimestampFormat "HH:mm:ss.fff " \
        "${node_args[@]}" >>"$work/node$i.log" 2>&1 &
    node_pid[$i]=$!
}

wait_listening() { # index: until the node answers on 9443; fails when it exits first or after 60 s
    local i="$1"
    for _ in $(seq 1 600); do
        (exec 3<>"/dev/tcp/$(addr_of "$i")/9443") 2>/dev/null && return 0
        kill -0 "${node_pid[$i]}" 2>/dev/null || { tail -n 30 "$work/node$i.log" >&2; echo "$BENCH: node $i exited during start-up" >&2; return 1; }
        sleep 0.1
    done
    echo "$BENCH: node $i does not listen on $(addr_of "$i"):9443 after 60 s" >&2
    return 1
}

wait_bootstrap() { # node: 0 completed, 1 error (printed), exits after 60 s
    local state
    for _ in $(seq 1 600); do
        state="$(api GET "$1" /v1/bootstrap | python3 -c 'import json,sys; print(json.load(sys.stdin)["bootstrap_status"]["state"])' 2>/dev/null || true)"
        [ "$state" = "completed" ] && return 0
        [ "$state" = "error" ] && { api GET "$1" /v1/bootstrap >&2; echo >&2; return 1; }
        sleep 0.1
    done
    echo "$BENCH: bootstrap of node $1 timed out" >&2; exit 1
}

# Starts nodes 1-3, creates the cluster <name> on node 1 and joins 2 and 3; fills index_of (node uid -> index).
start_cluster() {
    local name="$1" i port attempt
    for i in 1 2 3; do
        for port in 9443 "$DB_PORT"; do
            if (exec 3<>"/dev/tcp/$(addr_of "$i")/$port") 2>/dev/null; then
                echo "$BENCH: $(addr_of "$i"):$port is already in use (another run?)" >&2; exit 1
            fi
        done
    done
    for i in 1 2 3; do start_node "$i"; done
    for i in 1 2 3; do wait_listening "$i" || exit 1; done
    api POST 1 /v1/bootstrap/create_cluster "{\"action\":\"create_cluster\",\"cluster\":{\"name\":\"$name\"},\"credentials\":{\"username\":\"$user\",\"password\":\"$pass\"}}" >/dev/null
    wait_bootstrap 1 || exit 1
    for i in 2 3; do
        # A join may fail with no_quorum when the busy machine stalls the two-member group mid-change; it is retried.
        for attempt in 1 2 3 4; do
            api POST "$i" /v1/bootstrap/join_cluster "{\"action\":\"join_cluster\",\"cluster\":{\"nodes\":[\"$(addr_of 1)\"]},\"credentials\":{\"username\":\"$user\",\"password\":\"$pass\"}}" >/dev/null
            wait_bootstrap "$i" && break
            [ "$attempt" -lt 4 ] || { echo "$BENCH: node $i could not join" >&2; exit 1; }
            say "join of node $i failed (attempt $attempt); retrying"
            sleep 2
        done
    done
    # node uid (store) -> index (address SUBNET.<index>, data dir node<index>)
    declare -gA index_of=()
    api GET "$client_node" /v1/nodes >"$work/nodes.json"
    while read -r uid addr; do index_of[$uid]="${addr##*.}"; done < <(python3 -c '
import json, sys
for n in json.load(open(sys.argv[1])): print(n["uid"], n["addr"])' "$work/nodes.json")
    [ "${#index_of[@]}" -eq 3 ] || { echo "$BENCH: expected 3 nodes, got: $(cat "$work/nodes.json")" >&2; exit 1; }
}

# Builds src/Spinel.Node (Release) into node_dll, unless SPINEL_NODE_DLL names one; exits on failure. The build runs
# in the background (build_pid) so that the caller's cleanup can stop it on Ctrl-C.
build_node() {
    node_dll="${SPINEL_NODE_DLL:-$root/src/Spinel.Node/bin/Release/net10.0/spinel-node.dll}"
    if [ -z "${SPINEL_NODE_DLL:-}" ]; then
        say "building spinel-node (Release)..."
        (cd "$root" && exec env DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 \
            dotnet build -c Release src/Spinel.Node -nologo -nodeReuse:false -p:UseSharedCompilation=false) \
            >"$work/build.log" 2>&1 &
        build_pid=$!
        if ! wait "$build_pid"; then
            build_pid=""
            grep -E ' error |error [A-Z]+[0-9]+' "$work/build.log" | sort -u | head -n 15 >&2
            echo "$BENCH: dotnet build -c Release src/Spinel.Node failed" >&2
            exit 1
        fi
        build_pid=""
    fi
    [ -f "$node_dll" ] || { echo "$BENCH: $node_dll does not exist" >&2; exit 1; }
}

# Stops the build if one runs, every node (TERM, then KILL after 10 s) and the shards left behind (a node killed
# with -9 leaves its redis-servers running): only ours, by pid.
stop_all() {
    local i pid
    [ -n "$build_pid" ] && kill -TERM "$build_pid" 2>/dev/null
    for i in "${!node_pid[@]}"; do kill -TERM "${node_pid[$i]}" 2>/dev/null || true; done
    for i in "${!node_pid[@]}"; do
        pid="${node_pid[$i]}"
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    for pid in $(our_redis_pids); do kill -KILL "$pid" 2>/dev/null || true; done
}

# Creates a database from a JSON body (POST /v1/bdbs on node 1) and waits until its action completed; exits on failure.
create_bdb() { # name json-body
    local answer action state
    answer="$(api POST 1 /v1/bdbs "$2")"
    action="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["action_uid"])' "$answer" 2>/dev/null)" ||
        { echo "$BENCH: create $1 failed: $answer" >&2; exit 1; }
    for _ in $(seq 1 600); do
        state="$(api GET 1 "/v1/actions/$action" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])' 2>/dev/null || true)"
        [ "$state" = completed ] && return 0
        [ "$state" = failed ] && { echo "$BENCH: create $1 failed" >&2; exit 1; }
        sleep 0.1
    done
    echo "$BENCH: create $1 timed out" >&2; exit 1
}

# The address of a node whose proxy answers PING on the port; exits when none does.
serving_node() { # port
    local i
    for i in 1 2 3; do
        [ "$(redis-cli -h "$(addr_of "$i")" -p "$1" PING 2>/dev/null)" = PONG ] && { addr_of "$i"; return 0; }
    done
    echo "$BENCH: no node serves port $1" >&2; exit 1
}
