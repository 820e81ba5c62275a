#!/usr/bin/env python3
"""DeskGraph scale-out benchmark driver (Python 3 standard library only).

bench/scaleout.sh starts one simulator-only process, optionally a redis-server, and 1 or 3
gateway replicas configured like docker-compose.yml's gateway service, then calls this
script once per scenario with the replicas' and the simulators' URLs. For each scenario it
measures, spreading requests round robin over the replicas:

- cold dedup: rounds of N identical cold queries sent at once (a barrier), while both
  simulators add latency to every call so the requests overlap; the vendor calls counted
  at the simulators per round (one distinct query) and per request;
- quota compliance: distinct cold desktopUsage queries (one ListUsedDesktopInfo call each,
  quota 100 a minute) offered at a multiple of the quota for a minute; the simulator's
  quotaExceeded (calls it had to refuse because the replicas together exceeded the quota);
- warm throughput: one warmed query loaded with one wrk per replica at once (connections
  split between them, bench/peer/check.lua counting only HTTP 200 answers with data):
  answers per second summed, the worst replica's p50 and p99.

Subcommands: `env` prints the gateway service's environment from docker-compose.yml and
its env_file (service names replaced by 127.0.0.1 and the given simulator ports), `measure`
measures one scenario into a JSON file, `report` prints the table of every scenario, writes
it to a Markdown file and exits 1 when a target was missed. Every request goes to
127.0.0.1. Exit status 2: the scenario could not be measured.
"""

import argparse
import datetime as dt
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from bench import HUAWEI, ALIBABA, Simulators, day_range, post_graphql, pct, ms, log, run_concurrently, verdict

QUOTA = 100  # ListUsedDesktopInfo calls a minute, the published Huawei quota the simulator enforces
COLD_LATENCY_MS = 200


# --------------------------------------------------------------------------- the compose gateway's environment


def compose_gateway_env(root):
    """The gateway service's env_file and environment, read from docker-compose.yml with a reader of the few YAML
    forms that file uses (no PyYAML: this script needs nothing beyond the standard library). environment wins over
    env_file, as in compose."""
    section, in_services, in_gateway = None, False, False
    env_files, inline = [], {}
    with open(os.path.join(root, "docker-compose.yml")) as compose:
        for line in compose:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line.startswith(" "):
                in_services = line.startswith("services:")
                in_gateway = False
                continue
            service = re.match(r"^  ([A-Za-z0-9_.-]+):(\s+&[\w-]+)?\s*$", line)
            if in_services and service:
                in_gateway, section = service.group(1) == "gateway", None
                continue
            if not in_gateway:
                continue
            key = re.match(r"^    ([a-z_]+):(\s+&[\w-]+)?\s*(.*)$", line)
            if key:
                section = key.group(1)
                continue
            if section == "env_file":
                item = re.match(r"^\s+-\s+(\S+)\s*$", line)
                if item:
                    env_files.append(item.group(1))
            elif section == "environment":
                item = re.match(r"^      ([A-Z0-9_]+):\s*(.*?)\s*$", line)
                if item:
                    inline[item.group(1)] = unquote(item.group(2))
    env = {}
    for env_file in env_files:
        with open(os.path.join(root, env_file)) as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    key, value = line.split("=", 1)
                    env[key] = value
    env.update(inline)
    return env


def unquote(value):
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def print_env(args):
    env = compose_gateway_env(args.root)
    expected = {"DESKGRAPH_ACCOUNTS_0_ENDPOINT": "http://huawei-sim:18081",
                "DESKGRAPH_ACCOUNTS_1_ENDPOINT": "http://alibaba-sim:18082"}
    for key, value in expected.items():
        if env.get(key) != value:
            log("docker-compose.yml's gateway has %s=%s, expected %s: update bench/scaleout.py" % (key, env.get(key),
                                                                                                 value))
            return 2
    for key in ("DESKGRAPH_ACCOUNTS_0_ACCESSKEY", "DESKGRAPH_ACCOUNTS_0_SECRETKEY", "DESKGRAPH_ACCOUNTS_1_ACCESSKEY",
                "DESKGRAPH_ACCOUNTS_1_SECRETKEY"):
        if not env.get(key):
            log("the gateway's env_file lacks %s" % key)
            return 2
    for key, value in sorted(env.items()):
        # Outside compose the simulator services are this host's simulator process.
        value = value.replace("huawei-sim:18081", "127.0.0.1:%d" % args.huawei_port)
        value = value.replace("alibaba-sim:18082", "127.0.0.1:%d" % args.alibaba_port)
        if key.endswith("_ENDPOINT") and not value.startswith("http://127.0.0.1:"):
            log("refusing to run against %s=%s: only the local simulators may be called" % (key, value))
            return 2
        print("%s=%s" % (key, value))
    return 0


