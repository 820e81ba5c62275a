#!/usr/bin/env python3
"""Side-by-side driver of bench/peer/run.sh (Python 3 standard library only).

run.sh starts DeskGraph in demo mode and a Hive Gateway serving the GraphQL Mesh supergraph over the
same Huawei simulator, then calls this script. It checks that both gateways answer with the same data,
warms them, measures alternating rounds of the same load (wrk or hey) per gateway and query, counts
every answer that is not HTTP 200 with data, counts the vendor calls each run caused at the simulators,
prints one Markdown table with the ratios and writes it to a file.

Exit status: 0 when every target was met, 1 when one was missed (a run with failed answers or calls over
the vendor's quota counts as missed), 2 when the measurement could not run.
"""

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))

# The load generator running now, stopped with this script, and the directory of request bodies.
_children = set()
_tmpdirs = []


def _stop(signum, frame):
    for child in list(_children):
        try:
            child.kill()
        except OSError:
            pass
    for path in _tmpdirs:
        shutil.rmtree(path, ignore_errors=True)
    sys.stdout.write("\n[peer] interrupted\n")
    sys.stdout.flush()
    os._exit(128 + signum)


class CannotRun(Exception):
    """The measurement cannot run (exit 2)."""


def say(message):
    print("[peer] " + message, flush=True)


# --------------------------------------------------------------------------- HTTP


def post(url, query, timeout=60.0):
    """POSTs a GraphQL query; returns (status, parsed body or None, seconds)."""
    data = json.dumps({"query": query}).encode()
    request = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": "application/json", "Accept": "application/json"})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as ex:
        status, raw = ex.code, ex.read() or b""
    except OSError as ex:
        return 0, {"failure": str(ex)}, time.perf_counter() - start
    seconds = time.perf_counter() - start
    try:
        return status, json.loads(raw), seconds
    except ValueError:
        return status, None, seconds


def answered(status, body):
    """HTTP 200, a data object with a non-null field, no errors."""
    data = body.get("data") if isinstance(body, dict) else None
    return (status == 200 and isinstance(data, dict) and any(v is not None for v in data.values())
            and not body.get("errors"))


def sim_stats(url):
    with urllib.request.urlopen(url.rstrip("/") + "/_sim/stats", timeout=10) as response:
        return json.loads(response.read())


def vendor_calls(sims):
    """Calls per simulator API, e.g. {"huawei.ListDesktopsStatistics": 3, ...}, and quotaExceeded summed."""
    calls, exceeded = {}, 0
    for vendor, url in sims.items():
        stats = sim_stats(url)
        for api, count in (stats.get("calls") or {}).items():
            calls[vendor + "." + api] = count
        exceeded += int(stats.get("quotaExceeded") or 0)
    return calls, exceeded


def diff_calls(after, before):
    return {api: after[api] - before.get(api, 0) for api in after if after[api] - before.get(api, 0)}


# --------------------------------------------------------------------------- CPU of the gateways


def cpu_seconds(pid):
    """CPU seconds (user + system) of a process and its children (Hive Gateway workers), or None."""
    if not pid:
        return None
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    try:
        pids = [pid] + [int(p) for p in os.listdir("/proc") if p.isdigit() and _ppid(int(p)) == pid]
        for p in pids:
            with open("/proc/%d/stat" % p) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
    except (OSError, ValueError, IndexError):
        return None
    return total


