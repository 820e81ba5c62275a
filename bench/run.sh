#!/usr/bin/env bash
# DeskGraph benchmark: starts DeskGraph in demo mode (embedded Huawei and Alibaba simulators) on
# loopback ports, measures the targets of DESIGN.md section 10, prints one table and writes it to
# bench/results/<timestamp>.md. See bench/README.md.
#
# Usage: bench/run.sh            (from the repository root or anywhere else)
# Environment (all optional):
#   JAR=path/to/deskgraph.jar    jar to run (default: target/deskgraph-*.jar, built with Maven if missing)
#   PORT, HUAWEI_PORT, ALIBABA_PORT   gateway and simulator ports (default 18080/18081/18082, or a
#                                free port when the default is taken)
#   HUAWEI_DESKTOPS=1000         size of the Huawei simulator estate (10 pages of 100)
#   LOADGEN=wrk|hey|python       load generator for the cache-hit measurement (default: wrk, else hey)
#   JAVA_OPTS=...                extra JVM options
#   BENCH_*                      sizes of the measurements (see bench/bench.py --help)
#
# Exits 0 when every target was met, 1 when a target was missed (the table says which), and another
# non-zero status when the benchmark could not run.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
RESULTS="$BENCH_DIR/results"
STAMP="$(date -u +%Y%m%d-%H%M%S)"
# The settings the person gave, to print how to reproduce this run.
REPRODUCE=""
while IFS= read -r setting; do
	REPRODUCE+="$(printf '%q' "$setting") "
done < <(env | grep -E '^(JAR|PORT|HUAWEI_PORT|ALIBABA_PORT|HUAWEI_DESKTOPS|LOADGEN|JAVA_OPTS|BENCH_[A-Z_]+)=' | sort)
REPRODUCE+="bench/run.sh"
HUAWEI_DESKTOPS="${HUAWEI_DESKTOPS:-1000}"
START_TIMEOUT="${START_TIMEOUT:-180}"   # seconds to wait for /graphql
GATEWAY_PID=""

say() { printf '[bench] %s\n' "$*"; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

BENCH_PID=""

cleanup() {
	if [[ -n "$BENCH_PID" ]] && kill -0 "$BENCH_PID" 2>/dev/null; then
		kill "$BENCH_PID" 2>/dev/null || true   # timeout passes it on to bench.py, which stops its load
		wait "$BENCH_PID" 2>/dev/null || true
	fi
	if [[ -n "$GATEWAY_PID" ]] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
		say "stopping DeskGraph (pid $GATEWAY_PID)"
		kill "$GATEWAY_PID" 2>/dev/null || true
		for _ in $(seq 1 30); do
			kill -0 "$GATEWAY_PID" 2>/dev/null || break
			sleep 0.5
		done
		kill -9 "$GATEWAY_PID" 2>/dev/null || true
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- requirements

command -v python3 >/dev/null || die "python3 is required"
command -v java >/dev/null || die "Java 17 or newer is required (java not on PATH)"
java_major="$(java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n1)"
[[ -n "$java_major" && "$java_major" -ge 17 ]] || die "Java 17 or newer is required (found: $(java -version 2>&1 | head -n1))"

# Installs wrk (or else hey) from Debian when neither is present; never fatal. wrk is preferred: its
# script checks every answer for data, and it costs the shared CPUs less than hey.
install_loadgen() {
	command -v wrk >/dev/null && return 0
	command -v hey >/dev/null && return 0
	apt_install wrk || apt_install hey && return 0
	say "could not install wrk or hey (need root or passwordless sudo, and Debian's package archive);"
	say "the cache-hit measurement falls back to a slower Python load loop"
}

if [[ -z "${LOADGEN:-}" ]]; then
	install_loadgen
	if command -v wrk >/dev/null; then LOADGEN=wrk
	elif command -v hey >/dev/null; then LOADGEN=hey
	else LOADGEN=python
	fi
fi
case "$LOADGEN" in
	hey) LOADGEN_VERSION="hey (Debian $(dpkg-query -W -f='${Version}' hey 2>/dev/null || echo '?'))" ;;
	wrk) LOADGEN_VERSION="$( (wrk --version 2>&1 || true) | head -n1 | cut -d' ' -f1-2)" ;;
	python) LOADGEN_VERSION="python keep-alive loop" ;;
	*) die "LOADGEN must be hey, wrk or python" ;;
esac

# ---------------------------------------------------------------- the jar

find_jar

# ---------------------------------------------------------------- ports

