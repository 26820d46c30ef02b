#!/usr/bin/python3
"""bench/match_pandas.py — the baseline for bench/match.sh: the Wenzhou benefit rules of
plugins/wenzhou/benefits.lua and benefits_private32.lua, as `policytk match wenzhou --year Y`
applies them (scripts/policytk/benefits.lua, match.lua, sme.lua, firms.lua), written with Python
+ pandas (Debian's python3-pandas) over the same SQLite file.

    /usr/bin/python3 bench/match_pandas.py DB YEAR > out.csv    → credit_code,benefit,amount

One row per paying (firm, benefit), sorted by credit_code then benefit. The Lua rules are the
reference; tests/lua/test_match_pandas.lua checks that both give the same rows.

How: read_sql the firms of the city and their firm_years for YEAR-1 and YEAR, pivot the years to
wide columns, compute the national SME class with numpy, and express each rule as a boolean mask
and an amount column. The JSON columns (extra, awards) are decoded once per distinct text and the
per-firm facts the rules need are mapped back; there the Lua semantics of the rules are kept
(nil / false / JSON null, no string-number coercion in comparisons: a rule that would raise an
error in Lua pays nothing here either).
"""
import json
import math
import re
import sqlite3
import sys

import numpy as np
import pandas as pd

CITY = "wenzhou"
FROM = "2023-10-12"        # friendly2023: the issue date, first day of every param
P32_FROM, P32_TO = "2023-01-01", "2027-12-31"

# Params: id → [(from, to, value)], as in the plugin's param{} declarations.
PARAMS = {
    "wz_talent_startup_loan_max": [(FROM, None, 3000000)],
    "wz_startup_star_loan_max": [(FROM, None, 10000000)],
    "wz_startup_service_subsidy_max": [(FROM, None, 200000)],
    "wz_xsg_award_first_year": [(FROM, None, 200000)],
    "wz_xsg_award_growth_year": [(FROM, None, 100000)],
    "wz_xsg_high_tech_bonus": [(FROM, None, 100000)],
    "wz_xsg_earliest_cohort": [(FROM, None, 2021)],
    "wz_quality_award_national": [(FROM, None, 3000000)],
    "wz_quality_award_provincial": [(FROM, None, 2000000)],
    "wz_quality_award_municipal": [(FROM, None, 1000000)],
    "wz_new_firm_credit_line": [(FROM, None, 1000000)],
    "wz_xsg_credit_line": [(FROM, None, 10000000)],
    "wz_guarantee_fee_cap_rate": [(FROM, None, 1)],
    "wz_guarantee_single_max": [(FROM, None, 10000000)],
    "wz_digital_park_award": [(FROM, None, 500000)],
    "wz_itf_bookkeeping_years": [(FROM, None, 3)],
    "wz_new_firm_bookkeeping_years": [(FROM, None, 1)],
    "p32_cit_taxable_share": [(P32_FROM, P32_TO, 25)],
    "p32_six_two_fees_reduction": [(P32_FROM, P32_TO, 50)],
    "p32_microloan_interest_vat_exempt": [(P32_FROM, P32_TO, 100)],
    "p32_guarantee_vat_exempt": [(P32_FROM, P32_TO, 100)],
    "p32_loan_contract_stamp_exempt": [(P32_FROM, P32_TO, 100)],
    "p32_ib_iit_half_cap": [(P32_FROM, P32_TO, 2000000)],
    "p32_rd_deduction_rate": [(P32_FROM, None, 100)],
    "p32_adv_mfg_vat_credit_rate": [(P32_FROM, P32_TO, 5)],
    "p32_export_refund_days": [(P32_FROM, "2027-12-31", 6)],
    "p32_export_refund_days_class12": [(P32_FROM, "2024-12-31", 3)],
    "p32_fx_hedge_guarantee_ratio": [(P32_FROM, None, 8)],
    "p32_bookkeeping_years": [(P32_FROM, None, 3)],
    "p32_key_project_max": [(P32_FROM, None, 3)],
}

