#!/usr/bin/env python3
"""Helpers of bench/failover.sh: load generator, loss check, redundancy check, report. Raw RESP over sockets,
nothing but the Python standard library.

  failover.py load HOST PORT PREFIX RECORDS [WAIT_MS] [MAX_RATE]
      Loops SET PREFIX<i> <i> then WAIT 1 WAIT_MS through the endpoint HOST:PORT until SIGTERM. A SET that fails
      (error reply, closed connection, timeout) is retried, same key, same value, after a few ms, as an application
      would retry it: so the client is stuck on a shard that is down and the gap between two successful writes is
      what it really went through. One line per attempt is appended to RECORDS:
          <i> <t_ms> <set_ok> <wait> <done_ms> <first_ms>
      t_ms is the wall clock (ms since the epoch) when the SET answer (or failure) arrived, set_ok 1 or 0, wait the
      count WAIT returned (-1: WAIT failed or was not sent), done_ms when the client was done with the attempt
      (WAIT answered; t_ms for a failed SET), first_ms when the first attempt at this key was sent. Errors go to
      RECORDS.errors (first 2000).
  failover.py verify HOST PORT PREFIX RECORDS
      Reads every key whose SET succeeded back through HOST:PORT (MGET, 500 keys at a time) and prints one line:
          acked=<n> acked_lost=<n> master_only=<n> master_only_lost=<n> wait_failed=<n> wait_failed_lost=<n>
      acked: WAIT returned >= 1; master_only: WAIT returned 0; wait_failed: SET OK but WAIT failed.
      The lost keys' numbers go to RECORDS.lost.
  failover.py shards SHARDS_JSON
      One line per shard of GET /v1/bdbs/<uid>/shards: <uid> <node_uid> <role> <assigned_slots>.
  failover.py redundant SHARDS_JSON MASTERS NODE_UID=ADDR=DATADIR...
      Exit 0 when the database has full redundancy: MASTERS masters and as many replicas, each on one of the
      listed (live) nodes, each redis-server (port from DATADIR/shards/<uid>/redis.conf) in the role the store
      gives it, and every replica's link up to the master of its slots. Otherwise prints why and exits 1.
  failover.py report RECORDS EPISODES VERIFY_LINE
      Unavailability per kill and the summary; EPISODES has one line per kill:
          <kind> <n> <kill_ms> <end_ms> <description...>
      unavailability = the longest gap between two successive successful SETs from the last one before kill_ms
      up to end_ms (the moment the database was back to full redundancy). The WAIT between two SETs is part of
      the gap: while a new master has no replica yet, WAIT 1 500 runs out its 500 ms every time, so the gap is
      at least that long until the old master is back as a replica. Printed beside it: the longest a single SET
      took from its first attempt to its success (retries, proxy holds), which is what a write went through.
"""
import bisect
import json
import os
import signal
import statistics
import sys
import time

CONNECT_TIMEOUT = 1.0
# Longer than any hold the proxy may apply during a failover; a request that waits longer counts as failed.
IO_TIMEOUT = 10.0


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from resp import Conn, RespError  # noqa: E402  (shared with the other benchmark helpers)


def now_ms():
    return time.time_ns() // 1_000_000


def load(host, port, prefix, records, wait_ms=500, max_rate=0):
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    out = open(records, "a", buffering=1)
    errors = open(records + ".errors", "a", buffering=1)
    error_count = 0
    period = 1.0 / max_rate if max_rate > 0 else 0.0
    conn = None
    i = 0
    first_sent = None  # when the first attempt at key i was sent
    next_at = time.monotonic()

    def note(text):
        nonlocal error_count
        error_count += 1
        if error_count <= 2000:
            errors.write("%d %d %s\n" % (now_ms(), i, text.replace("\n", " ")))

    while not stop:
        if period:
            delay = next_at - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            next_at = max(next_at + period, time.monotonic())
        if first_sent is None:
            first_sent = now_ms()
        if conn is None:
            try:
                conn = Conn(host, port, timeout=IO_TIMEOUT, connect_timeout=CONNECT_TIMEOUT)
            except OSError as e:
                note("connect: %s" % e)
                t = now_ms()
                out.write("%d %d 0 -1 %d %d\n" % (i, t, t, first_sent))
                time.sleep(0.02)
                continue
        try:
            conn.call("SET", prefix + str(i), str(i))
        except RespError as e:
            note("SET: %s" % e)
            t = now_ms()
            out.write("%d %d 0 -1 %d %d\n" % (i, t, t, first_sent))
            time.sleep(0.005)
            continue
        except (OSError, ConnectionError, ValueError) as e:
            note("SET: %s: %s" % (type(e).__name__, e))
            t = now_ms()
            out.write("%d %d 0 -1 %d %d\n" % (i, t, t, first_sent))
            conn.close()
            conn = None
            time.sleep(0.005)
            continue
        t = now_ms()
        try:
            count = conn.call("WAIT", 1, wait_ms)
            count = count if isinstance(count, int) else -1
        except RespError as e:
            note("WAIT: %s" % e)
            count = -1
        except (OSError, ConnectionError, ValueError) as e:
            note("WAIT: %s: %s" % (type(e).__name__, e))
            count = -1
            conn.close()
            conn = None
        out.write("%d %d 1 %d %d %d\n" % (i, t, count, now_ms(), first_sent))
        i += 1
        first_sent = None
    out.close()
    errors.close()


