#!/usr/bin/env python3
"""DeskGraph scale benchmark driver (Python 3 standard library only).

bench/scale.sh starts DeskGraph in demo mode once per estate size and calls this script
with the gateway's and both simulators' URLs and the gateway's process id. For each
question it measures, on one account with DeskGraph's default quotas:

- cold: the time from the first ask until the answer carries the account's data (asking
  again while the account is PENDING, after its retryAfterSeconds, at most every 2 s),
  and the vendor calls it took, counted at the simulator;
- the quota-bound minimum: for each vendor API the question used, its calls divided by
  the rate DeskGraph may call it at (per-minute x quota-headroom / 60), the largest of
  these; DeskGraph's burst is not subtracted;
- warm: the latency of the same question asked again and again once complete (every
  answer must carry the account's data, or the measurement fails), and its vendor calls;
- the heap after the run, after a full garbage collection (jcmd GC.run, GC.heap_info).

It prints one table and writes it to the Markdown file given. Exit status: 0 when every
target was met, 1 when one was missed, 2 when the gateway could not be measured.
"""

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from bench import HUAWEI, ALIBABA, Simulators, post_graphql, pct, ms, log, verdict

# DeskGraph's default quotas (application.yml, deskgraph.upstream.quotas) at its 90 % headroom: calls a minute.
HEADROOM = 0.9
PER_MINUTE = {
    (HUAWEI, "ListUsedDesktopInfo"): 100,
    (ALIBABA, "QueryHistoryUsageDurationRank"): 100,
    (ALIBABA, "DescribeDesktops"): 200,
}
HUAWEI_PER_MINUTE = 200

COLD_TARGET = 1.2  # x the quota-bound minimum
COLD_SLACK_S = 1.0  # for questions whose minimum is below the time of their HTTP round trips
WARM_P99_TARGET_S = 0.050
# Alibaba counts a region's states in 5 DescribeDesktops calls; Huawei a project's in 1 or 2.
STATUS_CALLS_PER_REGION = 5
GIVE_UP_S = 900

STATUS_RUN = """{ desktopStatus(accountIds: ["%s"]) { total run { active stopped error hibernated }
  sources { state error { code message retryAfterSeconds } } } }"""

# The dashboard's StatusByAccount operation (src/main/resources/static/examples/dashboard.graphql), for one account.
STATUS_DASHBOARD = """{ desktopStatus(accountIds: ["%s"]) {
  total run { active stopped hibernated error }
  login { inUse ready disconnected stopped unregistered unableToConnect }
  attach { attached unattached attaching error }
  byAccount { account { id vendor region name } total run { active stopped hibernated error } login { inUse ready disconnected } }
  pools { accountId poolId name total }
  sources { state fetchedAt error { code message retryAfterSeconds } } } }"""

RANKING = """{ usageRanking(range: %s, accountIds: ["%s"], first: 50) { totalCount
  edges { node { rank duration { seconds } desktop { nativeId } } }
  sources { state error { code message retryAfterSeconds } } } }"""

IDLE = """{ idleDesktops(since: "%s", accountIds: ["%s"], first: 50) { totalCount
  edges { node { desktop { nativeId } } }
  sources { state error { code message retryAfterSeconds } } } }"""

USAGE = """{ desktopUsage(range: %s, accountIds: ["%s"], first: 50) { totalCount
  edges { node { desktop { nativeId } total { seconds } } }
  sources { state error { code message retryAfterSeconds } } } }"""


def day_range(first, last):
    return '{from: "%s", to: "%s"}' % (first, last)


def questions(today):
    """The questions of one vendor track, in order: (name, field, query, status question?)."""
    month = day_range(today - 30 * DAY, today - DAY)
    since = (today - 14 * DAY).isoformat() + "T00:00:00Z"
    sixty = day_range(today - 60 * DAY, today - DAY)
    return {
        ALIBABA: [
            ("status (total and run counts)", "desktopStatus", STATUS_RUN % "alibaba-demo", True),
            ("ranking, 30 days by desktop", "usageRanking", RANKING % (month, "alibaba-demo"), False),
            ("dashboard status (login and attach too)", "desktopStatus", STATUS_DASHBOARD % "alibaba-demo", True),
            ("idle desktops, 14 days", "idleDesktops", IDLE % (since, "alibaba-demo"), False),
        ],
        HUAWEI: [
            ("status", "desktopStatus", STATUS_DASHBOARD % "huawei-demo", True),
            ("ranking, 30 days by desktop", "usageRanking", RANKING % (month, "huawei-demo"), False),
            ("idle desktops, 14 days", "idleDesktops", IDLE % (since, "huawei-demo"), False),
            ("desktop usage, 60 days (two windows)", "desktopUsage", USAGE % (sixty, "huawei-demo"), False),
        ],
    }


