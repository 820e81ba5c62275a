#!/usr/bin/env bash
# Apollo Federation composition check: DeskGraph (demo mode, from the jar) + the small "people" subgraph, composed by a
# real Apollo Gateway (IntrospectAndCompose), queried across both through the gateway. See federation/README.md.
#
# usage: federation/check.sh
#   JAR=path/to/deskgraph.jar   use this jar (default: target/deskgraph-0.1.0-SNAPSHOT.jar, built with Maven if missing)
#   STARTUP_TIMEOUT=seconds     how long each process may take to come up (default 120)
#   KEEP_WORK=1                 keep the work directory (logs, employees.json, supergraph.graphql) even on success
#
# Everything listens on 127.0.0.1 on free ports; every process started here is stopped on exit. Exit status 0 = PASS.

set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-120}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/deskgraph-federation.XXXXXX")"
PIDS=()
NAMES=()
STATUS=FAIL

log() { printf '[federation] %s\n' "$*"; }

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	local pid i
	for pid in ${PIDS[@]+"${PIDS[@]}"}; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in ${PIDS[@]+"${PIDS[@]}"}; do
		for i in $(seq 100); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -9 "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	if [ "$rc" -ne 0 ]; then
		STATUS=FAIL
		for i in ${NAMES[@]+"${!NAMES[@]}"}; do
			if [ -s "$WORK/${NAMES[$i]}.log" ]; then
				echo "----- last lines of ${NAMES[$i]}.log -----"
				tail -n 25 "$WORK/${NAMES[$i]}.log"
			fi
		done
	fi
	if [ "$rc" -ne 0 ] || [ -n "${KEEP_WORK:-}" ]; then
		log "logs and files kept in $WORK"
	else
		rm -rf "$WORK"
	fi
	echo "federation check: $STATUS"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
	log "FAIL: $*"
	exit 1
}

# start NAME COMMAND...: runs COMMAND in the background, output to $WORK/NAME.log, remembered for cleanup.
start() {
	local name="$1"
	shift
	"$@" >"$WORK/$name.log" 2>&1 &
	PIDS+=("$!")
	NAMES+=("$name")
}

# wait_graphql NAME PID URL: bounded wait until URL answers a GraphQL POST; fails early if the process died.
wait_graphql() {
	local name="$1" pid="$2" url="$3" deadline=$((SECONDS + STARTUP_TIMEOUT))
	while [ "$SECONDS" -lt "$deadline" ]; do
		if ! kill -0 "$pid" 2>/dev/null; then
			fail "$name exited before it was ready (see $name.log)"
		fi
		if curl -fsS --max-time 3 -o /dev/null -H 'Content-Type: application/json' \
			-d '{"query":"{ __typename }"}' "$url" 2>/dev/null; then
			return 0
		fi
		sleep 0.5
	done
	fail "$name did not answer on $url within ${STARTUP_TIMEOUT}s"
}

# --- requirements --------------------------------------------------------------------------------------------------
command -v node >/dev/null || fail "node not found (Node 20 or later is required)"
command -v npm >/dev/null || fail "npm not found"
command -v java >/dev/null || fail "java not found (Java 17 is required)"
command -v curl >/dev/null || fail "curl not found"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" -ge 20 ] || fail "Node $(node -v) is too old; Node 20 or later is required"

# --- the DeskGraph jar ---------------------------------------------------------------------------------------------
if [ -n "${JAR:-}" ]; then
	[ -f "$JAR" ] || fail "JAR=$JAR does not exist"
else
	JAR="$ROOT/target/deskgraph-0.1.0-SNAPSHOT.jar"
	if [ ! -f "$JAR" ]; then
		# Formatting is mvn verify's business, not this check's: skip spring-javaformat:validate here.
		log "building $JAR (mvn -q -DskipTests -Dspring-javaformat.skip=true package)"
		(cd "$ROOT" && mvn -q -DskipTests -Dspring-javaformat.skip=true package) || fail "the Maven build failed"
		[ -f "$JAR" ] || fail "the Maven build did not produce $JAR"
	fi
fi
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"

# --- the gateway and the people subgraph (npm) ---------------------------------------------------------------------
log "installing the pinned npm packages (npm ci)"
if ! (cd "$HERE" && npm ci --no-audit --no-fund >"$WORK/npm.log" 2>&1); then
	log "npm ci failed; trying npm install"
	(cd "$HERE" && npm install --no-audit --no-fund >>"$WORK/npm.log" 2>&1) || {
		tail -n 20 "$WORK/npm.log"
		fail "npm could not install the packages"
	}
fi

# --- free ports on 127.0.0.1 ---------------------------------------------------------------------------------------
read -r DG_PORT HW_PORT ALI_PORT PEOPLE_PORT GATEWAY_PORT < <(node -e '
	const net = require("node:net");
	Promise.all(Array.from({ length: 5 }, () => new Promise((resolve, reject) => {
		const s = net.createServer().once("error", reject);
		s.listen(0, "127.0.0.1", () => resolve(s));
	}))).then((servers) => {
		console.log(servers.map((s) => s.address().port).join(" "));
		servers.forEach((s) => s.close());
	});')
[ -n "${GATEWAY_PORT:-}" ] || fail "could not find free ports"
DESKGRAPH_URL="http://127.0.0.1:$DG_PORT/graphql"
PEOPLE_URL="http://127.0.0.1:$PEOPLE_PORT/"
GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT/"

# --- DeskGraph in demo mode ----------------------------------------------------------------------------------------
log "starting DeskGraph in demo mode on $DESKGRAPH_URL (simulators on $HW_PORT, $ALI_PORT) from $JAR"
start deskgraph java -jar "$JAR" --server.address=127.0.0.1 --server.port="$DG_PORT" \
	--deskgraph.simulator.huawei.port="$HW_PORT" --deskgraph.simulator.alibaba.port="$ALI_PORT"
wait_graphql deskgraph "${PIDS[-1]}" "$DESKGRAPH_URL"

log "asking DeskGraph for real desktop ids"
node "$HERE/check.mjs" prepare "$DESKGRAPH_URL" "$WORK"

# --- the people subgraph and the gateway ---------------------------------------------------------------------------
log "starting the people subgraph on $PEOPLE_URL"
start people env PEOPLE_PORT="$PEOPLE_PORT" PEOPLE_EMPLOYEES="$WORK/employees.json" \
	node "$HERE/people-subgraph.mjs"
wait_graphql people "${PIDS[-1]}" "$PEOPLE_URL"

log "starting Apollo Gateway on $GATEWAY_URL (IntrospectAndCompose over deskgraph + people)"
start gateway env GATEWAY_PORT="$GATEWAY_PORT" DESKGRAPH_URL="$DESKGRAPH_URL" PEOPLE_URL="$PEOPLE_URL" \
	SUPERGRAPH_OUT="$WORK/supergraph.graphql" node "$HERE/gateway.mjs"
wait_graphql gateway "${PIDS[-1]}" "$GATEWAY_URL"
[ -s "$WORK/supergraph.graphql" ] || fail "the gateway is up but wrote no supergraph"

# --- queries through the gateway -----------------------------------------------------------------------------------
log "querying through the gateway"
node "$HERE/check.mjs" verify "$GATEWAY_URL" "$WORK"
STATUS=PASS
