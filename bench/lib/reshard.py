#!/usr/bin/env python3
"""Helpers of bench/reshard.sh: bulk load, latency client, key check, report. Raw RESP over sockets, nothing but the
Python standard library.

  reshard.py load HOST PORT PREFIX KEYS
      SET PREFIX<i> v<i> for i in 0..KEYS-1 through HOST:PORT, pipelined 1000 at a time. Prints the errors (exit 1).
  reshard.py client HOST PORT PREFIX KEYS RECORDS RATE SET_PREFIX
      One connection, RATE ops/s (fixed schedule) until SIGTERM: 80% GET PREFIX<random i < KEYS> (the value must be
      v<i>), 20% SET SET_PREFIX<j> j (j = 0, 1, ...: new keys). One line per operation appended to RECORDS:
          <t_ms> <op> <latency_us> <ok> [error text]
      t_ms: wall clock when the request was sent; ok 0 on an error reply, a wrong GET value, a timeout or a closed
      connection (the connection is then reopened). The count of SETs that succeeded is written to RECORDS.sets.
  reshard.py check HOST PORT PREFIX KEYS SET_PREFIX SETS
      DBSIZE through the endpoint, and every key read back (MGET, 1000 at a time). Prints one line:
          dbsize=<n> expected=<KEYS+SETS> missing=<loaded keys missing or wrong> sets_missing=<n>
  reshard.py report RECORDS MARKS
      MARKS: lines "<name> <start_ms> <end_ms>" (baseline, reshard 1->2, ...). Latency p50, p99, max and errors per
      window, ratios to the baseline, targets.
"""
import os
import random
import signal
import sys
import time



sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from resp import Conn, RespError  # noqa: E402  (shared with the other benchmark helpers)


def now_ms():
    return time.time_ns() // 1_000_000


def load(host, port, prefix, keys):
    conn = Conn(host, port, timeout=60)
    batch = 1000
    errors = 0
    for start in range(0, keys, batch):
        end = min(start + batch, keys)
        conn.sock.sendall(b"".join(Conn.encode("SET", "%s%d" % (prefix, i), "v%d" % i) for i in range(start, end)))
        for _ in range(end - start):
            r = conn.reply()
            if r != "OK":
                errors += 1
                if errors <= 10:
                    print("load: SET answered %r" % (r,), file=sys.stderr)
    conn.close()
    if errors:
        print("load: %d errors" % errors, file=sys.stderr)
        sys.exit(1)


def client(host, port, prefix, keys, records, rate, set_prefix):
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    out = open(records, "a", buffering=1 << 16)
    period = 1.0 / rate
    rng = random.Random(1)
    conn = None
    j = 0
    sets_ok = 0
    next_at = time.monotonic()
    while not stop:
        delay = next_at - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        next_at = max(next_at + period, time.monotonic() - 1.0)  # catch up at most 1 s of backlog
        is_set = rng.random() < 0.2
        t = now_ms()
        t0 = time.perf_counter()
        err = ""
        try:
            if conn is None:
                conn = Conn(host, port)
            if is_set:
                r = conn.call("SET", "%s%d" % (set_prefix, j), str(j))
                if r != "OK":
                    err = "SET answered %r" % (r,)
            else:
                i = rng.randrange(keys)
                r = conn.call("GET", "%s%d" % (prefix, i))
                if r != ("v%d" % i).encode():
                    err = "GET %s%d answered %r" % (prefix, i, r)
        except RespError as e:
            err = "%s: %s" % ("SET" if is_set else "GET", e)
        except (OSError, ConnectionError, ValueError) as e:
            err = "%s: %s: %s" % ("SET" if is_set else "GET", type(e).__name__, e)
            if conn is not None:
                conn.close()
            conn = None
        lat = int((time.perf_counter() - t0) * 1e6)
        if is_set:
            if not err:
                sets_ok += 1
            j += 1  # a failed SET's key is not retried (it may or may not exist)
        out.write("%d %s %d %d%s\n" % (t, "SET" if is_set else "GET", lat, 0 if err else 1,
                                        (" " + err.replace("\n", " ")[:200]) if err else ""))
    out.close()
    with open(records + ".sets", "w") as f:
        f.write("%d %d\n" % (sets_ok, j))


