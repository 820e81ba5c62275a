#!/usr/bin/env bash
# Peer benchmark: DeskGraph against GraphQL Mesh (Mesh Compose + Hive Gateway) over the same Huawei simulator.
# Starts DeskGraph in demo mode (embedded Huawei and Alibaba simulators) and a Hive Gateway serving a Mesh
# supergraph composed from an OpenAPI description of ListDesktopsStatistics, pointed at DeskGraph's Huawei
# simulator and signing with SDK-HMAC-SHA256 (huawei-signing.mjs); then measures both under the same load in
# alternating rounds (peer.py), prints a table with the ratios and writes it to bench/results/<timestamp>-peer.md.
# See bench/peer/README.md.
#
# Usage: bench/peer/run.sh          (from anywhere)
# Environment (all optional):
#   JAR=path/to/deskgraph.jar       jar to run (default: target/deskgraph-*.jar, built with Maven if missing)
#   PORT, HUAWEI_PORT, ALIBABA_PORT, MESH_PORT   ports (default 18080/18081/18082/18090, or a free port when taken)
#   LOADGEN=wrk|hey                 load generator (default: wrk, else hey; installed from Debian when missing)
#   PEER_ROUNDS=3 PEER_SECONDS=10 PEER_THREADS=2 PEER_CONNECTIONS=32
#   PEER_WARM_SECONDS=5 PEER_WARM_MAX_SECONDS=180   warm-up bursts until steady, at most this long per pair
#   MESH_FORK=1                     Hive Gateway workers (--fork; 1 is its default)
#   MESH_CACHE_TTL_MS=5000          Mesh response cache time to live (DeskGraph's live status TTL is 5 s)
#   JAVA_OPTS=...                   extra JVM options
#
# Exits 0 when every target was met, 1 when one was missed (or an answer failed), 2 when it could not run.
set -euo pipefail

PEER_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$PEER_DIR/../.." && pwd)"
RESULTS="$ROOT/bench/results"
STAMP="$(date -u +%Y%m%d-%H%M%S)"
START_TIMEOUT="${START_TIMEOUT:-180}"

# The demo account of DeskGraph's Huawei simulator (its defaults; local use only).
HUAWEI_PROJECT_ID=0b5d6e7f8a9b4c0d9e1f2a3b4c5d6e7f
HUAWEI_AK=HWDEMOAK00000000000A
HUAWEI_SK=hw-demo-secret-key-for-local-use-only

MESH_FORK="${MESH_FORK:-1}"
MESH_CACHE_TTL_MS="${MESH_CACHE_TTL_MS:-5000}"

say() { printf '[peer] %s\n' "$*"; }
die() { printf '[peer] ERROR: %s\n' "$*" >&2; exit 2; }
# shellcheck source=bench/lib.sh
. "$PEER_DIR/../lib.sh"

DESKGRAPH_PID=""
MESH_PID=""
DRIVER_PID=""
RUN_DIR=""