# The benefits in plugin order (the order decides ties between exclusive benefits), with the
# unit of their first param (an amount in 元 must be whole).
BENEFITS = [
    ("wz_talent_startup_loan", "元"), ("wz_startup_star_loan", "元"), ("wz_startup_service_subsidy", "元"),
    ("wz_xsg_award", "元"), ("wz_xsg_high_tech_bonus", "元"), ("wz_quality_award", "元"),
    ("wz_new_firm_credit_line", "元"), ("wz_xsg_credit_line", "元"), ("wz_guarantee_fee_cap", "%"),
    ("wz_digital_park_award", "元"), ("wz_itf_free_bookkeeping", "年"), ("wz_new_firm_free_bookkeeping", "年"),
    ("p32_cit_small_low_profit", "%"), ("p32_six_taxes_two_fees", "%"), ("p32_microloan_interest_vat", "%"),
    ("p32_guarantee_vat", "%"), ("p32_loan_contract_stamp", "%"), ("p32_ib_iit_half", "元"),
    ("p32_rd_super_deduction", "%"), ("p32_advanced_mfg_vat_credit", "%"), ("p32_export_refund_service", "个工作日"),
    ("p32_fx_hedge_guarantee", "%"), ("p32_ib_to_firm_bookkeeping", "年"), ("p32_key_project_limit", "项"),
]
# excludes + resolve: (benefit, excluded benefit, "larger" | "first")
EXCLUDES = [("wz_new_firm_free_bookkeeping", "wz_itf_free_bookkeeping", "larger")]

QUALITY_LEVELS = {"national": "wz_quality_award_national", "provincial": "wz_quality_award_provincial",
                  "municipal": "wz_quality_award_municipal"}
RD_EXCLUDED = r"^(?:C16|F|H|K|L|R90)"          # 财税〔2015〕119号 industries
SLP_INCOME, SLP_EMPLOYEES, SLP_ASSETS = 3000000, 300, 50000000
IIT_BRACKETS = [(30000, 5, 0), (90000, 10, 1500), (300000, 20, 10500), (500000, 30, 40500), (math.inf, 35, 65500)]

# scripts/policytk/benefits/sme.lua: group → ceiling / medium / small bounds on X (staff), Y (revenue 万元),
# Z (assets 万元); a firm of an unknown group gets the last row (no bounds, no class).
SME_GROUPS = [
    ("agriculture", {"Y": 20000}, {"Y": 500}, {"Y": 50}),
    ("industry", {"X": 1000, "Y": 40000}, {"X": 300, "Y": 2000}, {"X": 20, "Y": 300}),
    ("construction", {"Y": 80000, "Z": 80000}, {"Y": 6000, "Z": 5000}, {"Y": 300, "Z": 300}),
    ("wholesale", {"X": 200, "Y": 40000}, {"X": 20, "Y": 5000}, {"X": 5, "Y": 1000}),
    ("retail", {"X": 300, "Y": 20000}, {"X": 50, "Y": 500}, {"X": 10, "Y": 100}),
    ("transport", {"X": 1000, "Y": 30000}, {"X": 300, "Y": 3000}, {"X": 20, "Y": 200}),
    ("warehousing", {"X": 200, "Y": 30000}, {"X": 100, "Y": 1000}, {"X": 20, "Y": 100}),
    ("postal", {"X": 1000, "Y": 30000}, {"X": 300, "Y": 2000}, {"X": 20, "Y": 100}),
    ("accommodation", {"X": 300, "Y": 10000}, {"X": 100, "Y": 2000}, {"X": 10, "Y": 100}),
    ("catering", {"X": 300, "Y": 10000}, {"X": 100, "Y": 2000}, {"X": 10, "Y": 100}),
    ("telecom", {"X": 2000, "Y": 100000}, {"X": 100, "Y": 1000}, {"X": 10, "Y": 100}),
    ("software", {"X": 300, "Y": 10000}, {"X": 100, "Y": 1000}, {"X": 10, "Y": 50}),
    ("real_estate", {"Y": 200000, "Z": 10000}, {"Y": 1000, "Z": 5000}, {"Y": 100, "Z": 2000}),
    ("property", {"X": 1000, "Y": 5000}, {"X": 300, "Y": 1000}, {"X": 100, "Y": 500}),
    ("leasing", {"X": 300, "Z": 120000}, {"X": 100, "Z": 8000}, {"X": 10, "Z": 100}),
    ("other", {"X": 300}, {"X": 100}, {"X": 10}),
]
GROUP = {g[0]: i for i, g in enumerate(SME_GROUPS)}
# GB/T 4754 division ranges → group (division 70 is split by class; any other division: "other")
DIVISIONS = [(1, 5, "agriculture"), (6, 46, "industry"), (47, 50, "construction"), (51, 51, "wholesale"),
             (52, 52, "retail"), (54, 58, "transport"), (59, 59, "warehousing"), (60, 60, "postal"),
             (61, 61, "accommodation"), (62, 62, "catering"), (63, 64, "telecom"), (65, 65, "software"),
             (71, 72, "leasing")]