WARM_LOCK = threading.Lock()


class Track:
    """Asks one vendor's questions one after the other, each cold then warm."""

    def __init__(self, args, simulators, vendor, items):
        self.args = args
        self.simulators = simulators
        self.vendor = vendor
        self.items = items
        self.rows = []
        self.last_used = {}

    def calls(self):
        return dict(self.simulators.stats(self.vendor).get("calls", {}))

    def rate(self, api):
        per_minute = PER_MINUTE.get((self.vendor, api), HUAWEI_PER_MINUTE if self.vendor == HUAWEI else 100)
        return per_minute * HEADROOM / 60.0

    def run(self):
        for name, field, query, status in self.items:
            self.rows.append(self.measure(name, field, query, status))

    def wait_for_fresh_buckets(self, apis):
        """A question that uses an API an earlier one used waits until that API's last
        minute is over, so its cold time starts from a full bucket as its minimum assumes."""
        ready = max([self.last_used.get(api, 0.0) + 61.0 for api in apis] or [0.0])
        pause = ready - time.monotonic()
        if pause > 0:
            log("%s: waiting %.0f s for the quota minute of %s to pass" % (self.vendor, pause, ", ".join(apis)))
            time.sleep(pause)

    def measure(self, name, field, query, status):
        apis = self.apis_of(name)
        self.wait_for_fresh_buckets(apis)
        before = self.calls()
        started = time.monotonic()
        asks = 0
        failure = None
        reply = None
        while True:
            reply = post_graphql(self.args.graphql, query, timeout=60)
            asks += 1
            sources = self.sources(reply, field)
            states = [s.get("state") for s in sources]
            if reply.status == 200 and sources and all(st == "OK" for st in states) and not reply.errors:
                break
            if any(st in ("FAILED", "STALE") for st in states) or reply.status != 200 or not sources:
                failure = "ask %d: HTTP %s %s" % (asks, reply.status, json.dumps(reply.body)[:300])
                break
            if time.monotonic() - started > GIVE_UP_S:
                failure = "still PENDING after %d s" % GIVE_UP_S
                break
            retry_after = max([(s.get("error") or {}).get("retryAfterSeconds") or 1 for s in sources])
            time.sleep(min(2.0, max(0.2, float(retry_after))))
        cold = time.monotonic() - started
        after = self.calls()
        used = {api: after.get(api, 0) - before.get(api, 0) for api in after if after.get(api, 0) != before.get(api, 0)}
        now = time.monotonic()
        for api in used:
            self.last_used[api] = now
        minimum = max([count / self.rate(api) for api, count in used.items()] or [0.0])
        row = {"vendor": self.vendor, "question": name, "cold_s": cold, "asks": asks, "calls": used,
               "minimum_s": minimum, "status": status, "failure": failure,
               "total": self.total(reply, field)}
        if failure is None:
            row.update(self.warm(field, query))
            if status:
                row["recount_calls"] = self.recount(field, query)
        log("%s %-42s cold %6.1f s (%d asks, calls %s, minimum %.1f s)%s" % (
            self.vendor, name, cold, asks, used, minimum,
            "" if failure else ", warm p50 %s p99 %s, %d calls" % (ms(row["warm_p50"]), ms(row["warm_p99"]),
                                                                  row["warm_calls"])))
        if failure:
            log("  FAILED: " + failure)
        return row

    def apis_of(self, name):
        if self.vendor == ALIBABA:
            if "ranking" in name:
                return ["QueryHistoryUsageDurationRank"]
            if "idle" in name:
                return ["QueryHistoryUsageDurationRank", "DescribeDesktops"]
            return ["DescribeDesktops"]
        return ["ListUsedDesktopInfo"] if "usage" in name else []

    def warm(self, field, query):
        # One warm measurement at a time, so that the other track's never competes for the gateway's cores.
        with WARM_LOCK:
            return self.warm_alone(field, query)

    def warm_alone(self, field, query):
        for _ in range(self.args.warm_up):
            post_graphql(self.args.graphql, query, timeout=30)
        before = sum(self.calls().values())
        latencies = []
        bad = []
        lock = threading.Lock()

        def one(_):
            reply = post_graphql(self.args.graphql, query, timeout=30)
            states = [s.get("state") for s in self.sources(reply, field)]
            with lock:
                if reply.status == 200 and states and all(st == "OK" for st in states) and not reply.errors:
                    latencies.append(reply.seconds)
                else:
                    bad.append("HTTP %s %s" % (reply.status, states))

        with ThreadPoolExecutor(max_workers=self.args.warm_concurrency) as pool:
            list(pool.map(one, range(self.args.warm_requests)))
        calls = sum(self.calls().values()) - before
        return {"warm_p50": pct(latencies, 50), "warm_p99": pct(latencies, 99), "warm_ok": len(latencies),
                "warm_bad": len(bad), "warm_calls": calls, "warm_first_bad": bad[0] if bad else None}

    def recount(self, field, query):
        """The vendor calls of one more ask once the live counts (5 s) have expired."""
        time.sleep(6)
        before = sum(self.calls().values())
        reply = post_graphql(self.args.graphql, query, timeout=30)
        if not all(s.get("state") == "OK" for s in self.sources(reply, field)):
            return 10 ** 6
        return sum(self.calls().values()) - before

    @staticmethod
    def sources(reply, field):
        data = (reply.body or {}).get("data") or {}
        return ((data.get(field) or {}).get("sources")) or []

    @staticmethod
    def total(reply, field):
        data = ((reply.body or {}).get("data") or {}).get(field) or {}
        return data.get("totalCount", data.get("total"))


