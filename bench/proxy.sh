#!/usr/bin/env bash
# Compares, in one interleaved run, redis-benchmark against: the redis-server shard itself (direct),
# haproxy (TCP relay), twemproxy (nutcracker) and the Spinel proxy, all in front of the same shard.
# Servers are pinned to CPU 0, redis-benchmark to CPU 1. See bench/README.md.
set -uo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
# shellcheck source=lib/common.sh
. "$BENCH_DIR/lib/common.sh"
# shellcheck source=lib/targets.sh
. "$BENCH_DIR/lib/targets.sh"

ALL_WORKLOADS="c50 c50_p16 c1 c500 lrange"
TARGETS="direct haproxy twemproxy spinel"
ROUNDS=3
QUICK=0
ONLY=""
OUT=""
CLIENT_CPU=1

usage() {
    cat <<EOF
usage: bench/proxy.sh [--rounds N] [--quick] [--only W1,W2] [--out DIR]
  --rounds N   rounds of the interleaved targets (default 3)
  --quick      smoke run: fewer requests, 1 round (unless --rounds is given)
  --only LIST  workloads to run, comma-separated, from: ${ALL_WORKLOADS// /,}
  --out DIR    keep raw logs (benchmark CSVs, server logs, configs, results.tsv) in DIR
Targets: $TARGETS. Servers on CPU $SERVER_CPU, redis-benchmark on CPU $CLIENT_CPU.
EOF
}

ROUNDS_SET=0
while (($#)); do
    case $1 in
        --rounds) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--rounds needs a positive integer"; ROUNDS=$2; ROUNDS_SET=1; shift 2 ;;
        --rounds=*) ROUNDS=${1#*=}; [[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "--rounds needs a positive integer"; ROUNDS_SET=1; shift ;;
        --quick) QUICK=1; shift ;;
        --only) [[ -n ${2:-} ]] || die "--only needs a list"; ONLY=$2; shift 2 ;;
        --only=*) ONLY=${1#*=}; shift ;;
        --out) [[ -n ${2:-} ]] || die "--out needs a directory"; OUT=$2; shift 2 ;;
        --out=*) OUT=${1#*=}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done
((QUICK && !ROUNDS_SET)) && ROUNDS=1

WORKLOADS=$ALL_WORKLOADS
if [[ -n $ONLY ]]; then
    WORKLOADS=""
    for w in ${ONLY//,/ }; do
        [[ " $ALL_WORKLOADS " == *" $w "* ]] || die "unknown workload '$w' (known: ${ALL_WORKLOADS// /,})"
        WORKLOADS+="${WORKLOADS:+ }$w"
    done
fi

# workload_args NAME: the redis-benchmark arguments of a workload (-n smaller with --quick).
workload_args() {
    local q=$QUICK
    case $1 in
        c50)     echo "-t set,get -c 50 -n $((q ? 20000 : 200000)) -r 100000" ;;
        c50_p16) echo "-t set,get -c 50 -n $((q ? 100000 : 1000000)) -r 100000 -P 16" ;;
        c1)      echo "-t set,get -c 1 -n $((q ? 2000 : 20000)) -r 100000" ;;
        c500)    echo "-t set,get -c 500 -n $((q ? 20000 : 200000)) -r 100000" ;;
        lrange)  echo "-t lrange_100 -c 50 -n $((q ? 10000 : 100000))" ;;
    esac
}

# ---- prerequisites -------------------------------------------------------------------------------
check_prereqs() {
    local pairs="redis-server:redis-server redis-cli:redis-tools redis-benchmark:redis-tools
        haproxy:haproxy nutcracker:nutcracker taskset:util-linux timeout:coreutils"
    local pair missing=""
    for pair in $pairs; do
        command -v "${pair%%:*}" >/dev/null 2>&1 \
            || [[ " $missing " == *" ${pair#*:} "* ]] || missing+="${missing:+ }${pair#*:}"
    done
    [[ -z $missing ]] && return 0
    if ((EUID != 0)); then
        die "missing packages: $missing (install them: sudo apt-get install -y $missing)"
    fi
    say "installing missing packages: $missing"
    # Keep the packages' postinst from starting system services (a redis on 6379, a haproxy, a
    # nutcracker on 22222) where no policy exists yet; the policy file is removed right after.
    local policy=/usr/sbin/policy-rc.d made_policy=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && made_policy=1
    fi
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y $missing \
        || { DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $missing; }
    local rc=$?
    ((made_policy)) && rm -f "$policy"
    ((rc == 0)) || die "apt-get install -y $missing failed"
}
export PATH="$PATH:/usr/sbin:/sbin"    # haproxy and nutcracker live in /usr/sbin
check_prereqs
(($(nproc) >= 2)) || warn "fewer than 2 CPUs: servers and redis-benchmark will share CPU 0"
if (($(nproc) < 2)); then CLIENT_CPU=0; fi