NO_GROUP = len(SME_GROUPS)
LARGE, MEDIUM, SMALL, MICRO = 1, 2, 3, 4       # 0: no class (a measure is missing)


# Param values ---------------------------------------------------------------------------------

def param(pid, date):
    """The value of a param on a date (YYYY-MM-DD), or None when none is in force."""
    for frm, to, value in PARAMS[pid]:
        if date >= frm and (to is None or date <= to):
            return value
    return None


def param_on(pid, dates):
    """param() over a Series of dates (NaN: no date) → float array, NaN when none is in force."""
    d = dates.fillna("").astype(str)
    out = np.full(len(d), np.nan)
    for frm, to, value in reversed(PARAMS[pid]):     # the first matching entry wins
        m = (d >= frm) & dates.notna()
        if to is not None:
            m &= d <= to
        out[m.to_numpy()] = value
    return out


# Lua semantics for the JSON columns ---------------------------------------------------------
# JSON null is None (Lua: a light userdata, true in a test); Lua nil (a missing field) is NIL.

class LuaError(Exception):
    """What would make the Lua rule raise: the rule pays nothing."""


class _Nil:
    __slots__ = ()

    def __repr__(self):
        return "nil"


NIL = _Nil()


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def index(v, k):
    """v[k] as Lua reads a decoded JSON value (string keys, and the integer years of
    year-keyed objects)."""
    if isinstance(v, dict):
        if isinstance(k, str):
            return v.get(k, NIL)
        if is_num(k) and k == int(k):
            return v.get(int(k), NIL)
        return NIL
    if isinstance(v, list):
        if is_num(k) and k == int(k) and 1 <= k <= len(v):
            return v[int(k) - 1]
        return NIL
    if isinstance(v, str):
        return NIL                                  # the string library has no such field
    raise LuaError("attempt to index a %s value" % type(v).__name__)


def truthy(v):
    return v is not NIL and v is not False


def eq(a, b):
    if is_num(a) and is_num(b):
        return a == b
    if type(a) is type(b) and isinstance(a, (str, bool)):
        return a == b
    return a is b


def lt(a, b):
    if (is_num(a) and is_num(b)) or (isinstance(a, str) and isinstance(b, str)):
        return a < b
    raise LuaError("attempt to compare")


def le(a, b):
    if (is_num(a) and is_num(b)) or (isinstance(a, str) and isinstance(b, str)):
        return a <= b
    raise LuaError("attempt to compare")


def ipairs(v):
    if isinstance(v, list):
        return v                                    # null elements are values, not nil
    if isinstance(v, (dict, str)):
        return []                                   # no key 1
    raise LuaError("attempt to index")


def lua_floor(v):
    if not is_num(v):
        raise LuaError("number expected")
    return math.floor(v)


_NUM = re.compile(r"^[ \t\n\v\f\r]*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t\n\v\f\r]*$")
_HEX = re.compile(r"^[ \t\n\v\f\r]*[+-]?0[xX][0-9a-fA-F]+[ \t\n\v\f\r]*$")


