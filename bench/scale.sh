#!/usr/bin/env bash
# DeskGraph scale benchmark: for each estate size (default 1000, 5000 and 20000 desktops per vendor) starts
# DeskGraph in demo mode with simulators of that size, asks each vendor's questions cold and warm with
# bench/scale.py, measures the heap, and writes one table to bench/results/<timestamp>-scale.md.
# See bench/README.md.
#
# Usage: bench/scale.sh
# Environment (all optional):
#   JAR=path/to/deskgraph.jar    jar to run (default: target/deskgraph-*.jar, built with Maven if missing)
#   SIZES="1000 5000 20000"      desktops per vendor, one gateway run each
#   PORT, HUAWEI_PORT, ALIBABA_PORT   gateway and simulator ports (default: free ports)
#   JAVA_OPTS=...                extra JVM options
#
# Exits 0 when every target was met, 1 when a target was missed (the table says which), and another
# non-zero status when the benchmark could not run.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
RESULTS="$BENCH_DIR/results"
STAMP="$(date -u +%Y%m%d-%H%M%S)"
SIZES="${SIZES:-1000 5000 20000}"
START_TIMEOUT="${START_TIMEOUT:-180}"
GATEWAY_PID=""
WORK="$(mktemp -d)"

say() { printf '[scale] %s\n' "$*"; }
die() { printf '[scale] ERROR: %s\n' "$*" >&2; exit 2; }
# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

stop_gateway() {
	if [[ -n "$GATEWAY_PID" ]] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
		kill "$GATEWAY_PID" 2>/dev/null || true
		for _ in $(seq 1 30); do
			kill -0 "$GATEWAY_PID" 2>/dev/null || break
			sleep 0.5
		done
		kill -9 "$GATEWAY_PID" 2>/dev/null || true
	fi
	GATEWAY_PID=""
}
trap 'stop_gateway; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

command -v python3 >/dev/null || die "python3 is required"
command -v java >/dev/null || die "Java 17 or newer is required (java not on PATH)"
command -v curl >/dev/null || die "curl is required"
command -v jcmd >/dev/null || say "jcmd not found: the heap will not be measured"

find_jar

# Demo mode means no vendor account: drop any DESKGRAPH_ACCOUNTS_* variables from the gateway's environment so
# the benchmark can never reach a real vendor.
unset_accounts=()
while IFS= read -r name; do
	[[ -n "$name" ]] && unset_accounts+=(-u "$name")
done < <(env | sed -n 's/^\(DESKGRAPH_ACCOUNTS[A-Za-z0-9_]*\)=.*/\1/p')

mkdir -p "$RESULTS"
results=()
for size in $SIZES; do
	[[ "$size" =~ ^[0-9]+$ ]] || die "SIZES must be numbers of desktops, got '$size'"
	port="${PORT:-$(free_port)}"
	huawei_port="${HUAWEI_PORT:-$(free_port)}"
	alibaba_port="${ALIBABA_PORT:-$(free_port)}"
	log="$RESULTS/$STAMP-scale-$size-gateway.log"
	say "$size desktops per vendor: starting DeskGraph (log $log)"
	# Default configuration but for the simulators' sizes and the per-client request limit, lifted because the
	# warm measurement is one client asking what many dashboards would.
	# shellcheck disable=SC2086
	env ${unset_accounts[@]+"${unset_accounts[@]}"} java ${JAVA_OPTS:-} -jar "$JAR" \
		--server.address=127.0.0.1 --server.port="$port" \
		--deskgraph.simulator.huawei.port="$huawei_port" --deskgraph.simulator.alibaba.port="$alibaba_port" \
		--deskgraph.simulator.huawei.desktops="$size" --deskgraph.simulator.alibaba.desktops="$size" \
		--deskgraph.security.rate-limit.enabled=false \
		>"$log" 2>&1 &
	GATEWAY_PID=$!
	graphql="http://127.0.0.1:$port/graphql"
	started=$(date +%s)
	until curl -s -m 2 -o /dev/null -w '%{http_code}' -X POST "$graphql" -H 'Content-Type: application/json' \
		-d '{"query":"{ accounts { id } }"}' 2>/dev/null | grep -q 200; do
		kill -0 "$GATEWAY_PID" 2>/dev/null || { tail -n 40 "$log" >&2; die "DeskGraph exited during start-up"; }
		(( $(date +%s) - started < START_TIMEOUT )) || die "DeskGraph did not answer within ${START_TIMEOUT}s"
		sleep 0.5
	done
	accounts="$(curl -s -X POST "$graphql" -H 'Content-Type: application/json' -d '{"query":"{ accounts { id } }"}')"
	[[ "$accounts" == *huawei-demo* && "$accounts" == *alibaba-demo* ]] || die "not in demo mode: $accounts"
	rc=0
	timeout 3600 python3 "$BENCH_DIR/scale.py" measure --graphql "$graphql" \
		--huawei "http://127.0.0.1:$huawei_port" --alibaba "http://127.0.0.1:$alibaba_port" \
		--pid "$GATEWAY_PID" --desktops "$size" --json "$WORK/$size.json" || rc=$?
	stop_gateway
	[[ $rc -eq 0 ]] || die "the measurements of $size desktops could not run (exit $rc); log $log"
	results+=("$WORK/$size.json")
done

out="$RESULTS/$STAMP-scale.md"
header="$(date -u +%Y-%m-%dT%H:%MZ), $(basename "$JAR"), $(nproc 2>/dev/null || echo '?') cores, \
$(java -version 2>&1 | head -n1), sizes: $SIZES; reproduce: SIZES=\"$SIZES\" bench/scale.sh"
rc=0
python3 "$BENCH_DIR/scale.py" report --out "$out" --header "$header" "${results[@]}" || rc=$?
say "results: $out"
exit "$rc"