stop_pid() { # $1: pid, $2: name, $3: "group" to signal the process group
	local pid="$1" target="$1"
	[[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
	[[ "${3:-}" == group ]] && target="-$pid"
	say "stopping $2 (pid $pid)"
	kill -TERM -- "$target" 2>/dev/null || true
	for _ in $(seq 1 30); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.5
	done
	kill -KILL -- "$target" 2>/dev/null || true
}

cleanup() {
	if [[ -n "$DRIVER_PID" ]] && kill -0 "$DRIVER_PID" 2>/dev/null; then
		kill "$DRIVER_PID" 2>/dev/null || true # peer.py stops its load generator
		wait "$DRIVER_PID" 2>/dev/null || true
	fi
	stop_pid "$MESH_PID" "Hive Gateway (Mesh)" group
	stop_pid "$DESKGRAPH_PID" DeskGraph
	[[ -n "$RUN_DIR" ]] && rm -rf "$RUN_DIR"
	return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- requirements

command -v python3 >/dev/null || die "python3 is required"
command -v curl >/dev/null || die "curl is required"
command -v setsid >/dev/null || die "setsid (util-linux) is required"
command -v java >/dev/null || die "Java 17 or newer is required (java not on PATH)"
java_major="$(java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n1)"
[[ -n "$java_major" && "$java_major" -ge 17 ]] || die "Java 17 or newer is required (found: $(java -version 2>&1 | head -n1))"
command -v node >/dev/null || die "Node.js 20 or newer is required (node not on PATH)"
command -v npm >/dev/null || die "npm is required"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$node_major" -ge 20 ]] || die "Node.js 20 or newer is required (found $(node -v))"

# wrk checks every answer's body (check.lua); hey only counts status codes.
if [[ -z "${LOADGEN:-}" ]]; then
	if command -v wrk >/dev/null || apt_install wrk; then LOADGEN=wrk
	elif command -v hey >/dev/null || apt_install hey; then LOADGEN=hey
	else die "neither wrk nor hey is installed, and apt-get could not install them (needs root or passwordless sudo)"
	fi
fi
case "$LOADGEN" in
	wrk) command -v wrk >/dev/null || apt_install wrk || die "wrk is not installed"
		LOADGEN_VERSION="$( (wrk --version 2>&1 || true) | head -n1 | cut -d' ' -f1-2)" ;;
	hey) command -v hey >/dev/null || apt_install hey || die "hey is not installed"
		LOADGEN_VERSION="hey (Debian $(dpkg-query -W -f='${Version}' hey 2>/dev/null || echo '?'))" ;;
	*) die "LOADGEN must be wrk or hey" ;;
esac

# ---------------------------------------------------------------- the jar

find_jar

# ---------------------------------------------------------------- GraphQL Mesh (npm packages)

cd "$PEER_DIR"
# npm ci when node_modules is missing or older than the lock file.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
	say "installing GraphQL Mesh into bench/peer/node_modules (npm ci)"
	npm ci --no-audit --no-fund --loglevel=error >/dev/null || die "npm ci failed"
fi
node huawei-signing.mjs >/dev/null || die "huawei-signing.mjs does not reproduce the published AKSKSigner signature"
pkg_version() { node -p "require('./node_modules/$1/package.json').version" 2>/dev/null || echo '?'; }
MESH_VERSIONS="@graphql-hive/gateway $(pkg_version @graphql-hive/gateway)"
MESH_VERSIONS+=" (gateway-runtime $(pkg_version @graphql-hive/gateway-runtime),"
MESH_VERSIONS+=" plugin-response-cache $(pkg_version @graphql-mesh/plugin-response-cache)),"
MESH_VERSIONS+=" @graphql-mesh/compose-cli $(pkg_version @graphql-mesh/compose-cli),"
MESH_VERSIONS+=" @omnigraph/openapi $(pkg_version @omnigraph/openapi),"
MESH_VERSIONS+=" @graphql-mesh/transport-rest $(pkg_version @graphql-mesh/transport-rest), graphql $(pkg_version graphql)"

# ---------------------------------------------------------------- ports

DESKGRAPH_PORT="$(pick_port "${PORT:-}" 18080)"
HUAWEI_PORT="$(pick_port "${HUAWEI_PORT:-}" 18081)"
ALIBABA_PORT="$(pick_port "${ALIBABA_PORT:-}" 18082)"
MESH_PORT="$(pick_port "${MESH_PORT:-}" 18090)"
for p in "$DESKGRAPH_PORT" "$HUAWEI_PORT" "$ALIBABA_PORT" "$MESH_PORT"; do
	port_free "$p" || die "port $p is in use; set PORT, HUAWEI_PORT, ALIBABA_PORT or MESH_PORT"
done
[[ "$(printf '%s\n' "$DESKGRAPH_PORT" "$HUAWEI_PORT" "$ALIBABA_PORT" "$MESH_PORT" | sort -u | wc -l)" == 4 ]] \
	|| die "the four ports must differ"
HUAWEI_ENDPOINT="http://127.0.0.1:$HUAWEI_PORT"
DESKGRAPH_URL="http://127.0.0.1:$DESKGRAPH_PORT/graphql"
MESH_URL="http://127.0.0.1:$MESH_PORT/graphql"

