#!/usr/bin/python3
"""bench/report_pandas.py — the baseline for bench/report.sh: the same target statuses as
`policytk report wenzhou quarterly` computes (cumulative_new: flows since the start; level /
share / duration / other: the latest value; growth_rate on a rate: the latest rate), from the
same SQLite file, with Python + pandas (Debian's python3-pandas).

    /usr/bin/python3 bench/report_pandas.py DB CITY DOC AS_OF   → one line per target: tid status
"""
import sqlite3
import sys

import pandas as pd


def period_end(p):
    p = str(p)
    if len(p) == 4:
        return pd.Timestamp(p + "-12-31")
    if "-Q" in p:
        y, q = p.split("-Q")
        return pd.Timestamp(year=int(y), month=int(q) * 3, day=1) + pd.offsets.MonthEnd(0)
    return pd.Timestamp(p + "-01") + pd.offsets.MonthEnd(0)


def main():
    db, city, doc, as_of = sys.argv[1:5]
    as_of = pd.Timestamp(as_of)
    con = sqlite3.connect(db)
    targets = pd.read_sql_query(
        """SELECT t.tid, t.indicator, t.value, t.comparator, t.kind, coalesce(t.start, d.period_start) AS start,
                  t.deadline, coalesce(t.region, c.code) AS region,
                  (SELECT i.unit FROM indicators i WHERE i.code = t.indicator AND (i.city = d.city OR i.city IS NULL)
                   ORDER BY i.city IS NULL LIMIT 1) AS ind_unit
           FROM targets t JOIN documents d ON d.id = t.document JOIN cities c ON c.id = d.city
           WHERE d.city = ? AND d.doc = ? AND t.status = 'active' ORDER BY t.position""",
        con, params=(city, doc))
    codes = list(targets.indicator.unique())
    marks = ",".join("?" * len(codes))
    obs = pd.read_sql_query(
        f"SELECT indicator, region, period, value FROM observations WHERE indicator IN ({marks})", con, params=codes)
    obs["end"] = obs.period.map(period_end)
    obs["gran"] = obs.period.map(lambda p: "Y" if len(p) == 4 else ("Q" if "-Q" in p else "M"))
    out = []
    for t in targets.itertuples():
        start, deadline = pd.Timestamp(t.start), pd.Timestamp(t.deadline)
        upto = min(as_of, deadline)
        s = obs[(obs.indicator == t.indicator) & (obs.region == t.region) & (obs.end <= upto)]
        actual = None
        if t.kind == "cumulative_new":
            w = s[s.end >= start]
            if len(w):
                # one granularity per year: the annual figure, else quarters + uncovered months
                parts = []
                for _, g in w.groupby(w.end.dt.year):
                    if (g.gran == "Y").any():
                        parts.append(g[g.gran == "Y"].value.iloc[0])
                    else:
                        qs = g[g.gran == "Q"]
                        covered = set(qs.end.dt.quarter)
                        ms = g[(g.gran == "M") & ~g.end.dt.quarter.isin(covered)]
                        parts.append(qs.value.sum() + ms.value.sum())
                actual = float(sum(parts))
        elif len(s):
            actual = float(s.sort_values(["end"]).value.iloc[-1])
        span = (deadline - start).days
        schedule = 1.0 if span <= 0 else max(0.0, min(1.0, (as_of - start).days / span))
        if actual is None:
            status = "no_data"
        else:
            if t.comparator == "<=":
                completion = (1.0 if t.value >= actual else 0.0) if actual <= 0 else t.value / actual
                achieved = actual <= t.value + 1e-9
            else:
                completion = (1.0 if actual >= 0 else 0.0) if t.value == 0 else actual / t.value
                achieved = completion >= (0.95 if t.comparator == "~" else 1.0) - 1e-9
            gap = round((schedule - completion) * 100, 9)
            if achieved:
                status = "achieved"
            elif as_of > deadline:
                status = "missed"
            elif gap <= 1e-9:
                status = "on_track"
            elif gap < 10 - 1e-9:
                status = "lagging"
            else:
                status = "behind"
        out.append(f"{t.tid} {status}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