# ---- scratch space, logs, cleanup ----------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/spinel-bench.XXXXXX") || die "mktemp failed"
trap cleanup EXIT
trap 'say "interrupted" >&2; exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
if [[ -n $OUT ]]; then
    mkdir -p "$OUT" || die "cannot create $OUT"
    LOGDIR=$(cd "$OUT" && pwd)
else
    LOGDIR="$WORK/logs"
    mkdir -p "$LOGDIR"
fi
RESULTS="$LOGDIR/results.tsv"
: >"$RESULTS"
# c500 needs ~1000 descriptors per proxy; raise the soft limit as far as allowed.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# ---- versions ------------------------------------------------------------------------------------
print_versions() {
    say "== versions"
    say "redis-server:    $(redis-server --version 2>&1 | head -n 1)"
    say "redis-benchmark: $(redis-benchmark --version 2>&1 | head -n 1)"
    say "haproxy:         $(haproxy -v 2>&1 | head -n 1)"
    say "nutcracker:      $(nutcracker --version 2>&1 | head -n 1)"
    say "dotnet:          $(dotnet --version 2>/dev/null || echo 'not installed')"
    say "git commit:      $(git -C "$REPO" describe --always --dirty --abbrev=12 2>/dev/null || echo unknown)"
    say "machine:         $(nproc) CPUs, $(uname -r); servers on CPU $SERVER_CPU, redis-benchmark on CPU $CLIENT_CPU"
    say "rounds: $ROUNDS, workloads: $WORKLOADS$( ((QUICK)) && echo ' (quick)')"
    say "load average:    $(cut -d' ' -f1-3 /proc/loadavg) (at start)"
}
print_versions

# ---- build and start everything ------------------------------------------------------------------
SPINEL_OK=0
SPINEL_WHY=""
say "== building spinel-node (Release)"
if build_spinel; then
    SPINEL_OK=1
    say "using ${SPINEL_DLL#"$REPO"/}"
else
    warn "spinel will be n/a: $SPINEL_WHY"
fi

say "== starting servers"
start_shard
say "shard     redis-server  127.0.0.1:$SHARD_PORT (pid $SHARD_PID)"
HAPROXY_OK=0; TWEMPROXY_OK=0
if start_haproxy; then HAPROXY_OK=1; say "haproxy   127.0.0.1:$HAPROXY_PORT (pid $HAPROXY_PID)"; fi
if start_twemproxy; then TWEMPROXY_OK=1; say "twemproxy 127.0.0.1:$TWEMPROXY_PORT (pid $TWEMPROXY_PID)"; fi
if ((SPINEL_OK)); then
    if start_spinel; then
        say "spinel    127.0.0.1:$SPINEL_PORT (pid $SPINEL_PID)"
    else
        SPINEL_OK=0
        warn "spinel will be n/a: $SPINEL_WHY (log: spinel.log)"
    fi
fi

# target_port / target_pid / target_ok NAME
target_port() { case $1 in direct) echo "$SHARD_PORT" ;; haproxy) echo "$HAPROXY_PORT" ;; twemproxy) echo "$TWEMPROXY_PORT" ;; spinel) echo "$SPINEL_PORT" ;; esac; }
target_pid()  { case $1 in direct) echo "$SHARD_PID" ;; haproxy) echo "$HAPROXY_PID" ;; twemproxy) echo "$TWEMPROXY_PID" ;; spinel) echo "$SPINEL_PID" ;; esac; }
target_ok() {
    case $1 in
        direct) alive "$SHARD_PID" || die "the shard died (log: shard.log)" ;;
        haproxy) ((HAPROXY_OK)) || return 1 ;;
        twemproxy) ((TWEMPROXY_OK)) || return 1 ;;
        spinel) ((SPINEL_OK)) || return 1 ;;
    esac
    if ! alive "$(target_pid "$1")"; then
        warn "$1 exited; it is n/a from now on"
        case $1 in
            haproxy) HAPROXY_OK=0 ;;
            twemproxy) TWEMPROXY_OK=0 ;;
            spinel) SPINEL_OK=0; SPINEL_WHY="spinel-node exited during the run (log: spinel.log)" ;;
        esac
        return 1
    fi
}