def lua_tonumber(s):
    """tonumber(s) for a string (decimal and hex integers, decimal floats), else None."""
    if _HEX.match(s):
        return int(s.strip(" \t\n\v\f\r"), 16)
    if _NUM.match(s):
        t = s.strip(" \t\n\v\f\r")
        return int(t) if re.fullmatch(r"[+-]?[0-9]+", t) else float(t)
    return None


def lua_tointeger(v):
    """math.tointeger(v): numbers and numeric strings with an integer value, else NIL."""
    if isinstance(v, str):
        v = lua_tonumber(v)
    if is_num(v) and not (isinstance(v, float) and (math.isinf(v) or math.isnan(v))) and v == int(v):
        return int(v)
    return NIL


def year_end(y):
    """string.format("%04d-12-31", y): y must have an integer value."""
    n = lua_tointeger(y) if isinstance(y, (str, int, float)) and not isinstance(y, bool) else NIL
    if n is NIL:
        raise LuaError("number has no integer representation")
    return "%04d-12-31" % n


def year_keys(v):
    """As firms.each does: object keys that are years (\"2024\") become integer keys."""
    if isinstance(v, dict):
        return {(int(k) if isinstance(k, str) and len(k) == 4 and k.isdigit() else k): year_keys(x)
                for k, x in v.items()}
    if isinstance(v, list):
        return [year_keys(x) for x in v]
    return v


def decode(text):
    def no_constant(name):
        raise ValueError("invalid number " + name)
    return year_keys(json.loads(text, parse_int=float, parse_constant=no_constant))   # cjson: numbers are floats


def attempt(fn, default):
    try:
        return fn()
    except LuaError:
        return default


# Facts from the JSON columns, per distinct text ---------------------------------------------

EXTRA_FACTS = ["talent", "star", "service", "not_prev_above", "guarantee_ok", "park", "itf",
               "slp_income", "vss_true", "vss_ok", "fin", "guar_inst", "iit", "rd", "exporter", "class12",
               "foreign_trade", "converted", "key_project"]
AMOUNT_FACTS = {"talent", "star", "service", "iit", "converted"}      # the others are true / false


