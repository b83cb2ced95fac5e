# shellcheck shell=bash
# Start functions for the servers under test. Each one writes its config under $WORK, logs under
# $LOGDIR, pins the process to CPU $SERVER_CPU, tracks its pid and waits until it answers PING.
# On success it sets <NAME>_PORT and <NAME>_PID; on failure it returns non-zero (and says why).
# Servers run under setsid (no fork: a background child of a script is no group leader, so the
# pid stays that of the server): a Ctrl-C then reaches only the script and redis-benchmark, and the
# EXIT trap stops the servers in order, by pid.

SERVER_CPU=${SERVER_CPU:-0}

# start_shard: the redis-server every target talks to (no persistence, loopback only).
start_shard() {
    SHARD_PORT=$(free_port 20000 29999) || die "no free port for the shard"
    mkdir -p "$WORK/shard"
    setsid taskset -c "$SERVER_CPU" redis-server --bind 127.0.0.1 --port "$SHARD_PORT" --dir "$WORK/shard" \
        --save '' --appendonly no --protected-mode no --daemonize no --logfile '' \
        >"$LOGDIR/shard.log" 2>&1 &
    SHARD_PID=$!
    track "$SHARD_PID"
    if ! wait_ping "$SHARD_PORT" "$SHARD_PID" 15; then
        tail -n 20 "$LOGDIR/shard.log" >&2
        die "redis-server did not start on port $SHARD_PORT"
    fi
}

# start_haproxy: a plain TCP relay, one thread.
start_haproxy() {
    HAPROXY_PORT=$(free_port 10000 19999) || return 1
    local cfg="$WORK/haproxy.cfg"
    cat >"$cfg" <<EOF
global
    nbthread 1
    maxconn 4096

defaults
    mode tcp
    timeout connect 5s
    timeout client 10m
    timeout server 10m

frontend bench
    bind 127.0.0.1:$HAPROXY_PORT
    default_backend shard

backend shard
    server shard1 127.0.0.1:$SHARD_PORT
EOF
    cp "$cfg" "$LOGDIR/"
    setsid taskset -c "$SERVER_CPU" haproxy -db -f "$cfg" >"$LOGDIR/haproxy.log" 2>&1 &
    HAPROXY_PID=$!
    track "$HAPROXY_PID"
    if ! wait_ping "$HAPROXY_PORT" "$HAPROXY_PID" 15; then
        tail -n 20 "$LOGDIR/haproxy.log" >&2
        warn "haproxy did not start on port $HAPROXY_PORT"
        return 1
    fi
}

# start_twemproxy: nutcracker with one redis server, one server connection.
start_twemproxy() {
    TWEMPROXY_PORT=$(free_port 10000 19999) || return 1
    local stats_port cfg="$WORK/nutcracker.yml"
    stats_port=$(free_port 10000 19999) || return 1
    cat >"$cfg" <<EOF
bench:
  listen: 127.0.0.1:$TWEMPROXY_PORT
  hash: fnv1a_64
  distribution: ketama
  redis: true
  auto_eject_hosts: false
  server_connections: 1
  timeout: 60000
  servers:
   - 127.0.0.1:$SHARD_PORT:1
EOF
    cp "$cfg" "$LOGDIR/"
    setsid taskset -c "$SERVER_CPU" nutcracker -c "$cfg" -o "$LOGDIR/nutcracker.log" -p "$WORK/nutcracker.pid" \
        -s "$stats_port" -a 127.0.0.1 >"$LOGDIR/nutcracker.out" 2>&1 &
    TWEMPROXY_PID=$!
    track "$TWEMPROXY_PID"
    if ! wait_ping "$TWEMPROXY_PORT" "$TWEMPROXY_PID" 15; then
        tail -n 20 "$LOGDIR/nutcracker.out" "$LOGDIR/nutcracker.log" >&2
        warn "nutcracker did not start on port $TWEMPROXY_PORT"
        return 1
    fi
}