def cache_weight_mb(graphql):
    """DeskGraph's own estimate of its cached pages' heap (deskgraph.upstream.cache.weight), in MB."""
    url = graphql.rsplit("/graphql", 1)[0] + "/actuator/prometheus"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            text = response.read().decode()
    except OSError as ex:
        log("cache weight not read: %s" % ex)
        return None
    match = re.search(r"^deskgraph_upstream_cache_weight_bytes\{[^}]*\} ([0-9.eE+]+)$", text, re.M)
    return float(match.group(1)) / 1024 / 1024 if match else None


def heap_after_gc(pid):
    """Used heap in MB after a full collection, from jcmd; None when jcmd is missing."""
    try:
        subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60, check=True)
        info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, timeout=60, check=True,
                              text=True).stdout
    except (OSError, subprocess.SubprocessError) as ex:
        log("heap not measured: %s" % ex)
        return None
    match = re.search(r"used (\d+)K", info)
    return int(match.group(1)) / 1024.0 if match else None


def measure(args):
    simulators = Simulators(args.huawei, args.alibaba)
    simulators.reset()
    reply = post_graphql(args.graphql, "{ accounts { id vendor regions } }")
    if reply.status != 200:
        log("the gateway does not answer: HTTP %s" % reply.status)
        return 2
    regions = {account["vendor"].lower(): len(account["regions"]) for account in reply.body["data"]["accounts"]}
    today = dt.datetime.now(dt.timezone.utc).date()
    heap_before = heap_after_gc(args.pid)
    items = questions(today)
    tracks = [Track(args, simulators, vendor, items[vendor]) for vendor in (ALIBABA, HUAWEI)]
    # The vendors' quotas are separate: both tracks run at once.
    threads = [threading.Thread(target=track.run) for track in tracks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for track in tracks:
        for row in track.rows:
            row["regions"] = regions.get(track.vendor, 1)
    heap_after = heap_after_gc(args.pid)
    cache_weight = cache_weight_mb(args.graphql)
    accounts = {}
    for vendor in (HUAWEI, ALIBABA):
        rows = [row for track in tracks if track.vendor == vendor for row in track.rows]
        accounts[vendor] = next((row["total"] for row in rows if row["status"]), None)
    with open(args.json, "w") as out:
        json.dump({"desktops": args.desktops, "account_desktops": accounts,
                   "rows": [row for track in tracks for row in track.rows], "heap_before_mb": heap_before,
                   "heap_after_mb": heap_after, "cache_weight_mb": cache_weight,
                   "quota_exceeded": {vendor: simulators.stats(vendor).get("quotaExceeded", 0)
                                      for vendor in (HUAWEI, ALIBABA)}}, out, indent=1)
    return 0


def checks(row):
    """The targets a row is held to: (name, met?)."""
    result = []
    if row["failure"]:
        return [("answered with data", False)]
    result.append(("cold <= %.1fx minimum + %.0f s" % (COLD_TARGET, COLD_SLACK_S),
                   row["cold_s"] <= COLD_TARGET * row["minimum_s"] + COLD_SLACK_S))
    result.append(("warm p99 <= 50 ms", row["warm_p99"] <= WARM_P99_TARGET_S and row["warm_bad"] == 0))
    if row["status"]:
        cold_calls = sum(row["calls"].values())
        target = STATUS_CALLS_PER_REGION * row.get("regions", 1)
        result.append(("status <= %d calls" % target, row["recount_calls"] <= target
                       and (cold_calls <= target or "dashboard" in row["question"])))
    return result


def report(args):
    runs = []
    for path in args.results:
        with open(path) as f:
            runs.append(json.load(f))
    lines = ["# DeskGraph scale run", "", args.header, "",
             "| desktops (account) | vendor | question | vendor calls, cold | quota-bound minimum | cold | "
             "warm p50 / p99 | vendor calls, warm | targets |",
             "|---|---|---|---|---|---|---|---|---|"]
    missed = []
    for run in runs:
        for row in run["rows"]:
            row.setdefault("warm_requests", args.warm_requests)
            targets = checks(row)
            met = all(ok for _, ok in targets)
            if not met:
                missed.append("%s desktops, %s %s: %s" % (run["desktops"], row["vendor"], row["question"],
                                                          ", ".join(n for n, ok in targets if not ok)))
            calls = ", ".join("%d %s" % (count, api) for api, count in sorted(row["calls"].items())) or "0"
            warm = "n/a" if row["failure"] else "%s / %s" % (ms(row["warm_p50"]), ms(row["warm_p99"]))
            warm_calls = "n/a" if row["failure"] else "%d in %d asks" % (row["warm_calls"], row["warm_requests"])
            if "recount_calls" in row:
                warm_calls += "; %d in one ask 6 s later" % row["recount_calls"]
            lines.append("| %s (%s) | %s | %s | %s | %.1f s | %.1f s (%d asks) | %s | %s | %s |" % (
                run["desktops"], run["account_desktops"].get(row["vendor"]), row["vendor"], row["question"], calls,
                row["minimum_s"], row["cold_s"], row["asks"], warm, warm_calls,
                verdict(met) + ("" if met else ": " + "; ".join(n for n, ok in targets if not ok))
                + ((" (" + row["failure"] + ")") if row["failure"] else "")))
    lines += ["", "| desktops per vendor | heap after start-up, after full GC | heap after the run, after full GC | "
                  "cached pages and drains, as DeskGraph weighs them | calls refused by the simulators' quotas |",
              "|---|---|---|---|---|"]
    for run in runs:
        lines.append("| %s | %s | %s | %s | %s |" % (run["desktops"], mb(run["heap_before_mb"]),
                                                      mb(run["heap_after_mb"]), mb(run.get("cache_weight_mb")),
                                                 ", ".join("%s %s" % (v, n) for v, n in run["quota_exceeded"].items())))
        if any(run["quota_exceeded"].values()):
            missed.append("%s desktops: the simulators refused calls over their quota" % run["desktops"])
    lines += ["", "Targets: cold within %.1fx the quota-bound minimum (plus %.0f s for questions whose minimum is "
                  "below their HTTP round trips); warm p99 <= 50 ms with every answer carrying the account's data; "
                  "status <= %d vendor calls per region of the account and question (the dashboard status, whose "
                  "login and attach counts need the Alibaba inventory, is held to it once the inventory is kept)." % (
                      COLD_TARGET, COLD_SLACK_S, STATUS_CALLS_PER_REGION), ""]
    if missed:
        lines += ["Missed:", ""] + ["- " + m for m in missed] + [""]
    text = "\n".join(lines)
    print(text)
    with open(args.out, "w") as out:
        out.write(text)
    return 1 if missed else 0


def mb(value):
    return "n/a" if value is None else "%.0f MB" % value


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("measure", help="measure one estate size against a running gateway")
    one.add_argument("--graphql", required=True)
    one.add_argument("--huawei", required=True)
    one.add_argument("--alibaba", required=True)
    one.add_argument("--pid", required=True, help="the gateway's process id, for its heap")
    one.add_argument("--desktops", type=int, required=True)
    one.add_argument("--json", required=True, help="file to write this size's results to")
    one.add_argument("--warm-requests", type=int, default=300)
    one.add_argument("--warm-concurrency", type=int, default=4)
    one.add_argument("--warm-up", type=int, default=100, help="untimed asks before the warm measurement")
    table = commands.add_parser("report", help="print and write the table of several sizes")
    table.add_argument("--out", required=True)
    table.add_argument("--header", default="")
    table.add_argument("--warm-requests", type=int, default=300)
    table.add_argument("results", nargs="+")
    args = parser.parse_args()
    return measure(args) if args.command == "measure" else report(args)


DAY = dt.timedelta(days=1)

if __name__ == "__main__":
    sys.exit(main())