def extra_facts(text, year):
    """The facts the rules read from one `extra` JSON text for `year` (NaN: not paid)."""
    raw = {} if text == "{}" else decode(text)
    wz = raw if truthy(raw) else {}              # friendly2023: extra(firm) = firm.extra or {}
    # a rule's `when` conditions read an extra that is not an object as having no fields
    # (policytk.benefits.conditions never raises); that matters where an unset field passes
    ce = raw if isinstance(raw, (dict, list)) else {}
    ye = "%04d-12-31" % year

    def pv(pid):
        return param(pid, ye)

    def loan(pid):
        mx = pv(pid)
        asked = index(wz, "loan_requested")
        if truthy(asked) and lt(asked, mx):
            return lua_floor(asked)
        return mx

    def talent():
        if pv("wz_talent_startup_loan_max") is None:
            return np.nan
        t = index(wz, "founder_talent")
        if not (eq(t, "high_level") or eq(t, "high_degree")):
            return np.nan
        return loan("wz_talent_startup_loan_max")

    def star():
        if pv("wz_startup_star_loan_max") is None or not eq(index(wz, "startup_star_year"), year):
            return np.nan
        return loan("wz_startup_star_loan_max")

    def service():
        mx = pv("wz_startup_service_subsidy_max")
        if mx is None or not truthy(index(wz, "service_institution")):
            return np.nan
        projects = index(wz, "startup_service_projects")
        if not truthy(projects):
            projects = {}
        if sum(1 for p in ipairs(projects) if eq(index(p, "year"), year)) == 0:
            return np.nan
        total = 0
        for p in ipairs(projects):
            if eq(index(p, "year"), year):
                a = index(p, "amount")
                if not truthy(a):
                    a = mx
                total += lua_floor(a if lt(a, mx) else mx)
        return total

    def guarantee_ok():
        if not truthy(index(wz, "government_guarantee")):
            return False
        amt = index(wz, "guarantee_amount")
        if amt is NIL:
            return False
        return not lt(pv("wz_guarantee_single_max"), amt)

    def itf():
        c = index(wz, "individual_to_firm_year")
        if c is NIL:
            return False
        ce = year_end(c)
        n = param("wz_itf_bookkeeping_years", ce)
        if n is None or lt(year, c):
            return False
        return not lt(c + n - 1, year)

    def by_year(key):                          # private32: firm.extra[key][year] when a table
        t = index(raw, key)
        return index(t, year) if isinstance(t, (dict, list)) else NIL

    def slp_income():
        income = by_year("taxable_income")
        return income is not NIL and not lt(SLP_INCOME, income)

    def flag(key):
        return eq(index(raw, key), True)

    def iit():
        income = by_year("taxable_income")
        if income is NIL or le(income, 0):
            return np.nan
        cap = pv("p32_ib_iit_half_cap")
        if not is_num(cap):
            raise LuaError("number expected")
        base = cap if lt(cap, income) else income    # math.min(income, cap)
        tax = 0
        for upto, rate, quick in IIT_BRACKETS:
            if base <= upto:
                tax = base * rate / 100 - quick
                break
        return math.floor(tax / 2 + 0.5)

    def rd():
        v = by_year("rd_expense")
        return v is not NIL and not le(v, 0)

    def class12():
        c = index(raw, "export_class")
        return eq(c, 1) or eq(c, 2)

    def converted():
        since = index(raw, "converted_from_individual")
        years = pv("p32_bookkeeping_years")
        if not is_num(since) or years is None or lt(year, since) or le(since + years, year):
            return np.nan
        return since + years - year

    return (attempt(talent, np.nan), attempt(star, np.nan), attempt(service, np.nan),
            attempt(lambda: not truthy(index(ce, "previously_above_scale")), False),
            attempt(guarantee_ok, False), attempt(lambda: truthy(index(wz, "park_operator"))
                                                   and eq(index(wz, "digital_demo_park_year"), year), False),
            attempt(itf, False), attempt(slp_income, False), attempt(lambda: flag("vat_small_scale"), False),
            attempt(lambda: not eq(index(ce, "vat_small_scale"), True), False), attempt(lambda: flag("financial_institution"), False),
            attempt(lambda: flag("guarantee_institution"), False), attempt(iit, np.nan), attempt(rd, False),
            attempt(lambda: flag("exporter"), False), attempt(class12, False),
            attempt(lambda: flag("foreign_trade"), False), attempt(converted, np.nan),
            attempt(lambda: flag("innovation_consortium_lead") or flag("tech_leader"), False))


def quality_amount(text, year):
    """wz_quality_award for one `awards` JSON text: the amount, NaN when not paid."""
    def run():
        awards = [] if text == "[]" else decode(text)
        for a in ipairs(awards):                    # firms.each: a.year = math.tointeger(a.year) or a.year
            if isinstance(a, dict) and "year" in a:
                y = lua_tointeger(a["year"])
                if y is not NIL:
                    a["year"] = y

        def quality(x):
            name = index(x, "name")
            if not truthy(name):
                return False
            if not isinstance(name, str):
                raise LuaError("attempt to index")  # name:find on a non-string
            return "质量奖" in name

        new = []
        for a in ipairs(awards):
            if not (eq(index(a, "year"), year) and isinstance(index(a, "level"), str)
                    and index(a, "level") in QUALITY_LEVELS and quality(a)):
                continue
            earlier = False
            for b in ipairs(awards):
                if (eq(index(b, "level"), index(a, "level")) and truthy(index(b, "year"))
                        and lt(index(b, "year"), year) and quality(b)):
                    earlier = True
            if not earlier:
                new.append(a)
        if not new or param("wz_quality_award_municipal", "%04d-12-31" % year) is None:
            return np.nan
        total = 0
        for a in new:
            v = param(QUALITY_LEVELS[a["level"]], "%04d-12-31" % year)
            if v is None:
                raise LuaError("arithmetic on a nil value")
            total += v
        return total
    return attempt(run, np.nan)


# The firm table ---------------------------------------------------------------------------