mkdir -p "$RESULTS"
DESKGRAPH_LOG="$RESULTS/$STAMP-peer-deskgraph.log"
MESH_LOG="$RESULTS/$STAMP-peer-mesh.log"
OUT="$RESULTS/$STAMP-peer.md"

answers() { # $1: URL, $2: query; true when HTTP 200 with data
	curl -s -m 5 -X POST "$1" -H 'Content-Type: application/json' -d "{\"query\":\"$2\"}" 2>/dev/null \
		| grep -q '"data":{'
}
wait_for() { # $1: name, $2: pid, $3: URL, $4: log
	local started
	started=$(date +%s)
	until answers "$3" '{ __typename }'; do
		kill -0 "$2" 2>/dev/null || { tail -n 40 "$4" >&2; die "$1 exited during start-up (log: $4)"; }
		(( $(date +%s) - started < START_TIMEOUT )) || { tail -n 40 "$4" >&2; die "$1 did not answer within ${START_TIMEOUT}s"; }
		sleep 0.5
	done
	say "$1 answered after $(( $(date +%s) - started )) s"
}

# ---------------------------------------------------------------- DeskGraph in demo mode

# Demo mode means no vendor account: drop DESKGRAPH_ACCOUNTS_* so no request can reach a real vendor.
unset_accounts=()
while IFS= read -r name; do
	[[ -n "$name" ]] && unset_accounts+=(-u "$name")
done < <(env | sed -n 's/^\(DESKGRAPH_ACCOUNTS[A-Za-z0-9_]*\)=.*/\1/p')

say "starting DeskGraph: $JAR"
say "  $DESKGRAPH_URL, Huawei simulator :$HUAWEI_PORT, Alibaba simulator :$ALIBABA_PORT; log $DESKGRAPH_LOG"
# shellcheck disable=SC2086
env ${unset_accounts[@]+"${unset_accounts[@]}"} java ${JAVA_OPTS:-} -jar "$JAR" \
	--server.address=127.0.0.1 \
	--server.port="$DESKGRAPH_PORT" \
	--deskgraph.simulator.huawei.port="$HUAWEI_PORT" \
	--deskgraph.simulator.alibaba.port="$ALIBABA_PORT" \
	--deskgraph.security.rate-limit.enabled=false \
	--logging.level.io.deskgraph=WARN \
	>"$DESKGRAPH_LOG" 2>&1 &
DESKGRAPH_PID=$!
wait_for DeskGraph "$DESKGRAPH_PID" "$DESKGRAPH_URL" "$DESKGRAPH_LOG"
accounts="$(curl -s -m 10 -X POST "$DESKGRAPH_URL" -H 'Content-Type: application/json' \
	-d '{"query":"{ accounts { id } }"}' | python3 -c 'import json, sys
print(" ".join(sorted(a["id"] for a in json.load(sys.stdin)["data"]["accounts"])))' || true)"
[[ "$accounts" == "alibaba-demo huawei-demo" ]] || die "DeskGraph is not in demo mode (accounts: '$accounts')"

# ---------------------------------------------------------------- GraphQL Mesh over the same Huawei simulator

# The supergraph names this run's simulator port, so it is this run's own file: Hive Gateway watches the file it
# serves and would follow another run's rewrite of a shared one.
RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/deskgraph-peer.XXXXXX")"
SUPERGRAPH="$RUN_DIR/supergraph.graphql"
say "composing the Mesh supergraph (mesh-compose): huawei-statistics.openapi.yaml at $HUAWEI_ENDPOINT"
HUAWEI_ENDPOINT="$HUAWEI_ENDPOINT" node_modules/.bin/mesh-compose -o "$SUPERGRAPH" >"$MESH_LOG" 2>&1 \
	|| { cat "$MESH_LOG" >&2; die "mesh-compose failed"; }

