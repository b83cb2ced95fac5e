# shellcheck shell=bash
# Helpers shared by the bench scripts: logging, process tracking and cleanup, free ports, readiness.
# Sourced, not executed. Expects WORK (scratch dir) and LOGDIR to be set by the caller.

BENCH_PIDS=()        # pids of every long-running child we started, in start order
BENCH_PORTS=()       # ports handed out by free_port (not yet bound, maybe)

say()  { printf '%s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die()  { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# track PID: remember a background child so that cleanup stops it.
track() { BENCH_PIDS+=("$1"); }

# untrack PID: forget a child that has been waited for (its pid may be reused later).
untrack() {
    local i
    for i in "${!BENCH_PIDS[@]}"; do [[ ${BENCH_PIDS[i]} == "$1" ]] && unset 'BENCH_PIDS[i]'; done
    BENCH_PIDS=("${BENCH_PIDS[@]}")
}

alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# stop_pid PID: TERM, wait up to 5 s, then KILL. Only ever used on our own children.
stop_pid() {
    local pid=$1 i
    alive "$pid" || { wait "$pid" 2>/dev/null; return 0; }
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < 50; i++)); do
        alive "$pid" || break
        sleep 0.1
    done
    alive "$pid" && kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 0
}

# cleanup: stop every tracked child (newest first) and remove the scratch dir. Runs on EXIT.
cleanup() {
    local i
    trap - INT TERM HUP
    for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do
        stop_pid "${BENCH_PIDS[i]}"
    done
    BENCH_PIDS=()
    if [[ -n "${WORK:-}" && -d "$WORK" ]]; then
        rm -rf -- "$WORK"
    fi
}

# port_in_use PORT: true if any TCP socket on this machine uses PORT locally.
port_in_use() {
    local p=$1
    if command -v ss >/dev/null 2>&1; then
        [[ -n "$(ss -Htan "( sport = :$p )" 2>/dev/null)" ]]
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null
    fi
}

# free_port LO HI: print a port in [LO, HI] that nothing uses and that we have not handed out yet.
free_port() {
    local lo=$1 hi=$2 p tries used q
    for ((tries = 0; tries < 500; tries++)); do
        p=$((lo + (RANDOM * 32768 + RANDOM) % (hi - lo + 1)))
        used=0
        for q in "${BENCH_PORTS[@]}"; do [[ $q == "$p" ]] && used=1 && break; done
        ((used)) && continue
        port_in_use "$p" && continue
        BENCH_PORTS+=("$p")
        printf '%s\n' "$p"
        return 0
    done
    return 1
}

# ping_ok PORT: the endpoint answers PING with PONG within 2 s.
ping_ok() {
    [[ "$(timeout 2 redis-cli -h 127.0.0.1 -p "$1" PING 2>/dev/null)" == PONG ]]
}

# wait_ping PORT PID TIMEOUT_S: wait until PORT answers PONG; fail early if PID died.
wait_ping() {
    local port=$1 pid=$2 limit=$3 start=$SECONDS
    while ((SECONDS - start < limit)); do
        alive "$pid" || return 1
        ping_ok "$port" && return 0
        sleep 0.2
    done
    return 1
}