def load(db, year):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    firms = pd.read_sql_query(
        """SELECT credit_code, kind, industry, founded, employees, above_scale_since, high_tech_until,
                  awards, extra
           FROM firms
           WHERE region IN (SELECT code FROM regions WHERE city = ?1)
              OR region IN (SELECT code FROM cities WHERE id = ?1)""", con, params=(CITY,))
    years = pd.read_sql_query("SELECT credit_code, year, revenue, assets FROM firm_years WHERE year IN (?, ?)",
                              con, params=(year - 1, year))
    con.close()
    wide = years.pivot(index="credit_code", columns="year", values=["revenue", "assets"])
    wide = wide.reindex(columns=pd.MultiIndex.from_product([["revenue", "assets"], [year - 1, year]]))
    wide.columns = ["%s_%s" % (what, "cur" if y == year else "prev") for what, y in wide.columns]
    return firms.join(wide.astype(float), on="credit_code")


def sme_group(industry):
    """sme.group for one industry code (bytes, as Lua sees them): a group index or NO_GROUP."""
    digits = re.sub(rb"^[A-Za-z]", b"", industry.encode(), count=1)
    d = lua_tonumber(digits[:2].decode("latin-1"))
    if d is None or len(digits) < 2:
        return NO_GROUP
    for lo, hi, name in DIVISIONS:
        if lo <= d <= hi:
            return GROUP[name]
    if d == 70:
        cls = re.match(rb"^70([0-9][0-9])", digits)
        cls = cls and cls.group(1)
        return GROUP["real_estate" if cls == b"10" else "property" if cls == b"20" else "other"]
    return GROUP["other"]


def group_of(industry):
    """sme.group per firm, worked out once per distinct code."""
    codes, uniq = pd.factorize(industry.fillna(""))
    return np.array([sme_group(u) for u in uniq], dtype=np.int64)[codes]


def size_class(f):
    """ctx.size: the national SME class per firm (LARGE … MICRO, 0 when a measure is missing)."""
    g = group_of(f.industry)
    rev = f.revenue_cur.where(f.revenue_cur.notna(), f.revenue_prev).to_numpy()
    ast = f.assets_cur.where(f.assets_cur.notna(), f.assets_prev).to_numpy()
    m = {"X": f.employees.fillna(0).to_numpy(float), "Y": rev / 10000, "Z": ast / 10000}
    missing = g == NO_GROUP
    sme = np.zeros(len(f), bool)
    medium = np.ones(len(f), bool)
    small = np.ones(len(f), bool)
    for k in "XYZ":
        ceil, med, sm = (np.array([grp[i].get(k, np.nan) for grp in SME_GROUPS] + [np.nan])[g] for i in (1, 2, 3))
        v = m[k]
        with np.errstate(invalid="ignore"):
            missing |= (~np.isnan(ceil) | ~np.isnan(sm)) & np.isnan(v)
            sme |= ~np.isnan(ceil) & (v < ceil)
            medium &= np.isnan(med) | (v >= med)
            small &= np.isnan(sm) | (v >= sm)
    cls = np.select([~sme, medium, small], [LARGE, MEDIUM, SMALL], MICRO)
    return np.where(missing, 0, cls)


# The rules ---------------------------------------------------------------------------------

