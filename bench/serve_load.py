#!/usr/bin/python3
"""bench/serve_load.py — the client of bench/serve_load.sh (Python standard library only:
threads + http.client). Two steps:

  serve_load.py run URL CITY UNITS_TSV READERS N OUT_JSON
      every unit of UNITS_TSV (lines: user TAB unit TAB field TAB kind TAB measure, from
      bench/serve_load_units.lua; password = user name + "-secret") signs in, reads its 报送 page for the CSRF
      token and the round, and — all units starting together — posts N saves, each a different value
      in its field (kind value: a number; kind text: a 本月进展 text); READERS (comma-separated user
      names) GET the 驾驶舱 /city/CITY/ continuously until the last save is done. Prints p50/p99/max
      latency and throughput of the saves and of the reads; writes what was sent to OUT_JSON.
      Exit 1 when any save is answered other than 303, or any read other than 200.

  serve_load.py check DB OUT_JSON
      after the server stopped: every save is in the database exactly once (one batch per save by
      that unit's user, each batch holding the figure or text that save sent), each unit's current
      figure or text is its last save's, and PRAGMA integrity_check is ok. Exit 1 otherwise.
"""
import http.client
import json
import re
import sqlite3
import sys
import threading
import time
import urllib.parse


def pct(xs, p):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