PORT="$(pick_port "${PORT:-}" 18080)"
HUAWEI_PORT="$(pick_port "${HUAWEI_PORT:-}" 18081)"
ALIBABA_PORT="$(pick_port "${ALIBABA_PORT:-}" 18082)"
for p in "$PORT" "$HUAWEI_PORT" "$ALIBABA_PORT"; do
	port_free "$p" || die "port $p is in use; set PORT, HUAWEI_PORT or ALIBABA_PORT"
done

# ---------------------------------------------------------------- start DeskGraph in demo mode

mkdir -p "$RESULTS"
LOG="$RESULTS/$STAMP-gateway.log"
OUT="$RESULTS/$STAMP.md"

# Demo mode means no vendor account: drop any DESKGRAPH_ACCOUNTS_* variables from the gateway's
# environment so a benchmark can never send traffic to a real vendor.
unset_accounts=()
while IFS= read -r name; do
	[[ -n "$name" ]] && unset_accounts+=(-u "$name")
done < <(env | sed -n 's/^\(DESKGRAPH_ACCOUNTS[A-Za-z0-9_]*\)=.*/\1/p')

say "starting DeskGraph: $JAR"
say "  gateway http://127.0.0.1:$PORT/graphql, Huawei simulator :$HUAWEI_PORT ($HUAWEI_DESKTOPS desktops), Alibaba simulator :$ALIBABA_PORT; log $LOG"
# shellcheck disable=SC2086
env ${unset_accounts[@]+"${unset_accounts[@]}"} java ${JAVA_OPTS:-} -jar "$JAR" \
	--server.address=127.0.0.1 \
	--server.port="$PORT" \
	--deskgraph.simulator.huawei.port="$HUAWEI_PORT" \
	--deskgraph.simulator.alibaba.port="$ALIBABA_PORT" \
	--deskgraph.simulator.huawei.desktops="$HUAWEI_DESKTOPS" \
	--deskgraph.security.rate-limit.enabled=false \
	--deskgraph.cache.recent-ttl=10s \
	--logging.level.io.deskgraph=WARN \
	>"$LOG" 2>&1 &
GATEWAY_PID=$!

GRAPHQL="http://127.0.0.1:$PORT/graphql"
started=$(date +%s)
for _ in $(seq 1 $((START_TIMEOUT * 2))); do
	kill -0 "$GATEWAY_PID" 2>/dev/null || { tail -n 40 "$LOG" >&2; die "DeskGraph exited during start-up (log: $LOG)"; }
	if curl -s -m 2 -o /dev/null -w '%{http_code}' -X POST "$GRAPHQL" -H 'Content-Type: application/json' \
		-d '{"query":"{ accounts { id } }"}' 2>/dev/null | grep -q 200; then
		break
	fi
	(( $(date +%s) - started < START_TIMEOUT )) || { tail -n 40 "$LOG" >&2; die "DeskGraph did not answer within ${START_TIMEOUT}s"; }
	sleep 0.5
done
curl -s -m 2 -o /dev/null -X POST "$GRAPHQL" -H 'Content-Type: application/json' -d '{"query":"{ accounts { id } }"}' \
	|| die "DeskGraph did not answer within ${START_TIMEOUT}s"
say "DeskGraph answered after $(( $(date +%s) - started )) s"

# ---------------------------------------------------------------- measure

# The benchmark is one client sending what many would: the per-client request limit (20/s per client) is
# lifted for the run, so every figure measures the gateway's work, never its refusals. Vendor quotas,
# limits and deadlines stay at their defaults. Pages of windows that include today live 10 s instead of
# 60 s, so that measurement f, whose windows include today, reaches the vendors six times as often.
# In the background and waited for, so that Ctrl-C reaches the trap at once (cleanup stops it).
rc=0
timeout 900 python3 "$BENCH_DIR/bench.py" \
	--graphql "$GRAPHQL" \
	--huawei "http://127.0.0.1:$HUAWEI_PORT" \
	--alibaba "http://127.0.0.1:$ALIBABA_PORT" \
	--out "$OUT" \
	--loadgen "$LOADGEN" --loadgen-version "$LOADGEN_VERSION" \
	--jar "$(basename "$JAR")" --huawei-desktops "$HUAWEI_DESKTOPS" \
	--reproduce "$REPRODUCE" &
BENCH_PID=$!
wait "$BENCH_PID" || rc=$?
BENCH_PID=""

if [[ $rc -eq 1 ]]; then
	say "targets missed: see $OUT (gateway log: $LOG)"
	exit 1
elif [[ $rc -ne 0 ]]; then
	say "the measurements could not run (exit $rc); gateway log: $LOG"
	exit "$rc"
fi
say "results: $OUT (gateway log: $LOG)"
say "reproduce: $REPRODUCE   (from the repository root; see bench/README.md)"