def match(f, year):
    """{benefit: (paid mask, amount array)} before exclusions."""
    n = len(f)
    ye = "%04d-12-31" % year

    def pv(pid):
        v = param(pid, ye)
        return np.nan if v is None else v

    def on(pid):                                # the param is in force on 31 December of the year
        return param(pid, ye) is not None

    facts = pd.DataFrame([extra_facts(t, year) for t in f.extra.unique()], index=f.extra.unique(),
                         columns=EXTRA_FACTS)
    x = facts.reindex(f.extra.to_numpy())
    x.index = f.index
    xb = {c: x[c].to_numpy(bool) for c in EXTRA_FACTS if c not in AMOUNT_FACTS}
    quality = f.awards.map({t: quality_amount(t, year) for t in f.awards.unique()}).to_numpy(float)

    enterprise = (f.kind == "enterprise").to_numpy()
    individual = (f.kind == "individual_business").to_numpy()
    size = size_class(f)
    small_micro = size >= SMALL
    industry = f.industry.fillna("")
    emp = f.employees.fillna(0).to_numpy(float)
    rev, rev_prev, assets = (f[c].to_numpy(float) for c in ("revenue_cur", "revenue_prev", "assets_cur"))
    ht = f.high_tech_until
    founded = f.founded
    heads = founded.fillna("").str[:4]
    fyear = heads.map({h: lua_tonumber(h) for h in heads.unique()}).astype(float).where(founded.notna())
    founded_this_year = (fyear == year).to_numpy()
    s = f.above_scale_since.astype(float)
    s_arr = s.to_numpy()

    def s_in_force(pid):                        # the param in force on 31 December of the 小升规 year
        ok = {v: param(pid, "%04d-12-31" % v) is not None for v in s.dropna().unique() if v == int(v)}
        return s.map(ok).fillna(False).to_numpy(bool)

    r = {}
    full = np.ones(n)

    def put(bid, mask, amount):
        r[bid] = (np.asarray(mask, bool), np.broadcast_to(np.asarray(amount, float), (n,)))

    # friendly2023
    put("wz_talent_startup_loan", x.talent.notna(), x.talent)
    put("wz_startup_star_loan", x.star.notna(), x.star)
    put("wz_startup_service_subsidy", x.service.notna(), x.service)
    with np.errstate(invalid="ignore"):
        # no cut-off for the 小升规 year but the declared wz_xsg_earliest_cohort, asked only of an
        # upgrade before 2023 (the clause's first year); each award under the param of its year
        earliest = pv("wz_xsg_earliest_cohort")
        cohort = (s_arr >= 2023) | np.isnan(earliest) | (s_arr >= earliest)
        first = ~np.isnan(s_arr) & xb["not_prev_above"] & cohort
        pay_first = (year == s_arr) & on("wz_xsg_award_first_year")
        growth = on("wz_xsg_award_growth_year") & ~np.isnan(rev) & ~np.isnan(rev_prev) & (rev > rev_prev)
        put("wz_xsg_award", first & (year >= s_arr) & (year <= s_arr + 2) & (pay_first | growth),
            np.where(pay_first, pv("wz_xsg_award_first_year"), pv("wz_xsg_award_growth_year")))
        put("wz_xsg_high_tech_bonus",
            ~np.isnan(s_arr) & xb["not_prev_above"] & s_in_force("wz_xsg_high_tech_bonus") & (year == s_arr)
            & (ht.notna() & (ht.fillna("") >= ye)).to_numpy(), pv("wz_xsg_high_tech_bonus") * full)
        put("wz_quality_award", ~np.isnan(quality), quality)
        put("wz_new_firm_credit_line",
            enterprise & founded_this_year & ~np.isnan(param_on("wz_new_firm_credit_line", founded)),
            pv("wz_new_firm_credit_line") * full)
        put("wz_xsg_credit_line", (s_arr == year) & on("wz_xsg_credit_line"), pv("wz_xsg_credit_line") * full)
    put("wz_guarantee_fee_cap", on("wz_guarantee_fee_cap_rate") & xb["guarantee_ok"] & small_micro,
        pv("wz_guarantee_fee_cap_rate") * full)
    put("wz_digital_park_award", on("wz_digital_park_award") & xb["park"], pv("wz_digital_park_award") * full)
    put("wz_itf_free_bookkeeping", xb["itf"], full)
    put("wz_new_firm_free_bookkeeping",
        enterprise & founded_this_year & ~np.isnan(param_on("wz_new_firm_bookkeeping_years", founded)),
        pv("wz_new_firm_bookkeeping_years") * full)

    # private32
    with np.errstate(invalid="ignore"):
        slp = enterprise & xb["slp_income"] & (emp <= SLP_EMPLOYEES) & ~np.isnan(assets) & (assets <= SLP_ASSETS)
    put("p32_cit_small_low_profit", on("p32_cit_taxable_share") & slp, pv("p32_cit_taxable_share") * full)
    put("p32_six_taxes_two_fees", on("p32_six_two_fees_reduction") & (individual | xb["vss_true"] | slp),
        pv("p32_six_two_fees_reduction") * full)
    put("p32_microloan_interest_vat", on("p32_microloan_interest_vat_exempt") & xb["fin"],
        pv("p32_microloan_interest_vat_exempt") * full)
    put("p32_guarantee_vat", on("p32_guarantee_vat_exempt") & xb["guar_inst"], pv("p32_guarantee_vat_exempt") * full)
    put("p32_loan_contract_stamp", on("p32_loan_contract_stamp_exempt") & enterprise & small_micro,
        pv("p32_loan_contract_stamp_exempt") * full)
    put("p32_ib_iit_half", on("p32_ib_iit_half_cap") & individual & x.iit.notna().to_numpy(), x.iit)
    put("p32_rd_super_deduction",
        on("p32_rd_deduction_rate") & enterprise & ~industry.str.match(RD_EXCLUDED).to_numpy() & xb["rd"],
        pv("p32_rd_deduction_rate") * full)
    put("p32_advanced_mfg_vat_credit",
        on("p32_adv_mfg_vat_credit_rate") & enterprise & industry.str.startswith("C").to_numpy()
        & (ht.notna() & (ht.fillna("") >= "%04d-01-01" % year)).to_numpy() & xb["vss_ok"],
        pv("p32_adv_mfg_vat_credit_rate") * full)
    put("p32_export_refund_service", on("p32_export_refund_days") & xb["exporter"],
        np.where(xb["class12"] & on("p32_export_refund_days_class12"), pv("p32_export_refund_days_class12"),
                 pv("p32_export_refund_days")))
    put("p32_fx_hedge_guarantee", on("p32_fx_hedge_guarantee_ratio") & xb["foreign_trade"] & enterprise & small_micro,
        pv("p32_fx_hedge_guarantee_ratio") * full)
    put("p32_ib_to_firm_bookkeeping", on("p32_bookkeeping_years") & enterprise & x.converted.notna().to_numpy(),
        x.converted)
    put("p32_key_project_limit", on("p32_key_project_max") & xb["key_project"], pv("p32_key_project_max") * full)
    return r