class Client:
    """One browser: a keep-alive connection and its cookies."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.conn = http.client.HTTPConnection(host, port, timeout=60)
        self.cookies = {}

    def request(self, method, path, form=None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                res = self.conn.getresponse()
                data = res.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                if attempt == 2:
                    raise
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        for k, v in res.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return res.status, data.decode("utf-8", "replace")

    def sign_in(self, name, password):
        st, page = self.request("GET", "/login")
        m = re.search(r'name="csrf" value="([^"]+)"', page)
        if st != 200 or not m:
            raise RuntimeError("GET /login: %d" % st)
        st, page = self.request("POST", "/login", {"csrf": m.group(1), "name": name, "password": password,
                                                   "next": "/"})
        if st != 303 or "policytk_session" not in self.cookies:
            raise RuntimeError("sign-in of %s: %d %s" % (name, st, page[:200]))


def hidden(page, name):
    m = re.search(r'name="%s" value="([^"]*)"' % re.escape(name), page)
    return m and m.group(1)


def run(url, city, units_tsv, readers, n, out_json):
    u = urllib.parse.urlparse(url)
    host, port = u.hostname, u.port
    units = [line.rstrip("\n").split("\t") for line in open(units_tsv, encoding="utf-8") if line.strip()]
    start = threading.Barrier(len(units) + 1)
    saves, reads, bad, sent, errors = [], [], [], {}, []
    lock = threading.Lock()
    done = threading.Event()

    def value(kind, measure, k):
        if kind == "text":
            return "第%d次报送：本月按计划推进，完成阶段任务。" % k
        if "%" in measure:
            return "%.3f" % (50 + k / 1000.0)
        return str(100000 + k)

    def unit_thread(user, unit, field, kind, measure):
        try:
            c = Client(host, port)
            c.sign_in(user, user + "-secret")
            st, page = c.request("GET", "/city/%s/submit" % city)
            csrf, rnd = hidden(page, "csrf"), hidden(page, "round")
            if st != 200 or not csrf or not rnd:
                raise RuntimeError("%s: 报送 page %d without csrf/round" % (unit, st))
        except Exception as e:  # noqa: BLE001 — reported, the barrier broken so that all stop
            errors.append("%s: %s" % (user, e))
            start.abort()
            return
        values, lat, mine = [], [], []
        try:
            start.wait()
        except threading.BrokenBarrierError:
            return
        for k in range(1, n + 1):
            v = value(kind, measure, k)
            t0 = time.perf_counter()
            st, body = c.request("POST", "/city/%s/submit" % city, {"csrf": csrf, "round": rnd, field: v})
            dt = (time.perf_counter() - t0) * 1000
            lat.append(dt)
            values.append(v)
            if st != 303:
                mine.append({"unit": unit, "k": k, "status": st, "busy": bool(re.search(r"busy|locked|繁忙|锁", body)),
                             "body": re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))[:300]})
        with lock:
            saves.extend(lat)
            bad.extend(mine)
            sent[user] = {"unit": unit, "field": field, "kind": kind, "values": values}

    def reader_thread(user):
        try:
            c = Client(host, port)
            c.sign_in(user, user + "-secret")
        except Exception as e:  # noqa: BLE001
            errors.append("%s: %s" % (user, e))
            start.abort()
            return
        lat, mine = [], []
        while not done.is_set():
            t0 = time.perf_counter()
            st, _ = c.request("GET", "/city/%s/" % city)
            lat.append((time.perf_counter() - t0) * 1000)
            if st != 200:
                mine.append({"reader": user, "status": st})
        with lock:
            reads.extend(lat)
            bad.extend(mine)

    ts = [threading.Thread(target=unit_thread, args=tuple(x[:5])) for x in units]
    rs = [threading.Thread(target=reader_thread, args=(r,)) for r in readers.split(",") if r]
    for t in ts + rs:
        t.start()
    try:
        start.wait()
    except threading.BrokenBarrierError:
        pass
    t0 = time.perf_counter()
    for t in ts:
        t.join()
    wall = time.perf_counter() - t0
    done.set()
    for t in rs:
        t.join()
    if errors:
        print("serve_load: FAILED to start: " + "; ".join(errors))
        return 1
    print("serve_load: %d units x %d saves, %d readers of /city/%s/ meanwhile, %.2f s" %
          (len(units), n, len(rs), city, wall))
    print("serve_load: saves: %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f saves/s" %
          (len(saves), pct(saves, 50), pct(saves, 99), max(saves), len(saves) / wall))
    print("serve_load: 驾驶舱 reads: %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f reads/s" %
          (len(reads), pct(reads, 50), pct(reads, 99), max(reads) if reads else 0, len(reads) / wall))
    busy = [b for b in bad if b.get("busy")]
    print("serve_load: answers other than 303 (saves) or 200 (reads): %d, of which busy/locked: %d" %
          (len(bad), len(busy)))
    for b in bad[:5]:
        print("  " + json.dumps(b, ensure_ascii=False))
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump({"saves": sent, "p99": pct(saves, 99), "p50": pct(saves, 50), "bad": len(bad),
                   "read_p99": pct(reads, 99)}, f, ensure_ascii=False)
    return 1 if bad else 0


def check(db, out_json):
    with open(out_json, encoding="utf-8") as f:
        sent = json.load(f)["saves"]
    con = sqlite3.connect(db)
    problems, batches_total = [], 0
    for user, s in sorted(sent.items()):
        ids = [r[0] for r in con.execute("SELECT id FROM batches WHERE by_user = ? ORDER BY id", (user,))]
        batches_total += len(ids)
        if len(ids) != len(s["values"]):
            problems.append("%s: %d batches for %d saves" % (s["unit"], len(ids), len(s["values"])))
        got = []
        for b in ids:
            if s["kind"] == "value":
                rows = con.execute("SELECT value FROM observations WHERE batch = ?1 UNION ALL "
                                   "SELECT value FROM observation_revisions WHERE batch = ?1", (b,)).fetchall()
                got.append(["%g" % r[0] for r in rows])
            else:
                rows = con.execute("SELECT progress FROM task_progress WHERE batch = ?", (b,)).fetchall()
                got.append([r[0] for r in rows])
        want = [("%g" % float(v)) if s["kind"] == "value" else v for v in s["values"]]
        if [g for g in got if len(g) != 1]:
            problems.append("%s: a batch without exactly one figure" % s["unit"])
        elif [g[0] for g in got] != want:
            problems.append("%s: the batches' figures differ from the saves sent, in order" % s["unit"])
        if s["kind"] == "value":
            cur = con.execute("SELECT o.value FROM observations o WHERE o.id = (SELECT observation FROM "
                              "observation_revisions WHERE batch = ?1 UNION SELECT id FROM observations "
                              "WHERE batch = ?1 LIMIT 1)", (ids[0],)).fetchone() if ids else None
            now = cur and "%g" % cur[0]
        else:
            doc, mid = s["field"].split(".", 1)[1].split("/")
            cur = con.execute("SELECT progress FROM task_progress WHERE unit = ? AND doc = ? AND mid = ? "
                              "AND superseded_at IS NULL", (s["unit"], doc, mid)).fetchone()
            now = cur and cur[0]
        if now != want[-1]:
            problems.append("%s: current %r, last saved %r" % (s["unit"], now, want[-1]))
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    n = sum(len(s["values"]) for s in sent.values())
    print("serve_load: check: %d saves sent, %d batches by the units' users, %d units with their last value, "
          "integrity_check %s" % (n, batches_total, len(sent) - len([p for p in problems if "current" in p]),
                                  integrity))
    for p in problems[:10]:
        print("  " + p)
    ok = not problems and integrity == "ok" and batches_total == n
    print("serve_load: 0 saves lost or doubled: %s" % ("MET" if ok else "NOT MET"))
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) == 8 and sys.argv[1] == "run":
        sys.exit(run(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]), sys.argv[7]))
    if len(sys.argv) == 4 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2], sys.argv[3]))
    sys.stderr.write(__doc__)
    sys.exit(2)