def verify(host, port, prefix, records):
    final = {}  # key number -> WAIT count of its successful SET
    with open(records) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 6 and parts[2] == "1":
                final[int(parts[0])] = int(parts[3])
    conn = Conn(host, port, timeout=IO_TIMEOUT, connect_timeout=CONNECT_TIMEOUT)
    keys = sorted(final)
    lost = []
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        values = conn.call("MGET", *[prefix + str(k) for k in chunk])
        for k, v in zip(chunk, values):
            if v != str(k).encode():
                lost.append(k)
    conn.close()
    lost_set = set(lost)
    groups = {
        "acked": [k for k in keys if final[k] >= 1],
        "master_only": [k for k in keys if final[k] == 0],
        "wait_failed": [k for k in keys if final[k] < 0],
    }
    with open(records + ".lost", "w") as f:
        for name, group in groups.items():
            for k in group:
                if k in lost_set:
                    f.write("%s %d\n" % (name, k))
    print(" ".join("%s=%d %s_lost=%d" % (name, len(g), name, sum(1 for k in g if k in lost_set))
                   for name, g in groups.items()))


def read_shards(path):
    with open(path) as f:
        data = json.load(f)
    if not isinstance(data, list):
        raise ValueError("not a shard list: %s" % json.dumps(data)[:300])
    return [(int(s["uid"]), int(s["node_uid"]), s["role"], s.get("assigned_slots", "")) for s in data]


def shards(path):
    for uid, node, role, slots in read_shards(path):
        print(uid, node, role, slots)


def shard_port(datadir, uid):
    try:
        with open(os.path.join(datadir, "shards", str(uid), "redis.conf")) as f:
            for line in f:
                if line.startswith("port "):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def info_replication(host, port):
    try:
        conn = Conn(host, port, timeout=IO_TIMEOUT, connect_timeout=CONNECT_TIMEOUT)
        conn.sock.settimeout(2.0)
        text = conn.call("INFO", "replication")
        conn.close()
    except (OSError, ConnectionError, RespError, ValueError):
        return None
    fields = {}
    for line in (text or b"").decode(errors="replace").splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            fields[k.strip()] = v.strip()
    return fields


def redundant(path, masters, nodes):
    live = {}
    for spec in nodes:
        uid, addr, datadir = spec.split("=", 2)
        live[int(uid)] = (addr, datadir)
    try:
        all_shards = read_shards(path)
    except (OSError, ValueError, KeyError) as e:
        print("no shard list: %s" % e)
        return 1
    ms = [s for s in all_shards if s[2] == "master"]
    rs = [s for s in all_shards if s[2] != "master"]
    if len(ms) != masters or len(rs) != masters:
        print("%d masters and %d replicas in the store, %d of each expected" % (len(ms), len(rs), masters))
        return 1
    where = {}
    for uid, node, role, slots in all_shards:
        if node not in live:
            print("shard %d (%s) is on node %d, which is down" % (uid, role, node))
            return 1
        addr, datadir = live[node]
        port = shard_port(datadir, uid)
        if port is None:
            print("shard %d has no redis.conf on node %d" % (uid, node))
            return 1
        where[uid] = (addr, port)
    master_of = {slots: where[uid] for uid, node, role, slots in ms}
    for uid, node, role, slots in all_shards:
        addr, port = where[uid]
        info = info_replication(addr, port)
        if info is None:
            print("shard %d (%s:%d) does not answer" % (uid, addr, port))
            return 1
        want = "master" if role == "master" else "slave"
        if info.get("role") != want:
            print("shard %d (%s:%d) is %s, the store says %s" % (uid, addr, port, info.get("role"), role))
            return 1
        if want == "slave":
            if info.get("master_link_status") != "up":
                print("replica %d (%s:%d) link is %s" % (uid, addr, port, info.get("master_link_status")))
                return 1
            mhost, mport = master_of.get(slots, (None, None))
            if (info.get("master_host"), info.get("master_port")) != (mhost, str(mport)):
                print("replica %d (%s:%d) follows %s:%s, its master is %s:%s"
                      % (uid, addr, port, info.get("master_host"), info.get("master_port"), mhost, mport))
                return 1
    return 0