def paying_rows(f, year):
    r = match(f, year)
    order = {bid: i for i, (bid, _) in enumerate(BENEFITS)}
    paid, amount = {}, {}
    for bid, unit in BENEFITS:
        mask, a = r[bid]
        with np.errstate(invalid="ignore"):
            ok = mask & (a > 0)                       # NaN (no param), 0, negative: not paid
            if unit == "元":
                ok &= np.floor(a) == a                # a fractional 元 amount is an error
        paid[bid], amount[bid] = ok, a
    for a_id, b_id, how in EXCLUDES:                   # match.lua: keep one of two exclusive benefits
        both = paid[a_id] & paid[b_id]
        first_is_a = order[a_id] < order[b_id]
        if how == "larger":
            keep_a = np.where(amount[a_id] != amount[b_id], amount[a_id] > amount[b_id], first_is_a)
        else:
            keep_a = np.full(len(f), first_is_a)
        paid[a_id] = paid[a_id] & ~(both & ~keep_a)
        paid[b_id] = paid[b_id] & ~(both & keep_a)
    codes = f.credit_code.to_numpy()
    parts = [pd.DataFrame({"credit_code": codes[paid[bid]], "benefit": bid, "amount": amount[bid][paid[bid]]})
             for bid, _ in BENEFITS]
    out = pd.concat(parts, ignore_index=True).sort_values(["credit_code", "benefit"], kind="mergesort")
    a = out.amount.to_numpy(float)
    whole = np.floor(a) == a                          # tabular.cell: whole numbers print as integers
    text = np.where(whole, a, 0).astype(np.int64).astype(str).astype(object)
    text[~whole] = ["%.14g" % v for v in a[~whole]]
    out["amount"] = text
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: match_pandas.py DB YEAR")
    db, year = sys.argv[1], int(sys.argv[2])
    out = paying_rows(load(db, year), year)
    out.to_csv(sys.stdout, index=False, lineterminator="\n")


if __name__ == "__main__":
    main()