# --------------------------------------------------------------------------- measurements


class ScaleOut:
    def __init__(self, args):
        self.args = args
        self.urls = args.graphql
        self.sims = Simulators(args.huawei, args.alibaba)
        self.today = dt.datetime.now(dt.timezone.utc).date()
        # Final weekend days inside Alibaba's 90-day window: each costs one page of each vendor (bench.py, a).
        self.weekend_days = [self.today - dt.timedelta(days=n) for n in range(2, 86)
                             if (self.today - dt.timedelta(days=n)).weekday() >= 5]
        self.result = {"scenario": args.scenario, "replicas": len(self.urls), "redis": args.redis}

    def check_up(self):
        for url in self.urls:
            reply = post_graphql(url, "{ accounts { id vendor } }", timeout=10)
            if reply.status != 200 or not reply.has_data:
                log("replica %s does not answer: HTTP %s %s" % (url, reply.status, reply.failure or reply.raw[:200]))
                return False
            ids = sorted(a["id"] for a in reply.body["data"]["accounts"])
            if ids != ["alibaba-demo", "huawei-demo"]:
                log("replica %s has accounts %s, not docker-compose.yml's" % (url, ids))
                return False
        self.sims.reset()
        return True

    def cold_dedup(self):
        n, rounds = self.args.cold_n, self.args.cold_rounds
        log("%s: cold dedup, %d rounds of %d identical cold usageRanking queries over %d replica(s), +%d ms per "
            "vendor call" % (self.args.scenario, rounds, n, len(self.urls), COLD_LATENCY_MS))
        def one_round():
            day = self.weekend_days.pop(0)
            query = ("{ usageRanking(range: %s, first: 5) { totalCount edges { node { rank duration { seconds } } } "
                     "sources { accountId state } } }" % day_range(day, day))
            self.sims.reset()
            self.sims.faults(HUAWEI, latencyMs=COLD_LATENCY_MS)
            self.sims.faults(ALIBABA, latencyMs=COLD_LATENCY_MS)
            replies = run_concurrently(self.urls, [query] * n, concurrency=n, barrier=True)
            calls = {v: {api: c for api, c in self.sims.stats(v).get("calls", {}).items() if c}
                     for v in (HUAWEI, ALIBABA)}
            return replies, {"day": day.isoformat(), "calls": calls, "complete": sum(1 for r in replies if r.complete),
                             "p50_s": pct([r.seconds for r in replies], 50), "max_s": max(r.seconds for r in replies)}

        # The replicas have just started: one round of the same shape first, not counted (reported in the details),
        # so that the counted rounds measure the replicas' sharing rather than their first seconds of JIT compiling.
        _, warm_up = one_round()
        per_round, complete = [], 0
        for _ in range(rounds):
            replies, measured = one_round()
            complete += measured["complete"]
            per_round.append(measured)
        self.sims.reset()
        total = sum(sum(c.values()) for r in per_round for c in r["calls"].values())
        # The most calls any one vendor API took for one distinct query (1 when the replicas shared its page).
        worst = max((count for r in per_round for c in r["calls"].values() for count in c.values()), default=0)
        self.result["cold"] = {"requests": n * rounds, "rounds": per_round, "calls": total, "complete": complete,
                               "max_calls_per_api_and_query": worst, "warm_up": warm_up}
        log("   %d vendor calls for %d requests (%.3f per request), at most %d per vendor API and distinct query; "
            "%d/%d complete" % (total, n * rounds, total / float(n * rounds), worst, complete, n * rounds))

    def warm(self):
        query = ("{ usageRanking(range: %s, first: 10) { totalCount edges { cursor node { rank userName "
                 "duration { seconds hours } desktop { id name } } } pageInfo { hasNextPage endCursor } "
                 "sources { accountId state fetchedAt } } }"
                 % day_range(self.today - dt.timedelta(days=8), self.today - dt.timedelta(days=2)))
        if not shutil.which("wrk"):
            log("%s: warm throughput not measured: wrk is not installed" % self.args.scenario)
            self.result["warm"] = None
            return
        self.sims.reset()
        for url in self.urls:
            reply = post_graphql(url, query)
            if not reply.complete:
                log("   warm-up answer from %s incomplete: %s" % (url, reply.raw[:300]))
        body = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
        json.dump({"query": query}, body)
        body.close()
        try:
            # A fresh JVM on 2 cores needs a minute or more of load before its JIT compilers catch up (bench.py, d).
            # Three within 10 % is not enough for three JVMs sharing two cores: their throughput can stall for a few
            # bursts while they compile, then rise again. So at least warm-min-seconds per replica first.
            rates, spent = [], 0
            least = min(self.args.warm_max_seconds, self.args.warm_min_seconds * len(self.urls))
            steady = lambda: (spent >= least and len(rates) >= 3
                              and max(rates[-3:]) - min(rates[-3:]) <= 0.1 * max(rates[-3:]))
            log("%s: warm-up, 5 s bursts for at least %d s, then until steady (at most %d s)"
                % (self.args.scenario, least, self.args.warm_max_seconds))
            while spent < self.args.warm_max_seconds and not steady():
                burst = self.load(body.name, 5)
                spent += 5
                if burst is None:
                    break
                rates.append(burst["rps"])
            self.sims.reset()
            log("%s: warm throughput, %d s, %d connections over %d replica(s)"
                % (self.args.scenario, self.args.load_seconds, self.args.load_connections, len(self.urls)))
            result = self.load(body.name, self.args.load_seconds)
            if result is not None:
                result["warm_up_rates"] = rates
                result["vendor_calls"] = sum(self.sims.calls(v) for v in (HUAWEI, ALIBABA))
                log("   %.0f answers/s, p50 %s, p99 %s (worst replica); %d not HTTP 200 with data"
                    % (result["rps"], ms(result["p50"]), ms(result["p99"]), result["bad"]))
            self.result["warm"] = result
        finally:
            os.unlink(body.name)

    def load(self, body_path, seconds):
        """One wrk per replica at once, the connections split between them; answers summed, the worst replica's
        latencies."""
        n = len(self.urls)
        connections = int(math.ceil(self.args.load_connections / float(n)))
        threads = 2 if n == 1 else 1
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "peer", "check.lua")
        children = []
        for url in self.urls:
            command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", "%ds" % seconds, "--timeout", "10s",
                       "--latency", "-s", script, url, "--", body_path]
            children.append(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT))
        outputs = []
        for child in children:
            try:
                raw, _ = child.communicate(timeout=seconds + 60)
            except subprocess.TimeoutExpired:
                child.kill()
                raw, _ = child.communicate()
            outputs.append(raw.decode(errors="replace"))
        results = []
        for out in outputs:
            line = re.search(r"^WRKJSON (\{.*\})$", out, re.M)
            if not line:
                log("could not parse wrk output:\n" + out[-2000:])
                return None
            results.append(json.loads(line.group(1)))
        bad = sum(w["non200"] + w["bad_body"] + w["connect"] + w["read"] + w["write"] + w["timeout"] for w in results)
        return {"rps": sum(w["ok"] / (w["duration_us"] / 1e6) for w in results),
                "p50": max(w["p50_us"] for w in results) / 1e6, "p99": max(w["p99_us"] for w in results) / 1e6,
                "per_replica": [{"rps": w["ok"] / (w["duration_us"] / 1e6), "p50": w["p50_us"] / 1e6,
                                 "p99": w["p99_us"] / 1e6, "max": w["max_us"] / 1e6} for w in results],
                "ok": sum(w["ok"] for w in results), "bad": bad,
                "command": "%d × wrk -t%d -c%d -d%ds --latency -s bench/peer/check.lua" % (n, threads, connections,
                                                                                           seconds)}

    def quota(self):
        seconds, factor = self.args.quota_seconds, self.args.quota_factor
        n = int(round(factor * QUOTA * seconds / 60.0))
        users = ["user%04d" % u for u in range(1, 1 + (n + 179) // 180)]
        queries = []
        for user in users:
            for back in range(1, 181):
                day = self.today - dt.timedelta(days=back)
                queries.append('{ desktopUsage(range: %s, accountIds: ["huawei-demo"], userName: "%s", first: 1) '
                               '{ totalCount edges { node { userName total { seconds } } } '
                               'sources { accountId state error { code } } } }' % (day_range(day, day), user))
        queries = queries[:n]
        log("%s: quota, %d distinct cold desktopUsage queries over %d s = %.0f× the ListUsedDesktopInfo quota of "
            "%d/min, round robin over %d replica(s)" % (self.args.scenario, n, seconds, factor, QUOTA, len(self.urls)))
        self.sims.reset()
        started = time.perf_counter()
        replies = run_concurrently(self.urls, queries, concurrency=self.args.quota_concurrency, rate=n / float(seconds))
        elapsed = time.perf_counter() - started
        stats = self.sims.stats(HUAWEI)
        self.sims.reset()
        answered = sum(1 for r in replies if r.complete)
        throttled = sum(1 for r in replies if not r.complete and "UPSTREAM_THROTTLED" in r.classifications())
        http5xx = sum(1 for r in replies if r.status >= 500 or r.status == 0)
        used = stats["calls"].get("ListUsedDesktopInfo", 0)
        self.result["quota"] = {"requests": n, "seconds": elapsed, "answered": answered, "throttled": throttled,
                                "other": n - answered - throttled, "http5xx": http5xx, "calls": used,
                                "quota_exceeded": stats.get("quotaExceeded", 0),
                                "peak_per_second": stats.get("peakPerSecond", 0),
                                "p50_s": pct([r.seconds for r in replies], 50),
                                "p99_s": pct([r.seconds for r in replies], 99)}
        log("   %d ListUsedDesktopInfo calls in %.0f s, quotaExceeded %d; %d answered, %d UPSTREAM_THROTTLED"
            % (used, elapsed, stats.get("quotaExceeded", 0), answered, throttled))


def measure(args):
    bench = ScaleOut(args)
    if not bench.check_up():
        return 2
    phases = [("cold", bench.cold_dedup), ("warm", bench.warm), ("quota", bench.quota)]
    for name, phase in phases:
        try:
            phase()
        except Exception as ex:  # one broken phase is reported; the others still run
            log("%s: %s failed: %s: %s" % (args.scenario, name, type(ex).__name__, ex))
            bench.result.setdefault("failures", []).append("%s: %s: %s" % (name, type(ex).__name__, ex))
            try:
                bench.sims.reset()
            except Exception:
                pass
    with open(args.json, "w") as out:
        json.dump(bench.result, out, indent=1)
    return 0


# --------------------------------------------------------------------------- report

DESCRIPTIONS = {"a": "a. 1 replica, no Redis", "b": "b. 3 replicas, no Redis", "c": "c. 3 replicas sharing Redis"}


def targets(run):
    """The targets a scenario is held to: (name, met?); None when not measured."""
    found = []
    cold, quota, warm = run.get("cold"), run.get("quota"), run.get("warm")
    if run["scenario"] == "c":
        found.append(("cold dedup ≤ 1 vendor call per API and distinct cold query",
                      cold is not None and cold["calls"] > 0 and cold["max_calls_per_api_and_query"] <= 1))
        found.append(("the replicas used Redis", run.get("redis_keys", 0) > 0))
    if run["scenario"] in ("a", "c"):
        found.append(("quotaExceeded = 0", quota is not None and quota["quota_exceeded"] == 0
                      and quota["http5xx"] == 0))
    if warm is not None:
        found.append(("every warm answer HTTP 200 with data", warm["bad"] == 0))
    for failure in run.get("failures", []):
        found.append(("measured (%s)" % failure, False))
    return found


def report(args):
    runs = []
    for path in args.results:
        with open(path) as f:
            run = json.load(f)
        keys_file = path + ".redis-keys"
        if os.path.exists(keys_file):
            with open(keys_file) as f:
                text = f.read().strip()
                run["redis_keys"] = int(text) if text.isdigit() else 0
        unreachable_file = path + ".redis-unreachable"
        if os.path.exists(unreachable_file):
            with open(unreachable_file) as f:
                found = [line.strip() for line in f if line.strip()]
            run["redis_unreachable"] = len(found)
            run["redis_unreachable_lines"] = [re.sub(r"\s+", " ", line)[:300] for line in found[:3]]
        runs.append(run)
    lines = ["# DeskGraph scale-out run", "", args.header, "",
             "| scenario | cold dedup: vendor calls / requests | most calls per API and distinct query | "
             "quota at 3×: quotaExceeded | ListUsedDesktopInfo calls (per minute) | answered / throttled | "
             "warm answers/s | warm p50 / p99 (worst replica) | targets |",
             "|---|---|---|---|---|---|---|---|---|"]
    missed = []
    for run in runs:
        cold, quota, warm = run.get("cold"), run.get("quota"), run.get("warm")
        found = targets(run)
        met = all(ok for _, ok in found)
        if not met:
            missed.append("%s: %s" % (DESCRIPTIONS.get(run["scenario"], run["scenario"]),
                                      "; ".join(n for n, ok in found if not ok)))
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            DESCRIPTIONS.get(run["scenario"], run["scenario"]),
            "%d / %d = %.3f" % (cold["calls"], cold["requests"], cold["calls"] / float(cold["requests"]))
            if cold else "not measured",
            "%d" % cold["max_calls_per_api_and_query"] if cold else "n/a",
            "**%d**" % quota["quota_exceeded"] if quota else "not measured",
            "%d (%.0f)" % (quota["calls"], quota["calls"] * 60.0 / quota["seconds"]) if quota else "n/a",
            "%d / %d" % (quota["answered"], quota["throttled"]) if quota else "n/a",
            "%.0f" % warm["rps"] if warm else "not measured",
            "%s / %s" % (ms(warm["p50"]), ms(warm["p99"])) if warm else "n/a",
            verdict(met) if found else "n/a"))
    lines += ["", "Targets: (c) at most one vendor call per vendor API and distinct cold query, the replicas together; "
                  "(a) and (c) the simulator's quotaExceeded 0 while distinct cold queries arrive at 3× the quota; "
                  "every warm answer HTTP 200 with data. (b) shows the problem Redis solves and is held to no "
                  "target but its warm answers.", ""]
    if missed:
        lines += ["Missed:", ""] + ["- " + m for m in missed] + [""]
    lines += ["## Details", ""]
    for run in runs:
        cold, quota, warm = run.get("cold"), run.get("quota"), run.get("warm")
        lines += ["### %s" % DESCRIPTIONS.get(run["scenario"], run["scenario"]), ""]
        if cold:
            lines.append("- cold dedup (%d identical cold `usageRanking` queries of one final weekend day per round, "
                         "sent at once round robin, both simulators +%d ms per call): %d/%d complete answers"
                         % (cold["requests"] // max(1, len(cold["rounds"])), COLD_LATENCY_MS, cold["complete"],
                            cold["requests"]))
            rounds = [("", r) for r in cold["rounds"]]
            if cold.get("warm_up"):
                rounds.insert(0, ("warm-up round, not counted: ", cold["warm_up"]))
            for label, r in rounds:
                lines.append("  - %s%s: %s; %s/%d complete; client p50 %s, slowest %s" % (label, r["day"], "; ".join(
                    "%s %s" % (vendor, ", ".join("%d %s" % (c, api) for api, c in sorted(calls.items())) or "0")
                    for vendor, calls in sorted(r["calls"].items())), r.get("complete", "?"),
                    cold["requests"] // max(1, len(cold["rounds"])), ms(r["p50_s"]), ms(r["max_s"])))
        if quota:
            lines.append("- quota: %d distinct `desktopUsage` queries (one `ListUsedDesktopInfo` call each) in %.0f s: "
                         "%d answered with data, %d `UPSTREAM_THROTTLED`, %d other, %d HTTP 5xx or unanswered; "
                         "simulator: %d calls, **quotaExceeded %d**, peak %d/s; client p50 %s, p99 %s"
                         % (quota["requests"], quota["seconds"], quota["answered"], quota["throttled"],
                            quota["other"], quota["http5xx"], quota["calls"], quota["quota_exceeded"],
                            quota["peak_per_second"], ms(quota["p50_s"]), ms(quota["p99_s"])))
        if warm:
            lines.append("- warm: `%s` for %d answers with data, %d other; %d vendor calls during the load; per "
                         "replica: %s; untimed warm-up bursts: %s answers/s"
                         % (warm["command"], warm["ok"], warm["bad"], warm.get("vendor_calls", 0), "; ".join(
                             "%.0f/s p50 %s p99 %s" % (r["rps"], ms(r["p50"]), ms(r["p99"]))
                             for r in warm["per_replica"]), ", ".join("%.0f" % x for x in warm.get("warm_up_rates",
                                                                                                  []))))
        if "redis_keys" in run:
            lines.append("- Redis keys after the scenario: %d" % run["redis_keys"])
        if "redis_unreachable" in run:
            lines.append("- times a replica found Redis unreachable and served alone (its log's WARN lines): %d%s"
                         % (run["redis_unreachable"], "" if not run.get("redis_unreachable_lines") else
                            "; " + " / ".join("`%s`" % line for line in run["redis_unreachable_lines"])))
        for failure in run.get("failures", []):
            lines.append("- **failed**: %s" % failure)
        lines.append("")
    text = "\n".join(lines)
    print(text)
    with open(args.out, "w") as out:
        out.write(text)
    return 1 if missed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    env = commands.add_parser("env", help="print the compose gateway's environment for local simulator ports")
    env.add_argument("--root", required=True, help="the repository root")
    env.add_argument("--huawei-port", type=int, required=True)
    env.add_argument("--alibaba-port", type=int, required=True)
    one = commands.add_parser("measure", help="measure one scenario against running replicas")
    one.add_argument("--scenario", required=True)
    one.add_argument("--graphql", required=True, action="append", help="a replica's GraphQL URL (repeat per replica)")
    one.add_argument("--huawei", required=True)
    one.add_argument("--alibaba", required=True)
    one.add_argument("--redis", action="store_true", help="the replicas share a Redis")
    one.add_argument("--json", required=True)
    number = lambda name, default: type(default)(os.environ.get(name, default))
    one.add_argument("--cold-n", type=int, default=number("SCALEOUT_COLD_N", 30))
    one.add_argument("--cold-rounds", type=int, default=number("SCALEOUT_COLD_ROUNDS", 3))
    one.add_argument("--quota-factor", type=float, default=number("SCALEOUT_QUOTA_FACTOR", 3.0))
    one.add_argument("--quota-seconds", type=int, default=number("SCALEOUT_QUOTA_SECONDS", 60))
    one.add_argument("--quota-concurrency", type=int, default=number("SCALEOUT_QUOTA_CONCURRENCY", 150))
    one.add_argument("--load-seconds", type=int, default=number("SCALEOUT_LOAD_SECONDS", 15))
    one.add_argument("--load-connections", type=int, default=number("SCALEOUT_LOAD_CONNECTIONS", 32))
    one.add_argument("--warm-min-seconds", type=int, default=number("SCALEOUT_WARM_MIN_SECONDS", 30),
                     help="untimed warm-up per replica before the throughput may count as steady")
    one.add_argument("--warm-max-seconds", type=int, default=number("SCALEOUT_WARM_MAX_SECONDS", 150))
    table = commands.add_parser("report", help="print and write the table of every scenario")
    table.add_argument("--out", required=True)
    table.add_argument("--header", default="")
    table.add_argument("results", nargs="+")
    args = parser.parse_args()
    if args.command == "env":
        return print_env(args)
    return measure(args) if args.command == "measure" else report(args)


if __name__ == "__main__":
    sys.exit(main())