# bench_run TARGET LOGFILE ARGS...: redis-benchmark --csv against TARGET, pinned to the client CPU.
bench_run() {
    local target=$1 log=$2; shift 2
    taskset -c "$CLIENT_CPU" timeout --foreground 900 redis-benchmark -h 127.0.0.1 -p "$(target_port "$target")" "$@" --csv \
        >"$log" 2>"$log.err"
    local rc=$?
    # redis-benchmark catches SIGINT and exits 130, so bash never runs its INT trap: exit here.
    if ((rc == 130)); then say "interrupted" >&2; exit 130; fi
    return "$rc"
}

# ---- warm-up (JIT tiering, connection pools, allocator) and the list for lrange --------------------
say "== warm-up"
for t in $TARGETS; do
    target_ok "$t" || continue
    bench_run "$t" "$LOGDIR/warmup-$t.csv" -t set,get -c 50 -n $((QUICK ? 10000 : 50000)) -r 100000 \
        || warn "warm-up against $t failed (see warmup-$t.csv.err)"
    bench_run "$t" "$LOGDIR/warmup-$t-p16.csv" -t set,get -c 50 -P 16 -n $((QUICK ? 50000 : 200000)) -r 100000 \
        || warn "pipelined warm-up against $t failed"
done
if [[ " $WORKLOADS " == *" lrange "* ]]; then
    bench_run direct "$LOGDIR/lpush-fill.csv" -t lpush -c 50 -n 10000 || warn "filling the list failed"
    say "list for lrange_100: $(redis-cli -h 127.0.0.1 -p "$SHARD_PORT" LLEN mylist) elements"
fi

# ---- the interleaved rounds ----------------------------------------------------------------------
# results.tsv: round workload test target rps p50_us
record() {
    local round=$1 workload=$2 target=$3 csv=$4
    awk -F'","' -v r="$round" -v w="$workload" -v t="$target" '
        NR > 1 && NF >= 5 {
            name = $1; sub(/^"/, "", name)
            if (name ~ /^LPUSH \(needed/) next
            split(name, parts, " "); test = tolower(parts[1])
            printf "%s\t%s\t%s\t%s\t%s\t%.0f\n", r, w, test, t, $2, $5 * 1000
        }' "$csv" >>"$RESULTS"
}

say "== running: $ROUNDS round(s) x [$WORKLOADS] x [$TARGETS], interleaved"
for ((round = 1; round <= ROUNDS; round++)); do
    for w in $WORKLOADS; do
        read -r -a args <<<"$(workload_args "$w")"
        for t in $TARGETS; do
            line=$(printf 'round %d/%d %-8s %-9s' "$round" "$ROUNDS" "$w" "$t")
            if ! target_ok "$t"; then say "$line n/a"; continue; fi
            csv="$LOGDIR/r$round-$w-$t.csv"
            if bench_run "$t" "$csv" "${args[@]}" && [[ $(wc -l <"$csv") -ge 2 ]]; then
                record "$round" "$w" "$t" "$csv"
                say "$line $(awk -F'","' 'NR > 1 && $1 !~ /LPUSH/ { n = $1; sub(/^"/, "", n); split(n, p, " "); printf "%s %.0f/s p50 %.0fus  ", tolower(p[1]), $2, $5 * 1000 }' "$csv")"
            else
                say "$line FAILED (see $(basename "$csv").err)"
                tail -n 3 "$csv.err" >&2
            fi
        done
    done
done

# ---- report --------------------------------------------------------------------------------------
say ""
say "== results ($ROUNDS round(s); targets in front of the same redis-server shard)"
awk -v targets="$TARGETS" -v latency_workloads="c1" -f "$BENCH_DIR/lib/report.awk" "$RESULTS"
if ((!SPINEL_OK)) && [[ -n $SPINEL_WHY ]]; then
    say ""
    say "spinel: n/a ($SPINEL_WHY)"
fi
say "load average: $(cut -d' ' -f1-3 /proc/loadavg) (at end; above ~2 on 2 CPUs, other work competed with the run)"
[[ -n $OUT ]] && say "raw logs in $LOGDIR"
exit 0