def _ppid(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


def machine_cpu_seconds():
    """(busy, steal): CPU seconds all CPUs spent in processes since boot (/proc/stat: user, nice and system;
    interrupts, which include the loopback traffic of the benchmark itself, are left out), and CPU seconds the
    hypervisor gave to others while this machine wanted to run (steal)."""
    try:
        with open("/proc/stat") as f:
            fields = [int(v) for v in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None, None
    tick = os.sysconf("SC_CLK_TCK")
    return sum(fields[:3]) / tick, (fields[7] / tick if len(fields) > 7 else 0.0)


def children_cpu_seconds():
    """CPU seconds of this script's finished children (the load generator runs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def loadavg():
    try:
        return os.getloadavg()
    except OSError:
        return (float("nan"),) * 3


# --------------------------------------------------------------------------- load generators


def run_wrk(url, body_file, seconds, threads, connections):
    cmd = ["wrk", "-t%d" % threads, "-c%d" % connections, "-d%ds" % seconds, "--timeout", "10s",
           "-s", os.path.join(HERE, "check.lua"), url, body_file]
    out = _run(cmd, seconds)
    match = re.search(r"^WRKJSON (\{.*\})$", out, re.M)
    if not match:
        raise CannotRun("wrk printed no result:\n" + out[-2000:])
    r = json.loads(match.group(1))
    socket_errors = r["connect"] + r["read"] + r["write"] + r["timeout"]
    return {
        "requests": r["requests"],
        "rps": r["requests"] / (r["duration_us"] / 1e6),
        "p50_ms": r["p50_us"] / 1000.0,
        "p99_ms": r["p99_us"] / 1000.0,
        "non200": r["non200"],
        "bad_body": r["bad_body"],
        "socket_errors": socket_errors,
        "checked": r["ok"] + r["non200"] + r["bad_body"],
    }


def run_hey(url, body_file, seconds, threads, connections):
    cmd = ["hey", "-z", "%ds" % seconds, "-c", str(connections), "-t", "10", "-m", "POST",
           "-T", "application/json", "-D", body_file, url]
    out = _run(cmd, seconds)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"50%+ in ([\d.]+) secs", out)
    p99 = re.search(r"99%+ in ([\d.]+) secs", out)
    if not (rps and p50 and p99):
        raise CannotRun("hey printed no result:\n" + out[-2000:])
    statuses = {int(code): int(n) for code, n in re.findall(r"\[(\d+)\]\s+(\d+) responses", out)}
    errors_block = out.split("Error distribution:", 1)[1] if "Error distribution:" in out else ""
    socket_errors = sum(int(n) for n in re.findall(r"^\s+\[(\d+)\]", errors_block, re.M))
    requests = sum(statuses.values())
    return {
        "requests": requests,
        "rps": float(rps.group(1)),
        "p50_ms": float(p50.group(1)) * 1000,
        "p99_ms": float(p99.group(1)) * 1000,
        "non200": requests - statuses.get(200, 0),
        "bad_body": 0,  # hey does not read bodies: the verifying requests before and after each run do
        "socket_errors": socket_errors,
        "checked": 0,
    }


def _run(cmd, seconds):
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    _children.add(process)
    try:
        out, _ = process.communicate(timeout=seconds + 60)
    except subprocess.TimeoutExpired:
        process.kill()
        raise CannotRun("%s did not finish" % cmd[0])
    finally:
        _children.discard(process)
    if process.returncode != 0:
        raise CannotRun("%s failed (exit %d):\n%s" % (cmd[0], process.returncode, out[-2000:]))
    return out


# --------------------------------------------------------------------------- the measurement


def median(values):
    return statistics.median(values) if values else float("nan")


def fmt_int(value):
    return "{:,.0f}".format(value)


def pct_or_unknown(value):
    return "?" if value is None else "%.0f %%" % value


def fmt_ms(value):
    return "%.1f" % value


def main():
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--deskgraph", required=True, help="DeskGraph /graphql URL")
    p.add_argument("--mesh", required=True, help="Hive Gateway (Mesh) /graphql URL")
    p.add_argument("--huawei", required=True, help="Huawei simulator base URL")
    p.add_argument("--alibaba", required=True, help="Alibaba simulator base URL")
    p.add_argument("--project-id", required=True)
    p.add_argument("--deskgraph-pid", type=int)
    p.add_argument("--mesh-pid", type=int)
    p.add_argument("--mesh-workers", type=int, default=1, help="Hive Gateway workers (--fork), for the report")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--seconds", type=int, default=10)
    p.add_argument("--warm-seconds", type=int, default=5, help="length of one warm-up burst")
    p.add_argument("--warm-max-seconds", type=int, default=180, help="longest warm-up of one gateway and query")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--connections", type=int, default=32)
    p.add_argument("--loadgen", choices=["wrk", "hey"], default="wrk")
    p.add_argument("--out", required=True, help="Markdown file to write")
    p.add_argument("--meta", default="{}", help="JSON object of setup facts for the report")
    args = p.parse_args()
    try:
        return measure(args)
    except CannotRun as ex:
        say("ERROR: the measurement could not run: %s" % ex)
        return 2
    finally:
        for path in _tmpdirs:
            shutil.rmtree(path, ignore_errors=True)


def measure(args):
    meta = json.loads(args.meta)
    sims = {"huawei": args.huawei, "alibaba": args.alibaba}
    today = dt.datetime.now(dt.timezone.utc).date()
    since, until = today - dt.timedelta(days=8), today - dt.timedelta(days=1)
    ranking_fields = "edges { node { rank duration { seconds } } }"
    ranking = '{ usageRanking(range: {from: "%s", to: "%s"}, first: 10) { %s } }' % (since, until, ranking_fields)
    queries = {
        ("DeskGraph", "status"): (args.deskgraph,
                                  "{ desktopStatus(vendors: [HUAWEI]) { total attach { attached unattached } } }"),
        ("Mesh", "status"): (args.mesh,
                             '{ ListDesktopsStatistics(project_id: "%s", statistics_type: [attach_state]) '
                             "{ total_num attach_statistics { attached_num unattached_num } } }" % args.project_id),
        ("DeskGraph", "ranking"): (args.deskgraph, ranking),
        ("DeskGraph", "__typename"): (args.deskgraph, "{ __typename }"),
        ("Mesh", "__typename"): (args.mesh, "{ __typename }"),
    }
    labels = {
        "status": "status (Huawei, cached)",
        "ranking": "cross-vendor usageRanking (cached)",
        "__typename": "`{ __typename }` floor",
    }
    # Alternating gateways; every other round in reverse, so neither always runs right after the other.
    order = [("DeskGraph", "status"), ("Mesh", "status"), ("DeskGraph", "ranking"), ("Mesh", "__typename"),
             ("DeskGraph", "__typename")]
    pids = {"DeskGraph": args.deskgraph_pid, "Mesh": args.mesh_pid}
    load = run_wrk if args.loadgen == "wrk" else run_hey
    load_before = loadavg()
    started = time.time()

    # 1. Both gateways answer the status question with the same counts.
    dg_status, dg_body, _ = post(*queries[("DeskGraph", "status")])
    mesh_status, mesh_body, _ = post(*queries[("Mesh", "status")])
    if not answered(dg_status, dg_body):
        raise CannotRun("DeskGraph status answer: HTTP %s %s" % (dg_status, json.dumps(dg_body)[:600]))
    if not answered(mesh_status, mesh_body):
        raise CannotRun("Mesh status answer: HTTP %s %s" % (mesh_status, json.dumps(mesh_body)[:600]))
    dg = dg_body["data"]["desktopStatus"]
    mesh = mesh_body["data"]["ListDesktopsStatistics"]
    same = (dg["total"] == mesh["total_num"] and dg["attach"]["attached"] == mesh["attach_statistics"]["attached_num"]
            and dg["attach"]["unattached"] == mesh["attach_statistics"]["unattached_num"])
    if not same:
        raise CannotRun("the gateways disagree: DeskGraph %s, Mesh %s" % (json.dumps(dg), json.dumps(mesh)))
    say("both gateways answer the status: %d desktops, %d attached, %d unattached"
        % (dg["total"], dg["attach"]["attached"], dg["attach"]["unattached"]))

    # 2. The cross-vendor ranking complete (both accounts OK) in DeskGraph's cache.
    deadline = time.time() + 120
    while True:
        status, body, seconds = post(args.deskgraph, ranking.replace(ranking_fields, ranking_fields
                                                                      + " sources { accountId state }"))
        sources = (((body or {}).get("data") or {}).get("usageRanking") or {}).get("sources") or []
        if answered(status, body) and sources and all(s.get("state") == "OK" for s in sources):
            break
        if time.time() > deadline:
            raise CannotRun("the ranking did not complete within 120 s: %s" % json.dumps(body)[:600])
        time.sleep(2)
    say("ranking %s..%s complete in DeskGraph's cache (%s)" % (since, until,
                                                              ", ".join(s["accountId"] for s in sources)))
    for key in order:
        status, body, _ = post(*queries[key])
        if not answered(status, body):
            raise CannotRun("%s %s: HTTP %s %s" % (key[0], key[1], status, json.dumps(body)[:600]))

    # 3. Warm-up: the same load, untimed (JIT, connection pools, caches).
    tmp = tempfile.mkdtemp(prefix="deskgraph-peer-bodies-")
    _tmpdirs.append(tmp)
    bodies = {}
    for key, (url, query) in queries.items():
        path = os.path.join(tmp, "%s-%s.json" % (key[0], key[1].strip("_")))
        with open(path, "w") as f:
            json.dump({"query": query}, f)
        bodies[key] = path
    # A freshly started JVM on 2 cores needs a minute or more of load before its JIT compilers catch up, so each
    # pair gets bursts of the same load until its throughput is steady: the last three bursts within 7 % of each
    # other, or warm_max_seconds.
    failed_checks = []
    warmup = {}

    def steady(rates):
        last = rates[-3:]
        return len(last) == 3 and max(last) - min(last) <= 0.07 * max(last)

    for key in order:
        rates, spent = [], 0
        while spent < args.warm_max_seconds and not steady(rates):
            burst = load(queries[key][0], bodies[key], args.warm_seconds, args.threads, args.connections)
            spent += args.warm_seconds
            rates.append(burst["rps"])
            failed = burst["non200"] + burst["bad_body"] + burst["socket_errors"]
            if failed or not burst["requests"]:
                failed_checks.append("%s %s warm-up: %d answers not HTTP 200 with data, %d answers in all"
                                     % (key[0], key[1], failed, burst["requests"]))
        warmup[key] = (spent, rates, steady(rates))
        say("warmed %-9s %-10s in %3d s: %s req/s%s" % (
            key[0], key[1], spent, " → ".join(fmt_int(r) for r in rates),
            "" if steady(rates) else " (not steady: stopped at the limit)"))

    # 4. Alternating rounds.
    calls_start, exceeded_start = vendor_calls(sims)
    runs = {key: [] for key in order}
    for round_no in range(1, args.rounds + 1):
        for key in (order if round_no % 2 else list(reversed(order))):
            url, query = queries[key]
            before, _ = vendor_calls(sims)
            gateways_before = {g: cpu_seconds(pid) for g, pid in pids.items()}
            (machine_before, steal_before), loadgen_before = machine_cpu_seconds(), children_cpu_seconds()
            t0 = time.perf_counter()
            result = load(url, bodies[key], args.seconds, args.threads, args.connections)
            elapsed = time.perf_counter() - t0
            gateways_after = {g: cpu_seconds(pid) for g, pid in pids.items()}
            (machine_after, steal_after), loadgen_after = machine_cpu_seconds(), children_cpu_seconds()
            cpu_before, cpu_after = gateways_before[key[0]], gateways_after[key[0]]
            # CPU the rest of the machine used meanwhile: all busy CPU time minus both gateways (the simulators
            # run inside DeskGraph) and the load generator; a busy neighbour shows here.
            parts = [machine_before, machine_after] + list(gateways_before.values()) + list(gateways_after.values())
            result["others"] = (None if any(v is None for v in parts) else max(0.0, (
                (machine_after - machine_before) - sum(gateways_after[g] - gateways_before[g] for g in pids)
                - (loadgen_after - loadgen_before)) / elapsed * 100.0))
            result["loadgen_cpu"] = (loadgen_after - loadgen_before) / elapsed * 100.0
            idle = [g for g in pids if g != key[0]][0]
            result["idle_cpu"] = (None if gateways_before[idle] is None or gateways_after[idle] is None
                                  else (gateways_after[idle] - gateways_before[idle]) / elapsed * 100.0)
            result["steal"] = (None if steal_before is None else (steal_after - steal_before) / elapsed * 100.0)
            after, _ = vendor_calls(sims)
            if result["requests"] == 0:
                failed_checks.append("%s %s round %d: no answer completed during the run"
                                     % (key[0], key[1], round_no))
            status, body, _ = post(url, query)
            if not answered(status, body):
                failed_checks.append("%s %s round %d, verifying request after the run: HTTP %s %s"
                                     % (key[0], key[1], round_no, status, json.dumps(body)[:300]))
            result["round"] = round_no
            result["calls"] = diff_calls(after, before)
            result["cpu"] = ((cpu_after - cpu_before) / elapsed * 100.0
                             if cpu_before is not None and cpu_after is not None else None)
            runs[key].append(result)
            say("round %d  %-9s %-10s %8s req/s  p50 %6s ms  p99 %6s ms  failed %d  vendor calls %d%s"
                % (round_no, key[0], key[1], fmt_int(result["rps"]), fmt_ms(result["p50_ms"]),
                   fmt_ms(result["p99_ms"]), result["non200"] + result["bad_body"] + result["socket_errors"],
                   sum(result["calls"].values()),
                   "" if result["cpu"] is None else "  gateway CPU %.0f%%" % result["cpu"])
                + ("" if result["idle_cpu"] is None else "  other gateway %.0f%%" % result["idle_cpu"])
                + ("" if result["others"] is None else "  other processes %.0f%%" % result["others"])
                + ("" if not result["steal"] or result["steal"] < 5 else "  stolen %.0f%%" % result["steal"]))
            time.sleep(1)
    calls_end, exceeded_end = vendor_calls(sims)
    load_after = loadavg()
    shutil.rmtree(tmp, ignore_errors=True)

    # 5. Figures, ratios, targets.
    agg = {}
    for key, results in runs.items():
        agg[key] = {
            "rps": median([r["rps"] for r in results]),
            "p50": median([r["p50_ms"] for r in results]),
            "p99": median([r["p99_ms"] for r in results]),
            "requests": sum(r["requests"] for r in results),
            "failed": sum(r["non200"] + r["bad_body"] + r["socket_errors"] for r in results),
            "non200": sum(r["non200"] for r in results),
            "bad": sum(r["bad_body"] for r in results),
            "socket": sum(r["socket_errors"] for r in results),
            "checked": sum(r["checked"] for r in results),
            "calls": sum(sum(r["calls"].values()) for r in results),
            "cpu": median([r["cpu"] for r in results if r["cpu"] is not None]) if any(
                r["cpu"] is not None for r in results) else None,
        }
    total_failed = sum(a["failed"] for a in agg.values()) + len(failed_checks)
    exceeded = exceeded_end
    ratio_status = agg[("DeskGraph", "status")]["rps"] / agg[("Mesh", "status")]["rps"]
    ratio_ranking = agg[("DeskGraph", "ranking")]["rps"] / agg[("Mesh", "status")]["rps"]
    targets = [
        ("DeskGraph status ÷ Mesh status (req/s)", "≥ 1.5×", "%.2f×" % ratio_status, ratio_status >= 1.5),
        ("DeskGraph cross-vendor ranking ÷ Mesh status (req/s)", "≥ 1.0×", "%.2f×" % ratio_ranking,
         ratio_ranking >= 1.0),
        ("DeskGraph status p99 (cache hit)", "≤ 25 ms", "%s ms" % fmt_ms(agg[("DeskGraph", "status")]["p99"]),
         agg[("DeskGraph", "status")]["p99"] <= 25.0),
        ("DeskGraph ranking p99 (cache hit)", "≤ 25 ms", "%s ms" % fmt_ms(agg[("DeskGraph", "ranking")]["p99"]),
         agg[("DeskGraph", "ranking")]["p99"] <= 25.0),
        ("answers that are not HTTP 200 with data (all runs)", "0", str(total_failed), total_failed == 0),
        ("vendor calls over the quota (simulator `quotaExceeded`)", "0", str(exceeded), exceeded == 0),
    ]
    all_met = all(t[3] for t in targets)

    # 6. Report.
    lines = []
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines.append("# DeskGraph vs GraphQL Mesh: cached answers over the same Huawei simulator (%s)" % stamp)
    lines.append("")
    lines.append("%d alternating rounds of `%s` per gateway and query; figures are the medians of the rounds."
                 % (args.rounds,
                    ("wrk -t%d -c%d -d%ds" % (args.threads, args.connections, args.seconds)) if args.loadgen == "wrk"
                    else ("hey -z %ds -c %d" % (args.seconds, args.connections))))
    lines.append("")
    lines.append("| gateway | query | req/s | p50 ms | p99 ms | requests | not 200 / no data / socket errors "
                 "| vendor calls | gateway CPU |")
    lines.append("|---|---|---:|---:|---:|---:|---|---:|---:|")
    for key in [("DeskGraph", "status"), ("Mesh", "status"), ("DeskGraph", "ranking"), ("DeskGraph", "__typename"),
                ("Mesh", "__typename")]:
        a = agg[key]
        lines.append("| %s | %s | %s | %s | %s | %s | %s%d / %d / %d | %d | %s |" % (
            key[0] if key[0] == "DeskGraph" else "Mesh (%d worker%s)" % (args.mesh_workers,
                                                                         "" if args.mesh_workers == 1 else "s"),
            labels[key[1]], fmt_int(a["rps"]), fmt_ms(a["p50"]), fmt_ms(a["p99"]), fmt_int(a["requests"]),
            "**FAILED** " if a["failed"] else "", a["non200"], a["bad"], a["socket"], a["calls"],
            "n/a" if a["cpu"] is None else "%.0f %%" % a["cpu"]))
    lines.append("")
    per_gateway = {g: sum(a["calls"] for k, a in agg.items() if k[0] == g) for g in ("DeskGraph", "Mesh")}
    load_seconds = {g: sum(args.rounds * args.seconds for k in order if k[0] == g) for g in per_gateway}
    lines.append("Vendor calls during the rounds, counted at the simulators: DeskGraph %d (in %d s of load), "
                 "Mesh %d (in %d s of load); calls refused over the vendor's quota: %d."
                 % (per_gateway["DeskGraph"], load_seconds["DeskGraph"], per_gateway["Mesh"], load_seconds["Mesh"],
                    exceeded))
    others = [r["others"] for rs in runs.values() for r in rs if r.get("others") is not None]
    if others:
        lines.append("")
        lines.append("Other processes on the machine used %.0f %% CPU (median of the runs, 200 %% = both cores), "
                     "at most %.0f %%%s." % (median(others), max(others),
                                             ": **the machine was not quiet; the figures are not comparable with a "
                                             "quiet run**" if max(others) > 20 else ""))
    unsteady = ["%s %s" % key for key, w in warmup.items() if not w[2]]
    if unsteady:
        lines.append("")
        lines.append("**Warm-up stopped at its limit (%d s) before the throughput was steady: %s; the rounds may "
                     "still measure warm-up.**" % (args.warm_max_seconds, ", ".join(unsteady)))
    lines.append("")
    lines.append("| check | target | measured | met |")
    lines.append("|---|---|---:|---|")
    for name, target, measured, met in targets:
        lines.append("| %s | %s | %s | %s |" % (name, target, measured, "yes" if met else "**NO**"))
    lines.append("")
    if total_failed:
        lines.append("**FAILED: %d answers were not HTTP 200 with data; the throughput above counts them, so it "
                     "is not a measurement of answers.**" % total_failed)
        for check in failed_checks:
            lines.append("- %s" % check)
        lines.append("")
    if exceeded:
        lines.append("**FAILED: the simulator refused %d calls over the vendor's quota.**" % exceeded)
        lines.append("")
    table = "\n".join(lines)

    details = ["## Details", ""]
    details.append("- Machine: %s, %d CPUs, load average before %.2f / %.2f / %.2f, after %.2f / %.2f / %.2f."
                   % (platform.platform(), os.cpu_count() or 0, *load_before, *load_after))
    details.append("- Duration %.0f s (checks, warm-up, %d rounds)." % (time.time() - started, args.rounds))
    details.append("- Warm-up, bursts of %d s of the same load until the last three are within 7 %% of each other "
                   "(at most %d s): %s." % (args.warm_seconds, args.warm_max_seconds, "; ".join(
                       "%s %s %d s (%s req/s%s)" % (k[0], k[1], w[0], " → ".join(fmt_int(r) for r in w[1]),
                                                    "" if w[2] else ", not steady")
                       for k, w in warmup.items())))
    for name, value in meta.items():
        details.append("- %s: %s" % (name, value))
    details.append("- Vendor calls over all rounds: %s; quotaExceeded at the end %d (at the start of the rounds %d)."
                   % (json.dumps(diff_calls(calls_end, calls_start)), exceeded_end, exceeded_start))
    if args.loadgen == "wrk":
        details.append("- Every answer was checked by `check.lua` (HTTP 200, a `\"data\":{` object, no `\"errors\"`): "
                       "%s answers checked." % fmt_int(sum(a["checked"] for a in agg.values())))
    else:
        details.append("- hey counts status codes only; a verifying request after each run checks the body.")
    details.append("- Gateway CPU: CPU time of the gateway's process (and its workers) during a run ÷ the run's "
                   "duration; the simulators run inside DeskGraph's JVM, so DeskGraph's figure includes the few "
                   "vendor calls both gateways caused.")
    details.append("")
    details.append("Per round (req/s, p50 ms, p99 ms, vendor calls; CPU of the gateway under load / the other "
                   "gateway, idle / the load generator / other processes / stolen by the hypervisor):")
    details.append("")
    details.append("| gateway | query | " + " | ".join("round %d" % r for r in range(1, args.rounds + 1)) + " |")
    details.append("|---|---|" + "---|" * args.rounds)
    for key in order:
        details.append("| %s | %s | %s |" % (key[0], key[1], " | ".join(
            "%s, %s, %s, %d; %s / %s / %.0f %% / %s / %s" % (
                fmt_int(r["rps"]), fmt_ms(r["p50_ms"]), fmt_ms(r["p99_ms"]), sum(r["calls"].values()),
                pct_or_unknown(r["cpu"]), pct_or_unknown(r["idle_cpu"]), r["loadgen_cpu"],
                pct_or_unknown(r["others"]), pct_or_unknown(r["steal"]))
            for r in runs[key])))
    details.append("")
    details.append("Queries:")
    details.append("")
    for key in order:
        details.append("- %s %s: `%s`" % (key[0], key[1], queries[key][1]))
    details.append("")

    print()
    print(table)
    with open(args.out, "w") as f:
        f.write(table + "\n" + "\n".join(details) + "\n")
    say("written to %s" % args.out)
    if not all_met:
        say("targets missed: %s" % "; ".join(t[0] for t in targets if not t[3]))
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