def fmt_ms(ms):
    return "%.0f ms" % ms if ms < 10_000 else "%.1f s" % (ms / 1000)


def report(records, episodes, verify_line):
    ok = []  # (t_ms, first_ms) of every successful SET: when it succeeded, when its first attempt was sent
    with open(records) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 6 and parts[2] == "1":
                ok.append((int(parts[1]), int(parts[5])))
    ok.sort()
    ok_times = [t for t, _ in ok]

    gaps = {"shard": [], "node": []}
    stalls = {"shard": [], "node": []}
    leaders = 0
    with open(episodes) as f:
        for line in f:
            parts = line.split(None, 4)
            if len(parts) < 4:
                continue
            kind, n, kill, end = parts[0], parts[1], int(parts[2]), int(parts[3])
            what = parts[4].strip() if len(parts) > 4 else ""
            lo = bisect.bisect_right(ok_times, kill)
            hi = bisect.bisect_right(ok_times, end)
            window = ([ok_times[lo - 1]] if lo > 0 else [kill]) + ok_times[lo:hi]
            if hi == lo:
                window.append(end)  # nothing succeeded after the kill: unavailable until the end
            gap, since = max(((b - a, a) for a, b in zip(window, window[1:])), default=(0, kill))
            # The longest a single SET took, from its first attempt to its success (retries and holds included).
            stall = max((t - first for t, first in ok[lo:hi]), default=end - kill)
            gaps[kind].append(gap)
            stalls[kind].append(stall)
            leaders += "[Raft leader]" in what
            print("%-5s kill %2s: unavailable %7s (no write from %+d ms to %+d ms of the kill; longest SET %s); %s"
                  % (kind, n, fmt_ms(gap), since - kill, since + gap - kill, fmt_ms(stall), what))
    print()
    targets = {"shard": 1000, "node": 3000}
    for kind in ("shard", "node"):
        g = gaps[kind]
        if not g:
            print("%-5s kill: none done" % kind)
            continue
        med, mx = statistics.median(g), max(g)
        print("%-5s kill (%d%s): unavailability median %s, max %s   target < %d s: %s (median/target %.2f, max/target %.2f)"
              % (kind, len(g), ", %d of the Raft leader" % leaders if kind == "node" and leaders else "",
                 fmt_ms(med), fmt_ms(mx), targets[kind] // 1000,
                 "met" if mx < targets[kind] else ("median met, max not" if med < targets[kind] else "NOT met"),
                 med / targets[kind], mx / targets[kind]))
        print("%-5s       longest single SET (first attempt to success, retries and proxy holds included):"
              " median %s, max %s" % ("", fmt_ms(statistics.median(stalls[kind])), fmt_ms(max(stalls[kind]))))
    v = dict(item.split("=") for item in verify_line.split())
    print("WAIT-acknowledged writes lost: %s of %s   target 0: %s"
          % (v["acked_lost"], v["acked"], "met" if v["acked_lost"] == "0" else "NOT met"))
    print("writes acknowledged by the master only (SET OK, WAIT 1 returned 0) lost: %s of %s;"
          " SET OK but WAIT failed: %s of %s lost"
          % (v["master_only_lost"], v["master_only"], v["wait_failed_lost"], v["wait_failed"]))
    failed = sum(1 for line in open(records) if line.split()[2:3] == ["0"])
    kinds = {}
    try:
        with open(records + ".errors") as f:
            for line in f:
                text = line.split(" ", 2)[2].strip() if line.count(" ") >= 2 else line.strip()
                text = text[:90]
                kinds[text] = kinds.get(text, 0) + 1
    except OSError:
        pass
    print("client: %d failed SET attempts (retried); errors seen (first 2000), by message:" % failed)
    for text, count in sorted(kinds.items(), key=lambda kv: -kv[1])[:8]:
        print("  %5d  %s" % (count, text))
    print("reference, with their defaults: Redis Cluster ~16 s (cluster-node-timeout 15 s),"
          " Redis Sentinel ~30 s (down-after-milliseconds 30 s)")


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    args = sys.argv[2:]
    if mode == "load" and len(args) >= 4:
        load(args[0], int(args[1]), args[2], args[3],
             int(args[4]) if len(args) > 4 else 500, float(args[5]) if len(args) > 5 else 0)
    elif mode == "verify" and len(args) == 4:
        verify(args[0], int(args[1]), args[2], args[3])
    elif mode == "shards" and len(args) == 1:
        shards(args[0])
    elif mode == "redundant" and len(args) >= 2:
        sys.exit(redundant(args[0], int(args[1]), args[2:]))
    elif mode == "report" and len(args) == 3:
        report(args[0], args[1], args[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