def check(host, port, prefix, keys, set_prefix, sets):
    conn = Conn(host, port, timeout=60)
    dbsize = conn.call("DBSIZE")
    missing = 0
    examples = []
    batch = 1000
    for start in range(0, keys, batch):
        end = min(start + batch, keys)
        values = conn.call("MGET", *["%s%d" % (prefix, i) for i in range(start, end)])
        for i, v in zip(range(start, end), values):
            if v != ("v%d" % i).encode():
                missing += 1
                if len(examples) < 5:
                    examples.append("%s%d=%r" % (prefix, i, v))
    conn.close()
    print("dbsize=%d expected=%d missing=%d" % (dbsize, keys + sets, missing))
    if examples:
        print("examples of missing or wrong keys: " + " ".join(examples), file=sys.stderr)


def pct(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def report(records, marks):
    recs = []
    with open(records) as f:
        for line in f:
            parts = line.split(" ", 4)
            if len(parts) < 4:
                continue
            recs.append((int(parts[0]), parts[1], int(parts[2]), parts[3].strip() == "1",
                         parts[4].strip() if len(parts) > 4 else ""))
    windows = []
    with open(marks) as f:
        for line in f:
            name, a, b = line.split()
            windows.append((name, int(a), int(b)))
    stats = []
    for name, a, b in windows:
        sel = [r for r in recs if a <= r[0] <= b]
        lats = sorted(r[2] / 1000.0 for r in sel)
        errs = [r for r in sel if not r[3]]
        starts = sorted(r[0] for r in sel)
        gap = max((y - x for x, y in zip(starts, starts[1:])), default=0)
        stats.append((name, b - a, len(sel), pct(lats, 50), pct(lats, 99), lats[-1] if lats else float("nan"), errs,
                      gap))
    base = stats[0]
    print("%-14s %8s %7s %6s %9s %9s %9s %7s %8s   %s" % ("window", "length", "ops", "ops/s", "p50", "p99", "max",
                                                          "errors", "max gap", "during/baseline (p50, p99, max)"))
    for name, length, n, p50, p99, mx, errs, gap in stats:
        ratio = "" if name == base[0] else "%.2f, %.2f, %.2f" % (p50 / base[3], p99 / base[4], mx / base[5])
        print("%-14s %7.1fs %7d %6.0f %7.2fms %7.2fms %7.1fms %7d %6dms   %s"
              % (name, length / 1000.0, n, n * 1000.0 / max(length, 1), p50, p99, mx, len(errs), gap, ratio))
    print("(max gap: the longest time between two successive requests' sends, the client's own stalls included; the"
          " client sends at a fixed rate, so fewer ops/s than asked means it was held up)")
    print()
    for name, length, n, p50, p99, mx, errs, gap in stats[1:]:
        if not name.startswith("reshard"):
            continue
        print("%-14s targets: errors 0: %s (%d);  p99 < 10 ms: %s (%.2f ms, %.2f of target);"
              "  max < 500 ms: %s (%.1f ms, %.2f of target)"
              % (name, "met" if not errs else "NOT met", len(errs), "met" if p99 < 10 else "NOT met", p99, p99 / 10,
                 "met" if mx < 500 else "NOT met", mx, mx / 500))
    all_errs = [r for r in recs if not r[3]]
    if all_errs:
        print()
        print("client errors (%d in all), first 10:" % len(all_errs))
        for r in all_errs[:10]:
            print("  %d %s %s" % (r[0], r[1], r[4]))
    slow = sorted(recs, key=lambda r: -r[2])[:5]
    print()
    print("slowest operations: " + ", ".join("%s %.1f ms at %s" % (r[1], r[2] / 1000.0,
                                                                     time.strftime("%H:%M:%S", time.gmtime(r[0] / 1000))
                                                                     + ".%03d" % (r[0] % 1000)) for r in slow))


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    a = sys.argv[2:]
    if mode == "load" and len(a) == 4:
        load(a[0], int(a[1]), a[2], int(a[3]))
    elif mode == "client" and len(a) == 7:
        client(a[0], int(a[1]), a[2], int(a[3]), a[4], float(a[5]), a[6])
    elif mode == "check" and len(a) == 6:
        check(a[0], int(a[1]), a[2], int(a[3]), a[4], int(a[5]))
    elif mode == "report" and len(a) == 2:
        report(a[0], a[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