say "starting Hive Gateway (Mesh): $MESH_URL, $MESH_FORK worker(s); log $MESH_LOG"
# Its own process group (setsid), so that cleanup stops its workers too. PORT, HOST and FORK are read by the
# gateway's CLI: the options below are explicit, and those names are removed from its environment.
env -u PORT -u HOST -u FORK NODE_ENV=production \
	HUAWEI_ENDPOINT="$HUAWEI_ENDPOINT" HUAWEI_PROJECT_ID="$HUAWEI_PROJECT_ID" HUAWEI_AK="$HUAWEI_AK" \
	HUAWEI_SK="$HUAWEI_SK" MESH_CACHE_TTL_MS="$MESH_CACHE_TTL_MS" \
	setsid node_modules/.bin/hive-gateway supergraph "$SUPERGRAPH" -c gateway.config.ts \
	--host 127.0.0.1 --port "$MESH_PORT" --fork "$MESH_FORK" \
	>>"$MESH_LOG" 2>&1 &
MESH_PID=$!
wait_for "Hive Gateway (Mesh)" "$MESH_PID" "$MESH_URL" "$MESH_LOG"

# ---------------------------------------------------------------- measure

META="$(python3 - "$JAR" "$LOADGEN_VERSION" "$MESH_VERSIONS" "$MESH_FORK" "$MESH_CACHE_TTL_MS" <<-'EOF'
	import datetime, hashlib, json, os, subprocess, sys, zipfile
	jar, loadgen, mesh, fork, ttl = sys.argv[1:]
	java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
	node = subprocess.run(["node", "-v"], capture_output=True, text=True).stdout.strip()
	with open(jar, "rb") as f:
	    sha = hashlib.sha256(f.read()).hexdigest()[:12]
	built = datetime.datetime.fromtimestamp(os.path.getmtime(jar), datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
	with zipfile.ZipFile(jar) as z:
	    response_cache = any(n.endswith("/system/caching/ResponseCache.class") for n in z.namelist())
	print(json.dumps({
	    "DeskGraph": "%s (sha256 %s…, file time %s; demo mode, %s), per-client rate limit off, every other setting "
	                 "at its default: vendor cache (status 5 s)%s" % (
	                     os.path.basename(jar), sha, built, java,
	                     ", whole-result response cache (deskgraph.response-cache, on by default)" if response_cache
	                     else "; this jar has no whole-result response cache"),
	    "GraphQL Mesh": "%s on Node %s; Hive Gateway with %s worker(s), NODE_ENV=production, responseCaching "
	                    "(ttl %s ms, no session), inboundInflightRequestDeduplication" % (mesh, node, fork, ttl),
	    "Load generator": loadgen,
	}))
EOF
)"

rc=0
timeout 1800 python3 "$PEER_DIR/peer.py" \
	--deskgraph "$DESKGRAPH_URL" --mesh "$MESH_URL" \
	--huawei "$HUAWEI_ENDPOINT" --alibaba "http://127.0.0.1:$ALIBABA_PORT" \
	--project-id "$HUAWEI_PROJECT_ID" \
	--deskgraph-pid "$DESKGRAPH_PID" --mesh-pid "$MESH_PID" --mesh-workers "$MESH_FORK" \
	--rounds "${PEER_ROUNDS:-3}" --seconds "${PEER_SECONDS:-10}" \
	--warm-seconds "${PEER_WARM_SECONDS:-5}" --warm-max-seconds "${PEER_WARM_MAX_SECONDS:-180}" \
	--threads "${PEER_THREADS:-2}" --connections "${PEER_CONNECTIONS:-32}" \
	--loadgen "$LOADGEN" --out "$OUT" --meta "$META" &
DRIVER_PID=$!
wait "$DRIVER_PID" || rc=$?
DRIVER_PID=""

if [[ $rc -eq 0 ]]; then
	say "every target met: $OUT (logs: $DESKGRAPH_LOG, $MESH_LOG)"
elif [[ $rc -eq 1 ]]; then
	say "targets missed: see $OUT (logs: $DESKGRAPH_LOG, $MESH_LOG)"
else
	say "the measurement could not run (exit $rc); logs: $DESKGRAPH_LOG, $MESH_LOG"
	rc=2
fi
exit "$rc"