# build_spinel: Release build of the node daemon; sets SPINEL_DLL. Output in $LOGDIR/spinel-build.log.
# SPINEL_NODE_DLL=/path/spinel-node.dll in the environment skips the build and runs that file instead.
build_spinel() {
    if [[ -n ${SPINEL_NODE_DLL:-} ]]; then
        SPINEL_DLL=$SPINEL_NODE_DLL
        [[ -f $SPINEL_DLL ]] && return 0
        SPINEL_WHY="SPINEL_NODE_DLL=$SPINEL_DLL does not exist"
        return 1
    fi
    SPINEL_DLL="$REPO/src/Spinel.Node/bin/Release/net10.0/spinel-node.dll"
    if ! command -v dotnet >/dev/null 2>&1; then
        SPINEL_WHY="dotnet is not installed"
        return 1
    fi
    # In the background + wait, so that a Ctrl-C runs the INT trap at once (cleanup stops the build).
    # No node reuse, no compiler server, no MSBuild server: the build leaves no process behind.
    (cd "$REPO" && exec env DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 \
        dotnet build -c Release src/Spinel.Node -nologo -nodeReuse:false -p:UseSharedCompilation=false) \
        >"$LOGDIR/spinel-build.log" 2>&1 &
    local pid=$! rc
    track "$pid"
    wait "$pid"
    rc=$?
    untrack "$pid"
    if ((rc != 0)); then
        grep -E ' error |error [A-Z]+[0-9]+' "$LOGDIR/spinel-build.log" | sort -u | head -n 15 >&2
        SPINEL_WHY="dotnet build -c Release src/Spinel.Node failed (log: spinel-build.log)"
        return 1
    fi
    if [[ ! -f "$SPINEL_DLL" ]]; then
        SPINEL_WHY="the build produced no ${SPINEL_DLL#"$REPO"/}"
        return 1
    fi
}

# start_spinel: the node daemon with a topology whose only shard belongs to node 0 (so this node's
# agent starts none) and is the shard this script started.
start_spinel() {
    SPINEL_PORT=$(free_port 10000 19999) || return 1
    local api_port dir="$WORK/spinel"
    api_port=$(free_port 10000 19999) || return 1
    mkdir -p "$dir"
    cat >"$dir/topology.json" <<EOF
{ "version": 1, "databases": [ { "uid": 1, "name": "bench", "port": $SPINEL_PORT, "endpointNodes": [1],
  "shards": [ { "uid": 1, "bdbUid": 1, "nodeUid": 0, "host": "127.0.0.1", "port": $SHARD_PORT, "role": "Master", "slots": [ { "start": 0, "end": 16383 } ] } ] } ] }
EOF
    cp "$dir/topology.json" "$LOGDIR/"
    # ASPNETCORE_URLS keeps any HTTP listener of the daemon on loopback and off the default port 5000.
    (cd "$REPO" && exec env DOTNET_gcServer=0 DOTNET_TieredPGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
        ASPNETCORE_URLS="http://127.0.0.1:$api_port" \
        setsid taskset -c "$SERVER_CPU" dotnet "$SPINEL_DLL" --Node:Mode static --Node:Uid 1 --Node:Address 127.0.0.1 \
        --Node:DataDir "$dir" --Topology:File "$dir/topology.json") >"$LOGDIR/spinel.log" 2>&1 &
    SPINEL_PID=$!
    track "$SPINEL_PID"
    if ! wait_ping "$SPINEL_PORT" "$SPINEL_PID" 60; then
        say "---- spinel-node log (last 40 lines) ----" >&2
        tail -n 40 "$LOGDIR/spinel.log" >&2
        say "----" >&2
        if alive "$SPINEL_PID"; then
            SPINEL_WHY="the endpoint 127.0.0.1:$SPINEL_PORT did not answer PING within 60 s"
        else
            SPINEL_WHY="spinel-node exited during start-up"
        fi
        stop_pid "$SPINEL_PID"
        untrack "$SPINEL_PID"
        return 1
    fi
}
