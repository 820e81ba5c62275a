#!/usr/bin/env python3
"""DeskGraph benchmark driver (Python 3 standard library only).

bench/run.sh starts DeskGraph in demo mode and calls this script with the gateway's and
both simulators' URLs. It measures the targets of DESIGN.md section 10 against the live
gateway, prints one table and writes it (with details) to a Markdown file.

Every request goes to 127.0.0.1; every loop is bounded in count and time.
Exit status: 0 when the measurements ran (missed targets are reported, not fatal),
2 when the gateway or the simulators could not be reached.
"""

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

HUAWEI = "huawei"
ALIBABA = "alibaba"

# The load generator running now, stopped with this script.
_children = set()


def _stop(signum, frame):
    """On SIGTERM or SIGINT: stop the load generator and leave at once; client threads
    die with the process."""
    for child in list(_children):
        try:
            child.kill()
        except OSError:
            pass
    sys.stdout.write("\n[bench] interrupted\n")
    sys.stdout.flush()
    os._exit(128 + signum)


# --------------------------------------------------------------------------- HTTP helpers


class Reply:
    """One GraphQL answer: HTTP status, seconds taken, parsed JSON (or None)."""

    __slots__ = ("status", "seconds", "body", "raw", "failure")

    def __init__(self, status, seconds, body, raw, failure=None):
        self.status = status
        self.seconds = seconds
        self.body = body
        self.raw = raw
        self.failure = failure

    @property
    def well_formed(self):
        """A GraphQL response: a JSON object with data or errors."""
        return isinstance(self.body, dict) and ("data" in self.body or "errors" in self.body)

    @property
    def errors(self):
        if isinstance(self.body, dict) and isinstance(self.body.get("errors"), list):
            return self.body["errors"]
        return []

    def classifications(self):
        """Error classifications of the answer (GraphQL errors and failed sources)."""
        found = set()
        for error in self.errors:
            ext = error.get("extensions") or {}
            found.add(ext.get("classification") or "UNCLASSIFIED")
        for source in self.sources():
            err = source.get("error") or {}
            if err.get("code"):
                found.add(err["code"])
        return found

    def sources(self):
        data = self.body.get("data") if isinstance(self.body, dict) else None
        found = []
        if isinstance(data, dict):
            for value in data.values():
                if isinstance(value, dict) and isinstance(value.get("sources"), list):
                    found.extend(value["sources"])
        return found

    @property
    def has_data(self):
        data = self.body.get("data") if isinstance(self.body, dict) else None
        return isinstance(data, dict) and any(v is not None for v in data.values())

    @property
    def complete(self):
        """Data, no errors, every source OK or UNSUPPORTED."""
        return (self.status == 200 and self.has_data and not self.errors
                and all(s.get("state") in ("OK", "UNSUPPORTED") for s in self.sources()))

    @property
    def carries_data(self):
        """HTTP 200 and data from every source asked: OK, or STALE (the last good answer, flagged as such),
        or UNSUPPORTED (no vendor API for the question); errors only for stale sources."""
        stale_only = all((e.get("extensions") or {}).get("sourceState") == "STALE" for e in self.errors)
        return (self.status == 200 and self.has_data and stale_only
                and all(s.get("state") in ("OK", "STALE", "UNSUPPORTED") for s in self.sources()))

    @property
    def partial(self):
        """Data for some sources while others failed (or were served stale)."""
        states = [s.get("state") for s in self.sources()]
        return self.has_data and (bool(self.errors) or any(st in ("FAILED", "STALE") for st in states)) \
            and any(st in ("OK", "STALE") for st in states)


def post_graphql(url, query, timeout=60.0):
    payload = json.dumps({"query": query}).encode()
    request = urllib.request.Request(url, data=payload, method="POST",
                                     headers={"Content-Type": "application/json", "Accept": "application/json"})
    start = time.perf_counter()
    status, raw, failure = 0, b"", None
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as ex:
        status, raw = ex.code, ex.read() or b""
    except Exception as ex:  # connection refused, reset, timeout: counted, never fatal
        failure = "%s: %s" % (type(ex).__name__, ex)
    seconds = time.perf_counter() - start
    body = None
    if raw:
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
    return Reply(status, seconds, body, raw, failure)


def http_json(method, url, body=None, timeout=10.0):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        raw = response.read()
    return json.loads(raw) if raw else None


class Simulators:
    def __init__(self, huawei_url, alibaba_url):
        self.urls = {HUAWEI: huawei_url.rstrip("/"), ALIBABA: alibaba_url.rstrip("/")}

    def reset(self):
        for url in self.urls.values():
            http_json("POST", url + "/_sim/reset")

    def faults(self, vendor, **settings):
        return http_json("PUT", self.urls[vendor] + "/_sim/faults", settings)

    def stats(self, vendor):
        return http_json("GET", self.urls[vendor] + "/_sim/stats")

    def calls(self, vendor, operation=None):
        counts = self.stats(vendor).get("calls", {})
        return counts.get(operation, 0) if operation else sum(counts.values())


def run_concurrently(url, queries, concurrency, barrier=False, rate=None, timeout=60.0):
    """Sends each query once, at most `concurrency` at a time, all released together
    (barrier) or the i-th not before i / rate seconds (rate); returns the replies in order.
    `url` may be a list: query i then goes to url i mod n (round robin over replicas)."""
    urls = [url] if isinstance(url, str) else list(url)
    gate = threading.Barrier(len(queries)) if barrier else None
    start = time.perf_counter()

    def one(item):
        index, query = item
        if gate is not None:
            try:
                gate.wait(timeout=30)
            except threading.BrokenBarrierError:
                pass
        if rate:
            time.sleep(max(0.0, start + index / rate - time.perf_counter()))
        return post_graphql(urls[index % len(urls)], query, timeout=timeout)

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return list(pool.map(one, enumerate(queries)))


# --------------------------------------------------------------------------- helpers


