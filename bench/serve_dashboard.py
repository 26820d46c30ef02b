#!/usr/bin/python3
"""bench/serve_dashboard.py — the client and the peer of bench/serve_dashboard.sh (Python standard
library for the client; the peer is bench/report_pandas.py, Python + pandas).

  serve_dashboard.py serve URL PATH USER PASSWORD CLIENTS SECONDS
      CLIENTS signed-in clients (PROCS processes x threads, so that the client's GIL does not set the
      pace), each on its own keep-alive connection, all signed in first (a sign-in writes, which
      empties the page caches), then one GET each (the cold renders), then — all starting at the
      same moment — GET PATH back to back for SECONDS; prints
      "served N p50 P50 p99 P99 rps R" (ms; R requests per second) and exits 1 on an answer other than 200.

  serve_dashboard.py peer DB CITY DOC AS_OF RUNS
      bench/report_pandas.py's main() called RUNS times in one process (the interpreter and pandas
      loaded once, as a server computing the page per request would have them), its output dropped;
      prints "peer MEDIAN_MS" — the per-request time of the peer.
"""
import contextlib
import importlib.util
import io
import multiprocessing
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_load import Client, pct  # noqa: E402

PROCS = 4


def one_proc(args):
    host, port, path, user, password, threads, seconds, start_at = args
    lat, bad = [], [0]
    lock = threading.Lock()
    clients = []
    for _ in range(threads):          # each sign-in is a write: every worker's page cache is emptied
        c = Client(host, port)
        c.sign_in(user, password)
        clients.append(c)
    time.sleep(max(0.0, start_at - 6 - time.time()))
    for c in clients:                 # the workers' cold renders, after the last sign-in
        c.request("GET", path)
    time.sleep(max(0.0, start_at - time.time()))
    stop = time.perf_counter() + seconds

    def loop(c):
        mine, nbad = [], 0
        while time.perf_counter() < stop:
            t0 = time.perf_counter()
            st, _ = c.request("GET", path)
            mine.append((time.perf_counter() - t0) * 1000)
            nbad += st != 200
        with lock:
            lat.extend(mine)
            bad[0] += nbad

    ts = [threading.Thread(target=loop, args=(c,)) for c in clients]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return lat, bad[0]


def serve(url, path, user, password, clients, seconds):
    from urllib.parse import urlparse
    u = urlparse(url)
    per = [clients // PROCS + (1 if i < clients % PROCS else 0) for i in range(PROCS)]
    start_at = time.time() + 12
    with multiprocessing.Pool(PROCS) as pool:
        out = pool.map(one_proc, [(u.hostname, u.port, path, user, password, n, seconds, start_at) for n in per if n])
    wall = seconds
    lat = [x for o in out for x in o[0]]
    bad = sum(o[1] for o in out)
    print("served %d p50 %.2f p99 %.2f rps %.1f bad %d" % (len(lat), pct(lat, 50), pct(lat, 99), len(lat) / wall, bad))
    return 1 if bad else 0


def peer(db, city, doc, as_of, runs):
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("report_pandas", os.path.join(here, "report_pandas.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    times = []
    sys.argv = ["report_pandas.py", db, city, doc, as_of]
    for _ in range(runs):
        t0 = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            mod.main()
        times.append((time.perf_counter() - t0) * 1000)
    print("peer %.2f" % pct(times, 50))
    return 0


if __name__ == "__main__":
    a = sys.argv[1:]
    if len(a) == 7 and a[0] == "serve":
        sys.exit(serve(a[1], a[2], a[3], a[4], int(a[5]), float(a[6])))
    if len(a) == 6 and a[0] == "peer":
        sys.exit(peer(a[1], a[2], a[3], a[4], int(a[5])))
    sys.stderr.write(__doc__)
    sys.exit(2)