def pct(values, p):
    """p-th percentile (nearest rank) of a list of numbers."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(round(p / 100.0 * len(ordered) + 0.5))))
    return ordered[rank - 1]


def ms(seconds):
    return "%.0f ms" % (seconds * 1000.0) if seconds == seconds else "n/a"


def log(message):
    print("[bench] " + message, flush=True)


def day_range(day_from, day_to):
    return '{from: "%s", to: "%s"}' % (day_from.isoformat(), day_to.isoformat())


def verdict(ok):
    if ok is None:
        return "n/a"
    return "yes" if ok else "**NO**"


def wait_for_limiter_cycle(seconds):
    """DeskGraph's quota buckets refill a permit every second or so (Huawei APIs: 3 per
    second); waiting a few seconds lets a timed measurement start with permits to spare
    instead of queueing behind the previous phase's calls."""
    log("waiting %.1f s for DeskGraph's quota buckets to refill" % seconds)
    time.sleep(seconds)


# --------------------------------------------------------------------------- the benchmark


class Bench:
    def __init__(self, args):
        self.args = args
        self.url = args.graphql
        self.sims = Simulators(args.huawei, args.alibaba)
        self.today = dt.datetime.now(dt.timezone.utc).date()
        # Final single weekend days inside Alibaba's 90-day window: on those days the Alibaba
        # estate has few sessions, so one QueryHistoryUsageDurationRank page (200 rows)
        # holds the whole day; weekdays need two pages.
        self.weekend_days = [self.today - dt.timedelta(days=n) for n in range(2, 86)
                             if (self.today - dt.timedelta(days=n)).weekday() >= 5]
        self.rows = []      # (measurement, target, measured, met, notes)
        self.details = []   # Markdown lines
        self.started = time.time()
        self.load_before = os.getloadavg()

    # ---- bookkeeping

    def take_weekend_day(self):
        if not self.weekend_days:
            raise RuntimeError("ran out of unused weekend days")
        return self.weekend_days.pop(0)

    def row(self, measurement, target, measured, met, notes=""):
        self.rows.append((measurement, target, measured, verdict(met), notes))

    def detail(self, line=""):
        self.details.append(line)

    def settle(self):
        """Clears faults, stats and quota windows on both simulators."""
        self.sims.reset()

    # ---- phases

    def check_up(self):
        reply = post_graphql(self.url, "{ accounts { id vendor } }", timeout=10)
        if reply.status != 200 or not reply.has_data:
            log("gateway at %s does not answer: HTTP %s %s" % (self.url, reply.status, reply.failure or reply.raw[:200]))
            return False
        ids = sorted(a["id"] for a in reply.body["data"]["accounts"])
        if ids != ["alibaba-demo", "huawei-demo"]:
            log("gateway is not in demo mode (accounts: %s); refusing to load real vendor accounts" % ids)
            return False
        try:
            self.sims.reset()
        except Exception as ex:
            log("simulators do not answer: %s" % ex)
            return False
        return True

    def warm_up(self):
        """JIT, connection pools and signers warm up on a few cold calls and many hits,
        so the timed cold queries below measure steady-state code."""
        log("warm-up")
        self.settle()
        status = "{ desktopStatus { total sources { accountId state } } }"
        post_graphql(self.url, status)
        for n in range(3):
            day = self.take_weekend_day()
            post_graphql(self.url, "{ usageRanking(range: %s, first: 5) { totalCount } }" % day_range(day, day))
            start = self.today - dt.timedelta(days=175 - n)
            post_graphql(self.url, '{ desktopMetrics(range: %s, accountIds: ["huawei-demo"], first: 5) { totalCount } }'
                         % day_range(start, start))
        # One multi-page drain as measurement c sends it, so its first sample does not pay for compiling the
        # paths that merge and write a thousand rows.
        drain = ('{ desc: desktopMetrics(range: %s, accountIds: ["huawei-demo"], first: 500, '
                 'sort: {field: DESKTOP_USAGE, direction: DESC}) { totalCount edges { node { desktop { id } } } } '
                 'asc: desktopMetrics(range: %s, accountIds: ["huawei-demo"], first: 500, '
                 'sort: {field: DESKTOP_USAGE, direction: ASC}) { totalCount edges { node { desktop { id } } } } }')
        for days_ago in (179, 178, 177):
            day = self.today - dt.timedelta(days=days_ago)
            post_graphql(self.url, drain % ((day_range(day, day),) * 2))
        hit = "{ usageRanking(range: %s, first: 5) { totalCount edges { node { rank duration { seconds } } } } }" \
            % day_range(self.today - dt.timedelta(days=8), self.today - dt.timedelta(days=2))
        deadline = time.time() + 20
        for _ in range(150):
            if time.time() > deadline:
                break
            post_graphql(self.url, hit)
            post_graphql(self.url, status)

    def duplicate_load(self):
        n = self.args.dup_n
        latency = self.args.dup_latency_ms
        day = self.take_weekend_day()
        query = ("{ usageRanking(range: %s, first: 5) { totalCount edges { node { rank duration { seconds } } } "
                 "sources { accountId state } } }" % day_range(day, day))
        log("a. %d concurrent identical cold usageRanking(%s) queries, %d ms vendor latency" % (n, day, latency))
        self.settle()
        self.sims.faults(HUAWEI, latencyMs=latency)
        self.sims.faults(ALIBABA, latencyMs=latency)
        started = time.perf_counter()
        replies = run_concurrently(self.url, [query] * n, concurrency=n, barrier=True)
        elapsed = time.perf_counter() - started
        calls = {v: self.sims.calls(v) for v in (HUAWEI, ALIBABA)}
        self.settle()
        total = calls[HUAWEI] + calls[ALIBABA]
        complete = sum(1 for r in replies if r.complete)
        per_request = total / float(n)
        self.row("a. Duplicate-heavy load: upstream calls per GraphQL request", "≤ 0.01",
                 "%.4f (%d calls / %d requests)" % (per_request, total, n), per_request <= 0.01 and complete == n,
                 "%d/%d complete answers; Huawei %d + Alibaba %d calls" % (complete, n, calls[HUAWEI], calls[ALIBABA]))
        self.detail("### a. Duplicate-heavy load")
        self.detail("")
        self.detail("`%s` sent %d times at once (a barrier releases %d client threads together) while both "
                    "simulators add %d ms to every call, so later requests arrive while the first vendor calls "
                    "are still in flight. A cold answer costs one Huawei `ListDesktopUsageMetric` page and one "
                    "Alibaba `QueryHistoryUsageDurationRank` page (a weekend day fits in one page)." % (query, n, n, latency))
        self.detail("")
        self.detail("- upstream calls at the simulators: Huawei %d, Alibaba %d → **%.4f per GraphQL request**"
                    % (calls[HUAWEI], calls[ALIBABA], per_request))
        self.detail("- complete answers: %d/%d; wall time %.2f s; client latency p50 %s, max %s"
                    % (complete, n, elapsed, ms(pct([r.seconds for r in replies], 50)),
                       ms(max(r.seconds for r in replies))))
        self.detail("")

    def cold_cross_vendor(self):
        # Only about 24 weekend days lie inside Alibaba's 90-day window.
        samples = min(self.args.cold_samples, len(self.weekend_days))
        hw_ms, ali_ms = 100, 150
        slower = max(hw_ms, ali_ms) / 1000.0
        log("b. %d cold cross-vendor usageRanking queries, Huawei +%d ms, Alibaba +%d ms" % (samples, hw_ms, ali_ms))
        wait_for_limiter_cycle(self.args.cycle_seconds)
        self.settle()
        self.sims.faults(HUAWEI, latencyMs=hw_ms)
        self.sims.faults(ALIBABA, latencyMs=ali_ms)
        times, bad, days, per_sample = [], 0, [], []
        for i in range(samples):
            day = self.take_weekend_day()
            days.append(day)
            query = ("{ usageRanking(range: %s, first: 5) { totalCount edges { node { rank userName duration { seconds } "
                     "desktop { id name } } } sources { accountId state } } }" % day_range(day, day))
            begun = time.perf_counter()
            before = (self.sims.calls(HUAWEI), self.sims.calls(ALIBABA))
            reply = post_graphql(self.url, query)
            times.append(reply.seconds)
            per_sample.append("%d+%d" % (self.sims.calls(HUAWEI) - before[0], self.sims.calls(ALIBABA) - before[1]))
            if not reply.complete:
                bad += 1
            # Alibaba's ranking bucket refills one call a second after its burst of 30: keep well
            # under it so the figure is the gateway's latency, not time spent queueing for quota.
            time.sleep(max(0.0, self.args.cold_pace - (time.perf_counter() - begun)))
        calls = {v: self.sims.calls(v) for v in (HUAWEI, ALIBABA)}
        self.settle()
        ratios = [t / slower for t in times]
        median_ratio = statistics.median(ratios)
        self.row("b. Cold cross-vendor latency / slower vendor's latency (median)", "≤ 1.2",
                 "%.2f (median %s vs %d ms)" % (median_ratio, ms(statistics.median(times)), ali_ms),
                 median_ratio <= 1.2 and bad == 0,
                 "%d samples, min %.2f, max %.2f; upstream calls/query: Huawei %.1f, Alibaba %.1f%s"
                 % (samples, min(ratios), max(ratios), calls[HUAWEI] / samples, calls[ALIBABA] / samples,
                    "; %d incomplete answers" % bad if bad else ""))
        self.detail("### b. Cold cross-vendor latency")
        self.detail("")
        self.detail("Huawei simulator +%d ms per call, Alibaba +%d ms. Each sample is `usageRanking(range: "
                    "{from: D, to: D}, first: 5)` over both accounts for a different final weekend day D (%s … %s), "
                    "so every sample is a cache miss on both vendors and costs exactly one vendor call each: "
                    "Huawei `ListDesktopUsageMetric` (one page of 100) and Alibaba `QueryHistoryUsageDurationRank` "
                    "(a weekend day fits in one 200-row page; a weekday needs two NextToken pages, which Alibaba "
                    "only serves one after the other). Samples are sent one at a time, paced %.2f s apart to stay "
                    "inside the gateway's Alibaba rate limiter." % (hw_ms, ali_ms, days[0], days[-1], self.args.cold_pace))
        self.detail("")
        self.detail("- upstream calls: Huawei %d, Alibaba %d for %d queries (Huawei+Alibaba per sample: %s)"
                    % (calls[HUAWEI], calls[ALIBABA], samples, ", ".join(per_sample)))
        self.detail("- latency: " + ", ".join("%.0f" % (t * 1000) for t in times) + " ms")
        self.detail("- median %s = **%.2f ×** the slower vendor's %d ms" % (ms(statistics.median(times)), median_ratio, ali_ms))
        self.detail("")

    def huawei_drain(self):
        rounds = self.args.drain_rounds
        latency = 100
        log("c. Huawei multi-page drain, +%d ms per Huawei call, %d rounds" % (latency, rounds))
        fields = "totalCount edges { node { desktop { id } usage { seconds } idle { seconds } } } sources { accountId state }"
        one_t, five_t, ten_t, bad = [], [], [], 0
        pages = {"one": [], "five": [], "ten": []}
        base = self.today - dt.timedelta(days=170)
        window = 0
        for r in range(rounds):
            wait_for_limiter_cycle(self.args.cycle_seconds)
            self.settle()
            self.sims.faults(HUAWEI, latencyMs=latency)
            plan = [("one", 5, False), ("one", 5, False), ("ten", 500, True), ("five", 500, False)]
            for kind, first, both in plan:
                start = base + dt.timedelta(days=window)
                window += 1
                rng = day_range(start, start + dt.timedelta(days=2))
                if both:
                    query = ('{ desc: desktopMetrics(range: %s, accountIds: ["huawei-demo"], first: %d, '
                             'sort: {field: DESKTOP_USAGE, direction: DESC}) { %s } '
                             'asc: desktopMetrics(range: %s, accountIds: ["huawei-demo"], first: %d, '
                             'sort: {field: DESKTOP_USAGE, direction: ASC}) { %s } }' % (rng, first, fields, rng, first, fields))
                else:
                    query = '{ desktopMetrics(range: %s, accountIds: ["huawei-demo"], first: %d) { %s } }' % (rng, first, fields)
                before = self.sims.calls(HUAWEI, "ListDesktopUsageMetric")
                reply = post_graphql(self.url, query)
                pages[kind].append(self.sims.calls(HUAWEI, "ListDesktopUsageMetric") - before)
                if not reply.complete:
                    bad += 1
                {"one": one_t, "five": five_t, "ten": ten_t}[kind].append(reply.seconds)
        self.settle()
        one = statistics.median(one_t)
        five = statistics.median(five_t) / one
        ten = statistics.median(ten_t) / one
        avg = lambda xs: sum(xs) / float(len(xs))
        self.row("c. Huawei drain, 10 pages / one page (median)", "≤ 2.5",
                 "%.2f (%s vs %s)" % (ten, ms(statistics.median(ten_t)), ms(one)), ten <= 2.5 and bad == 0,
                 "%.0f pages per query (two aliased first: 500 fields); %d samples" % (avg(pages["ten"]), len(ten_t)))
        self.row("c. Huawei drain, 5 pages / one page (median)", "≤ 2.5",
                 "%.2f (%s vs %s)" % (five, ms(statistics.median(five_t)), ms(one)), five <= 2.5 and bad == 0,
                 "%.0f pages per query (first: 500); %d samples%s" % (avg(pages["five"]), len(five_t),
                                                                     "; %d incomplete answers" % bad if bad else ""))
        self.detail("### c. Huawei multi-page drain")
        self.detail("")
        self.detail("Huawei simulator +%d ms per call, estate of %s desktops. `desktopMetrics` pages "
                    "`ListDesktopUsageMetric` at 100 rows; the gateway fetches the first page (it carries the total) "
                    "and then the remaining pages in parallel, so the ideal is 2 × one page. One GraphQL field asks "
                    "for at most 500 rows (5 pages); the 10-page sample asks for two aliased fields in one request "
                    "(`first: 500` sorted DESC and ASC = all 1000 desktops, 10 distinct pages). Every sample uses a "
                    "different 3-day window (cold). Each round starts after a pause that refills DeskGraph's "
                    "`ListDesktopUsageMetric` bucket (burst 60, 2 more a second) so no sample queues for quota."
                    % (latency, self.args.huawei_desktops))
        self.detail("")
        self.detail("- one page (`first: 5`): " + ", ".join("%.0f" % (t * 1000) for t in one_t) + " ms; pages per query "
                    + str(pages["one"]))
        self.detail("- 5 pages (`first: 500`): " + ", ".join("%.0f" % (t * 1000) for t in five_t) + " ms; pages per query "
                    + str(pages["five"]) + " → **%.2f ×**" % five)
        self.detail("- 10 pages (two fields): " + ", ".join("%.0f" % (t * 1000) for t in ten_t) + " ms; pages per query "
                    + str(pages["ten"]) + " → **%.2f ×**" % ten)
        self.detail("")

    def cache_hit_throughput(self):
        query = ("{ usageRanking(range: %s, first: 10) { totalCount edges { cursor node { rank userName "
                 "duration { seconds hours } desktop { id name } } } pageInfo { hasNextPage endCursor } "
                 "sources { accountId state fetchedAt } } }"
                 % day_range(self.today - dt.timedelta(days=8), self.today - dt.timedelta(days=2)))
        duration, conc = self.args.load_seconds, self.args.load_concurrency
        log("d. cache-hit throughput: %s, %d s, %d connections" % (self.args.loadgen, duration, conc))
        self.settle()
        warm = post_graphql(self.url, query)
        if not warm.complete:
            log("   warm-up answer incomplete: %s" % warm.raw[:300])
        warm_seconds, warm_rates = self.warm_load(query, conc)
        self.sims.reset()  # count only the calls made during the load
        result = self.load_query(query, duration, conc)
        calls = self.sims.calls(HUAWEI) + self.sims.calls(ALIBABA)
        floor_query = "{ __typename }"
        floor_seconds = max(5, duration // 2)
        log("d. the { __typename } floor: %d s, %d connections" % (floor_seconds, conc))
        self.settle()
        floor = self.load_query(floor_query, floor_seconds, conc)
        self.settle()
        if result is None:
            self.row("d. Cache-hit throughput", "ahead of GraphQL Mesh", "not measured", None, "load generator failed")
            return
        non200 = result["non200"] + (floor["non200"] if floor else 0)
        self.row("d. Cache-hit answers that are HTTP 200 with data", "all", "%d were not" % non200, non200 == 0,
                 "a throughput that counts refusals or errors would be meaningless")
        self.row("d. Cache-hit throughput (%s, %d conns, %d s)" % (result["tool"], conc, duration),
                 "ahead of GraphQL Mesh: `bench/peer/run.sh`",
                 "%.0f req/s; p50 %s" % (result["rps"], ms(result["p50"])), None,
                 "%s; %d upstream calls during the load" % (result["statuses"], calls))
        self.row("d. Cache-hit p99 at %d connections" % conc, "≤ 25 ms", ms(result["p99"]), result["p99"] <= 0.025,
                 "p90 %s, slowest %s" % (ms(result.get("p90", float("nan"))), ms(result.get("max", float("nan")))))
        if floor is not None:
            self.row("d. `{ __typename }` floor (%s, %d conns, %d s)" % (floor["tool"], conc, floor_seconds), "",
                     "%.0f req/s; p50 %s, p99 %s" % (floor["rps"], ms(floor["p50"]), ms(floor["p99"])), None,
                     "what the HTTP and GraphQL layers cost with no resolver at all; %s" % floor["statuses"])
        self.detail("### d. Cache-hit throughput and latency")
        self.detail("")
        self.detail("`%s` (both accounts, a final 7-day window) warmed once, then `%s` for %d s over %d connections. "
                    "The raw vendor pages stay cached for `deskgraph.cache.final-ttl` (6 h) and the whole answer in "
                    "the response cache, so the load never reaches the simulators (%d upstream calls during the "
                    "load). Then `%s` the same way for %d s: the floor of the HTTP and GraphQL layers. The load "
                    "generator, the gateway and the simulators share the machine's %s CPUs."
                    % (query, result["command"], duration, conc, calls, floor_query, floor_seconds, os.cpu_count()))
        self.detail("")
        self.detail("- untimed warm-up first, %d s in 5 s bursts until three bursts were within 7 %% of each other "
                    "(at most %d s): %s answers/s" % (warm_seconds, self.args.load_warm_max_seconds,
                                                      ", ".join("%.0f" % r for r in warm_rates)))
        self.detail("- cache hits: %.0f answers/s, p50 %s, p90 %s, p99 %s, slowest %s; %s"
                    % (result["rps"], ms(result["p50"]), ms(result.get("p90", float("nan"))), ms(result["p99"]),
                       ms(result.get("max", float("nan"))), result["statuses"]))
        if floor is not None:
            self.detail("- `{ __typename }`: %.0f answers/s, p50 %s, p99 %s; %s"
                        % (floor["rps"], ms(floor["p50"]), ms(floor["p99"]), floor["statuses"]))
        self.detail("- GraphQL Mesh side by side (same simulator, same load, alternating rounds): `bench/peer/run.sh`, "
                    "see bench/README.md.")
        self.detail("")

    def warm_load(self, query, conc):
        """A freshly started JVM on 2 cores needs a minute or more of load before its JIT compilers catch up:
        untimed bursts of the measured load until three in a row are within 7 % of each other."""
        rates, spent = [], 0
        steady = lambda: len(rates) >= 3 and max(rates[-3:]) - min(rates[-3:]) <= 0.07 * max(rates[-3:])
        while spent < self.args.load_warm_max_seconds and not steady():
            burst = self.load_query(query, 5, conc)
            spent += 5
            if burst is None:
                break
            rates.append(burst["rps"])
        log("   warmed in %d s: %s answers/s" % (spent, ", ".join("%.0f" % r for r in rates)))
        return spent, rates

    def load_query(self, query, duration, conc):
        body_file = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
        json.dump({"query": query}, body_file)
        body_file.close()
        try:
            return self.load(body_file.name, duration, conc)
        finally:
            os.unlink(body_file.name)

    def load(self, body_path, duration, conc):
        tool = self.args.loadgen
        if tool == "hey" and shutil.which("hey"):
            command = ["hey", "-z", "%ds" % duration, "-c", str(conc), "-m", "POST", "-T", "application/json",
                       "-D", body_path, self.url]
            out = self.capture(command, duration + 60)
            if out is None:
                return None
            rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
            lat = {int(p): float(s) for p, s in re.findall(r"(\d+)%+ in ([\d.]+) secs", out)}
            slowest = re.search(r"Slowest:\s+([\d.]+)", out)
            codes = re.findall(r"\[(\d+)\]\s+(\d+) responses", out)
            errors = re.search(r"Error distribution:(.*)", out, re.S)
            statuses = ", ".join("HTTP %s: %s" % c for c in codes) or "no responses"
            if errors:
                statuses += "; errors: " + " ".join(errors.group(1).split())[:200]
            if not rps or 50 not in lat or 99 not in lat:
                log("could not parse hey output:\n" + out)
                return None
            non200 = sum(int(n) for code, n in codes if code != "200")
            if errors:
                non200 += sum(int(n) for n in re.findall(r"\[(\d+)\]", errors.group(1)))
            return {"tool": "hey", "non200": non200, "rps": float(rps.group(1)), "p50": lat[50], "p90": lat.get(90, float("nan")),
                    "p99": lat[99], "max": float(slowest.group(1)) if slowest else float("nan"), "statuses": statuses,
                    "command": "hey -z %ds -c %d -m POST -T application/json -D body.json URL" % (duration, conc)}
        if tool == "wrk" and shutil.which("wrk"):
            # The same script as bench/peer: every answer is checked, and only HTTP 200 with data and no errors
            # counts as an answer.
            script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "peer", "check.lua")
            command = ["wrk", "-t", "2", "-c", str(conc), "-d", "%ds" % duration, "--latency", "-s", script,
                       self.url, "--", body_path]
            out = self.capture(command, duration + 60)
            if out is None:
                return None
            line = re.search(r"^WRKJSON (\{.*\})$", out, re.M)
            if not line:
                log("could not parse wrk output:\n" + out)
                return None
            w = json.loads(line.group(1))
            socket_errors = w["connect"] + w["read"] + w["write"] + w["timeout"]
            return {"tool": "wrk", "non200": w["non200"] + w["bad_body"] + socket_errors,
                    "rps": w["ok"] / (w["duration_us"] / 1e6), "p50": w["p50_us"] / 1e6, "p90": w["p90_us"] / 1e6,
                    "p99": w["p99_us"] / 1e6, "max": w["max_us"] / 1e6,
                    "statuses": "HTTP 200 with data: %d; not 200: %d; 200 without data or with errors: %d; "
                                "socket errors: %d" % (w["ok"], w["non200"], w["bad_body"], socket_errors),
                    "command": "wrk -t 2 -c %d -d %ds --latency -s bench/peer/check.lua URL -- body.json"
                               % (conc, duration)}
        return self.python_load(body_path, duration, conc)

    def python_load(self, body_path, duration, conc):
        """Fallback when neither hey nor wrk is installed: keep-alive connections from Python
        threads. Python itself is the bottleneck here, so the figures are a lower bound."""
        import http.client
        import urllib.parse
        with open(body_path, "rb") as f:
            body = f.read()
        target = urllib.parse.urlparse(self.url)
        deadline = time.time() + duration
        lock = threading.Lock()
        latencies, statuses = [], {}

        def worker():
            connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
            mine, codes = [], {}
            for _ in range(10_000_000):
                if time.time() >= deadline:
                    break
                begun = time.perf_counter()
                try:
                    connection.request("POST", target.path, body, {"Content-Type": "application/json"})
                    response = connection.getresponse()
                    response.read()
                    code = response.status
                except Exception:
                    code = "error"
                    connection.close()
                    connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
                mine.append(time.perf_counter() - begun)
                codes[code] = codes.get(code, 0) + 1
            connection.close()
            with lock:
                latencies.extend(mine)
                for k, v in codes.items():
                    statuses[k] = statuses.get(k, 0) + v

        started = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(conc)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(duration + 60)
        elapsed = time.perf_counter() - started
        return {"tool": "python", "non200": sum(v for k, v in statuses.items() if k != 200),
                "rps": len(latencies) / elapsed, "p50": pct(latencies, 50), "p90": pct(latencies, 90),
                "p99": pct(latencies, 99), "max": max(latencies) if latencies else float("nan"),
                "statuses": ", ".join("HTTP %s: %d" % kv for kv in sorted(statuses.items(), key=str)),
                "command": "python keep-alive loop (hey/wrk not installed)"}

    @staticmethod
    def capture(command, timeout):
        try:
            child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        except OSError as ex:
            log("%s failed: %s" % (command[0], ex))
            return None
        _children.add(child)
        try:
            raw, _ = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            log("%s did not finish within %d s" % (command[0], timeout))
            return None
        finally:
            _children.discard(child)
        out = raw.decode(errors="replace")
        if child.returncode != 0:
            log("%s exited %d:\n%s" % (command[0], child.returncode, out[-2000:]))
            return None
        return out

    def quota_overload(self):
        quota = 100
        seconds = self.args.overload_seconds
        factor = self.args.overload_factor
        n = int(round(factor * quota * seconds / 60.0))
        conc = self.args.overload_concurrency
        users = ["user%04d" % u for u in range(1, 1 + (n + 179) // 180)]
        queries = []
        for user in users:
            for back in range(1, 181):
                day = self.today - dt.timedelta(days=back)
                queries.append('{ desktopUsage(range: %s, accountIds: ["huawei-demo"], userName: "%s", first: 1) '
                               '{ totalCount edges { node { userName total { seconds } } } '
                               'sources { accountId state error { code } } } }' % (day_range(day, day), user))
        queries = queries[:n]
        log("e. %d distinct cold desktopUsage queries over %d s = %.0f× the ListUsedDesktopInfo quota of %d/min "
            "(up to %d in flight)" % (n, seconds, factor, quota, conc))
        self.settle()
        started = time.perf_counter()
        replies = run_concurrently(self.url, queries, concurrency=conc, rate=n / float(seconds))
        elapsed = time.perf_counter() - started
        stats = self.sims.stats(HUAWEI)
        self.settle()
        answered = sum(1 for r in replies if r.complete)
        throttled = sum(1 for r in replies if not r.complete and "UPSTREAM_THROTTLED" in r.classifications())
        other = n - answered - throttled
        http5xx = sum(1 for r in replies if r.status >= 500 or r.status == 0)
        used_calls = stats["calls"].get("ListUsedDesktopInfo", 0)
        exceeded = stats.get("quotaExceeded", 0)
        other_classes = {}
        for r in replies:
            if not r.complete and "UPSTREAM_THROTTLED" not in r.classifications():
                key = ",".join(sorted(r.classifications())) or ("HTTP %s" % r.status)
                other_classes[key] = other_classes.get(key, 0) + 1
        self.row("e. Quota at %.0f× overload: simulator quotaExceeded" % factor, "0",
                 "%d" % exceeded, exceeded == 0 and http5xx == 0,
                 "%d requests in %.0f s: %d answered with data, %d UPSTREAM_THROTTLED, %d other; "
                 "%d ListUsedDesktopInfo calls (%.0f/min), peak %d/s"
                 % (n, elapsed, answered, throttled, other, used_calls, used_calls * 60.0 / elapsed,
                    stats.get("peakPerSecond", 0)))
        self.detail("### e. Quota compliance at %.0f× overload" % factor)
        self.detail("")
        self.detail("%d distinct `desktopUsage` queries (one day each over the last 180 days × users %s, "
                    "`accountIds: [\"huawei-demo\"]`, `first: 1`), each a cold `ListUsedDesktopInfo` call "
                    "(published quota %d/min per API and user), offered at an even %.1f requests/s for %d s "
                    "(%.0f× the quota), up to %d in flight. The simulator enforces the quota over a rolling minute "
                    "and counts every call beyond it in `quotaExceeded`. DeskGraph's token bucket for the API (burst "
                    "30, one more a second: at most 90 calls in any minute) queues a call while a permit is due "
                    "before its request's 20 s deadline, and otherwise answers `UPSTREAM_THROTTLED` (retryable, "
                    "with `retryAfterSeconds`) instead of calling the vendor."
                    % (n, ", ".join(users), quota, n / float(seconds), seconds, factor, conc))
        self.detail("")
        self.detail("- answered with data: %d; `UPSTREAM_THROTTLED`: %d; other: %d %s; HTTP 5xx or no answer: %d"
                    % (answered, throttled, other, other_classes if other_classes else "", http5xx))
        self.detail("- Huawei simulator: %d `ListUsedDesktopInfo` calls in %.0f s, **quotaExceeded %d**, injected %d, "
                    "peak %d calls/s" % (used_calls, elapsed, exceeded, stats.get("injected", 0),
                                         stats.get("peakPerSecond", 0)))
        self.detail("- client latency: p50 %s, p99 %s" % (ms(pct([r.seconds for r in replies], 50)),
                                                          ms(pct([r.seconds for r in replies], 99))))
        self.detail("")

    def faults(self):
        seconds = self.args.fault_seconds
        rate = self.args.fault_rate
        conc = self.args.fault_concurrency
        n = int(seconds * rate)
        fault = {"errorRate": 0.2, "timeoutRate": 0.05, "throttleRate": 0.05}
        queries = self.fault_queries()
        mix = [queries[i % len(queries)] for i in range(n)]
        log("f. %d requests over %d s (%d distinct queries) with 30%% injected faults on both simulators"
            % (n, seconds, len(queries)))
        self.settle()
        self.sims.faults(HUAWEI, **fault)
        self.sims.faults(ALIBABA, **fault)
        started = time.perf_counter()
        replies = run_concurrently(self.url, [q for _, q in mix], concurrency=conc, rate=rate)
        elapsed = time.perf_counter() - started
        stats = {v: self.sims.stats(v) for v in (HUAWEI, ALIBABA)}
        self.settle()
        http5xx = sum(1 for r in replies if r.status >= 500)
        no_answer = sum(1 for r in replies if r.status == 0)
        malformed = sum(1 for r in replies if not r.well_formed)
        with_data = sum(1 for r in replies if r.carries_data)
        complete = sum(1 for r in replies if r.complete)
        stale = sum(1 for r in replies if r.carries_data and not r.complete)
        share = with_data / float(n) if n else 0.0
        classes, messages = {}, {}
        for r in replies:
            if r.carries_data:
                continue
            for c in r.classifications():
                classes[c] = classes.get(c, 0) + 1
            for e in r.errors:
                text = re.sub(r"[0-9a-f]{16,}|\d+", "#", str(e.get("message", "")))[:140]
                messages[text] = messages.get(text, 0) + 1
        by_kind = {}
        for (kind, _), r in zip(mix, replies):
            k = by_kind.setdefault(kind, [0, 0])
            k[0] += 1
            k[1] += 1 if r.carries_data else 0
        injected = stats[HUAWEI].get("injected", 0) + stats[ALIBABA].get("injected", 0)
        upstream = sum(stats[HUAWEI]["calls"].values()) + sum(stats[ALIBABA]["calls"].values())
        exceeded = stats[HUAWEI].get("quotaExceeded", 0) + stats[ALIBABA].get("quotaExceeded", 0)
        self.row("f. 30% injected faults: answers carrying data", "≥ 99 %", "%.1f %% (%d / %d)" % (100 * share,
                 with_data, n), share >= 0.99 and http5xx == 0 and no_answer == 0 and malformed == 0,
                 "%d with every source OK, %d with a source served STALE; %d HTTP 5xx, %d unanswered, "
                 "%d not GraphQL; %d of %d vendor calls faulted; quotaExceeded %d"
                 % (complete, stale, http5xx, no_answer, malformed, injected, upstream, exceeded))
        self.detail("### f. Injected faults")
        self.detail("")
        self.detail("Both simulators answer 20%% of calls with the vendor's 5xx, 5%% with the vendor's throttling "
                    "error and hold 5%% without answering (DeskGraph's response timeout ends those), 30%% in all. "
                    "%d requests offered evenly at %.1f/s for %d s, up to %d in flight, cycling through %d "
                    "distinct queries a dashboard would send (status, idle desktops, rankings and metrics of "
                    "windows that include today): their vendor pages live 5 s (status, inventory) or 60 s "
                    "(windows that include today) in DeskGraph's cache, so the vendors are asked again and again "
                    "during the run, within their quotas. An answer carries data when it is HTTP 200 and every "
                    "account asked contributed: OK, or STALE (its last good answer, flagged in `sources` and "
                    "`errors`, served because the vendor failed)."
                    % (n, rate, seconds, conc, len(queries)))
        self.detail("")
        for kind, query in queries:
            self.detail("- `%s`: `%s`" % (kind, query))
        self.detail("")
        self.detail("- answers carrying data: **%d / %d (%.2f %%)**; every source OK: %d; a source STALE: %d"
                    % (with_data, n, 100 * share, complete, stale))
        self.detail("- gateway HTTP 5xx: **%d**; no answer: %d; not well-formed GraphQL JSON: %d"
                    % (http5xx, no_answer, malformed))
        self.detail("- per query (sent / carrying data): " + "; ".join(
            "%s %d/%d" % (k, v[0], v[1]) for k, v in by_kind.items()))
        self.detail("- answers without full data, by classification: " + (
            ", ".join("%s %d" % kv for kv in sorted(classes.items())) or "none"))
        for text, count in sorted(messages.items(), key=lambda kv: -kv[1])[:5]:
            self.detail("  - %d × %s" % (count, text))
        self.detail("- simulators: Huawei %d calls (%d faulted, quotaExceeded %d), Alibaba %d calls (%d faulted, "
                    "quotaExceeded %d)" % (sum(stats[HUAWEI]["calls"].values()), stats[HUAWEI].get("injected", 0),
                                          stats[HUAWEI].get("quotaExceeded", 0), sum(stats[ALIBABA]["calls"].values()),
                                          stats[ALIBABA].get("injected", 0), stats[ALIBABA].get("quotaExceeded", 0)))
        self.detail("- client latency: p50 %s, p99 %s, slowest %s" % (
            ms(pct([r.seconds for r in replies], 50)), ms(pct([r.seconds for r in replies], 99)),
            ms(max(r.seconds for r in replies))))
        self.detail("")

    def fault_queries(self):
        """The handful of distinct queries of a dashboard, over windows that include today."""
        t = self.today
        src = "sources { accountId state error { code } }"
        return [
            ("desktopStatus", "{ desktopStatus { total run { active stopped } login { inUse } %s } }" % src),
            ("idleDesktops", "{ idleDesktops(first: 10) { totalCount edges { node { desktop { id } } } %s } }" % src),
            ("usageRanking 7 days", "{ usageRanking(range: %s, first: 10) { totalCount edges { node { rank "
             "duration { seconds } } } %s } }" % (day_range(t - dt.timedelta(days=6), t), src)),
            ("usageRanking by user 21 days", "{ usageRanking(range: %s, by: USER, first: 10) { edges { node { "
             "userName duration { seconds } } } %s } }" % (day_range(t - dt.timedelta(days=20), t), src)),
            ("desktopMetrics 14 days", "{ desktopMetrics(range: %s, first: 10) { totalCount edges { node { "
             "desktop { id } usage { seconds } } } %s } }" % (day_range(t - dt.timedelta(days=13), t), src)),
            ("userMetrics 7 days", "{ userMetrics(range: %s, first: 10) { edges { node { userName usage { seconds } "
             "} } %s } }" % (day_range(t - dt.timedelta(days=6), t), src)),
            ("desktopUsage 2 days (Huawei)", "{ desktopUsage(range: %s, vendors: [HUAWEI], first: 10) { totalCount "
             "edges { node { total { seconds } } } %s } }" % (day_range(t - dt.timedelta(days=1), t), src)),
        ]

    # ---- report

    def report(self):
        header = ["Measurement", "Target (DESIGN.md §10)", "Measured", "Met", "Notes"]
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for r in self.rows:
            lines.append("| " + " | ".join(str(c).replace("|", "/") for c in r) + " |")
        return "\n".join(lines)

    def environment(self):
        java = subprocess.run(["java", "-version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout.decode(
            errors="replace").splitlines()
        text = ("%s, %d CPUs, Python %s, %s; load generator: %s; DeskGraph jar: %s; Huawei estate %s desktops. "
                "Load average (1 min) before the run %.1f, after %.1f."
                % (platform.platform(), os.cpu_count(), platform.python_version(), java[0] if java else "java ?",
                   self.args.loadgen_version or self.args.loadgen, self.args.jar, self.args.huawei_desktops,
                   self.load_before[0], os.getloadavg()[0]))
        if self.load_before[0] > (os.cpu_count() or 1):
            text += (" **The machine was already busy before the run (load average above the CPU count): latencies "
                     "and throughput are pessimistic; rerun on an idle machine to compare.**")
        return text

    def write(self, path):
        table = self.report()
        print()
        print(table)
        print()
        print(self.environment())
        print()
        if not path:
            return
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        with open(path, "w") as out:
            out.write("# DeskGraph benchmark, %s\n\n" % stamp)
            out.write("%s\n\n" % self.environment())
            out.write("Reproduce: `%s`\n\n" % self.args.reproduce)
            out.write(table + "\n\n")
            out.write("## Details\n\n")
            out.write("\n".join(self.details) + "\n")
            out.write("Total run time of the measurements: %.0f s.\n" % (time.time() - self.started))
        log("wrote " + path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graphql", required=True, help="gateway GraphQL URL, e.g. http://127.0.0.1:18080/graphql")
    parser.add_argument("--huawei", required=True, help="Huawei simulator base URL")
    parser.add_argument("--alibaba", required=True, help="Alibaba simulator base URL")
    parser.add_argument("--out", help="Markdown file to write")
    parser.add_argument("--loadgen", default="wrk", choices=["hey", "wrk", "python"])
    parser.add_argument("--loadgen-version", default="")
    parser.add_argument("--jar", default="?")
    parser.add_argument("--reproduce", default="bench/run.sh")
    parser.add_argument("--huawei-desktops", default="1000")
    env = lambda name, default: type(default)(os.environ.get(name, default))
    parser.add_argument("--dup-n", type=int, default=env("BENCH_DUP_N", 400))
    parser.add_argument("--dup-latency-ms", type=int, default=env("BENCH_DUP_LATENCY_MS", 200))
    parser.add_argument("--cold-samples", type=int, default=env("BENCH_COLD_SAMPLES", 12))
    parser.add_argument("--cold-pace", type=float, default=env("BENCH_COLD_PACE", 0.75))
    parser.add_argument("--drain-rounds", type=int, default=env("BENCH_DRAIN_ROUNDS", 6))
    parser.add_argument("--load-seconds", type=int, default=env("BENCH_LOAD_SECONDS", 20))
    parser.add_argument("--load-warm-max-seconds", type=int, default=env("BENCH_LOAD_WARM_MAX_SECONDS", 90))
    parser.add_argument("--load-concurrency", type=int, default=env("BENCH_LOAD_CONCURRENCY", 32))
    parser.add_argument("--overload-factor", type=float, default=env("BENCH_OVERLOAD_FACTOR", 10.0))
    parser.add_argument("--overload-seconds", type=int, default=env("BENCH_OVERLOAD_SECONDS", 60))
    parser.add_argument("--overload-concurrency", type=int, default=env("BENCH_OVERLOAD_CONCURRENCY", 200))
    parser.add_argument("--fault-rate", type=float, default=env("BENCH_FAULT_RATE", 6.0))
    parser.add_argument("--fault-seconds", type=int, default=env("BENCH_FAULT_SECONDS", 60))
    parser.add_argument("--fault-concurrency", type=int, default=env("BENCH_FAULT_CONCURRENCY", 32))
    parser.add_argument("--cycle-seconds", type=float, default=env("BENCH_CYCLE_SECONDS", 7.0))
    parser.add_argument("--only", default=os.environ.get("BENCH_ONLY", ""),
                        help="comma-separated subset of a,b,c,d,e,f (default: all)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)

    bench = Bench(args)
    if bench.load_before[0] > (os.cpu_count() or 1):
        log("note: load average %.1f is above the %d CPUs: other work is running, figures will be pessimistic"
            % (bench.load_before[0], os.cpu_count()))
    if not bench.check_up():
        return 2
    only = set(filter(None, args.only.split(",")))
    phases = [("a", bench.duplicate_load), ("b", bench.cold_cross_vendor), ("c", bench.huawei_drain),
              ("d", bench.cache_hit_throughput), ("e", bench.quota_overload), ("f", bench.faults)]
    try:
        bench.warm_up()
        for name, phase in phases:
            if only and name not in only:
                continue
            try:
                phase()
            except Exception as ex:  # one broken phase is reported; the others still run
                log("phase %s failed: %s: %s" % (name, type(ex).__name__, ex))
                bench.row("%s. (phase failed)" % name, "", "not measured", None, "%s: %s" % (type(ex).__name__, ex))
                try:
                    bench.settle()
                except Exception:
                    pass
    finally:
        bench.write(args.out)
    measured = [r for r in bench.rows if r[2] != "not measured"]
    if not measured:
        return 2
    missed = [r[0] for r in bench.rows if r[3] == verdict(False)]
    if missed:
        log("targets missed (see the table): " + "; ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
