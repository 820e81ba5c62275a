#!/usr/bin/env bash
# DeskGraph scale-out benchmark: one simulator-only process (both vendor simulators), a redis-server, and 1 or 3
# gateway replicas configured like docker-compose.yml's gateway service, on loopback ports. Scenarios:
#   a. 1 replica, no Redis;  b. 3 replicas, no Redis (each on its own);  c. 3 replicas sharing Redis.
# For each, bench/scaleout.py measures cold dedup, quota compliance at 3x a vendor quota and warm throughput, with
# requests spread round robin over the replicas; one table goes to bench/results/<timestamp>-scaleout.md.
# See bench/README.md, "Scale-out run".
#
# Usage: bench/scaleout.sh
# Environment (all optional):
#   JAR=path/to/deskgraph.jar    jar to run (default: target/deskgraph-*.jar, built with Maven if missing)
#   SCENARIOS="a b c"            scenarios to run, in order
#   JAVA_OPTS=...                extra JVM options of the replicas
#   SCALEOUT_*                   sizes of the measurements (see bench/scaleout.py measure --help)
#
# Exits 0 when every target was met, 1 when a target was missed (the table says which), and another non-zero
# status when the benchmark could not run.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
RESULTS="$BENCH_DIR/results"
STAMP="$(date -u +%Y%m%d-%H%M%S)"
SCENARIOS="${SCENARIOS:-a b c}"
START_TIMEOUT="${START_TIMEOUT:-180}"   # seconds to wait for each process
REPRODUCE=""
while IFS= read -r setting; do
	REPRODUCE+="$(printf '%q' "$setting") "
done < <(env | grep -E '^(JAR|SCENARIOS|JAVA_OPTS|SCALEOUT_[A-Z_]+)=' | sort)
REPRODUCE+="bench/scaleout.sh"
WORK="$(mktemp -d)"
SIMULATOR_PID=""
REDIS_PID=""
GATEWAY_PIDS=()
MEASURE_PID=""

say() { printf '[scaleout] %s\n' "$*"; }
die() { printf '[scaleout] ERROR: %s\n' "$*" >&2; exit 2; }
# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

stop_pid() {
	local pid=$1
	[[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
	kill "$pid" 2>/dev/null || true
	for _ in $(seq 1 30); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}
stop_gateways() {
	local pid
	for pid in ${GATEWAY_PIDS[@]+"${GATEWAY_PIDS[@]}"}; do kill "$pid" 2>/dev/null || true; done
	for pid in ${GATEWAY_PIDS[@]+"${GATEWAY_PIDS[@]}"}; do stop_pid "$pid"; done
	GATEWAY_PIDS=()
}
cleanup() {
	if [[ -n "$MEASURE_PID" ]] && kill -0 "$MEASURE_PID" 2>/dev/null; then
		kill "$MEASURE_PID" 2>/dev/null || true
		wait "$MEASURE_PID" 2>/dev/null || true
	fi
	stop_gateways
	stop_pid "$REDIS_PID"
	stop_pid "$SIMULATOR_PID"
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- requirements

command -v python3 >/dev/null || die "python3 is required"
command -v curl >/dev/null || die "curl is required"
command -v java >/dev/null || die "Java 17 or newer is required (java not on PATH)"
java_major="$(java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n1)"
[[ -n "$java_major" && "$java_major" -ge 17 ]] || die "Java 17 or newer is required (found: $(java -version 2>&1 | head -n1))"
for scenario in $SCENARIOS; do
	[[ "$scenario" =~ ^[abc]$ ]] || die "SCENARIOS must be made of a, b and c, got '$scenario'"
done

REDIS_SERVER=""
if [[ " $SCENARIOS " == *" c "* ]]; then
	apt_install redis-server redis-server \
		|| die "redis-server is needed for scenario c and could not be installed (apt-get install redis-server needs root or passwordless sudo); install it, or run SCENARIOS=\"a b\""
	REDIS_SERVER="$(command -v redis-server || echo /usr/bin/redis-server)"
fi
apt_install wrk wrk || say "could not install wrk: the warm throughput will not be measured"

# ---------------------------------------------------------------- the jar

find_jar
# Copied, so that a rebuild of target/ during the run cannot change the replicas under the benchmark.
cp "$JAR" "$WORK/deskgraph.jar"

wait_until() { # $1: what, $2: pid, $3: log, then the command that succeeds once it is up
	local what=$1 pid=$2 log=$3 started
	shift 3
	started=$(date +%s)
	until "$@" >/dev/null 2>&1; do
		kill -0 "$pid" 2>/dev/null || { tail -n 40 "$log" >&2; die "$what exited during start-up (log: $log)"; }
		(( $(date +%s) - started < START_TIMEOUT )) || { tail -n 40 "$log" >&2; die "$what did not answer within ${START_TIMEOUT}s"; }
		sleep 0.5
	done
}
answers_graphql() {
	curl -s -m 2 -o /dev/null -w '%{http_code}' -X POST "$1" -H 'Content-Type: application/json' \
		-d '{"query":"{ accounts { id } }"}' | grep -q 200
}

# No vendor account from this shell may reach a process: the replicas get exactly the compose gateway's accounts.
unset_accounts=()
while IFS= read -r name; do
	[[ -n "$name" ]] && unset_accounts+=(-u "$name")
done < <(env | sed -n 's/^\(DESKGRAPH_ACCOUNTS[A-Za-z0-9_]*\)=.*/\1/p')

mkdir -p "$RESULTS"

# ---------------------------------------------------------------- the simulators, one process

HUAWEI_PORT="$(free_port)"
ALIBABA_PORT="$(free_port)"
sim_log="$RESULTS/$STAMP-scaleout-simulator.log"
say "starting the simulators (simulator profile): Huawei :$HUAWEI_PORT, Alibaba :$ALIBABA_PORT; log $sim_log"
env ${unset_accounts[@]+"${unset_accounts[@]}"} SPRING_PROFILES_ACTIVE=simulator java -jar "$WORK/deskgraph.jar" \
	--deskgraph.simulator.huawei.port="$HUAWEI_PORT" --deskgraph.simulator.alibaba.port="$ALIBABA_PORT" \
	--deskgraph.simulator.huawei.host=127.0.0.1 --deskgraph.simulator.alibaba.host=127.0.0.1 \
	>"$sim_log" 2>&1 &
SIMULATOR_PID=$!
wait_until "the simulators" "$SIMULATOR_PID" "$sim_log" curl -fsS -m 2 "http://127.0.0.1:$HUAWEI_PORT/_sim/stats"
wait_until "the simulators" "$SIMULATOR_PID" "$sim_log" curl -fsS -m 2 "http://127.0.0.1:$ALIBABA_PORT/_sim/stats"

# The compose gateway's environment (env_file and environment), its simulator host names made this host's ports.
python3 "$BENCH_DIR/scaleout.py" env --root "$ROOT" --huawei-port "$HUAWEI_PORT" --alibaba-port "$ALIBABA_PORT" \
	> "$WORK/gateway.env" || die "could not read the gateway's environment from docker-compose.yml"
mapfile -t GATEWAY_ENV < "$WORK/gateway.env"

# ---------------------------------------------------------------- Redis

REDIS_PORT=""
redis_ping() {
	python3 - "$1" <<-'EOF'
		import socket, sys
		with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1) as s:
		    s.sendall(b"PING\r\n")
		    sys.exit(0 if s.recv(64).startswith(b"+PONG") else 1)
	EOF
}
redis_command() { # $1: port, then the command's words; prints the reply's first line
	python3 - "$@" <<-'EOF'
		import socket, sys
		words = [w.encode() for w in sys.argv[2:]]
		request = b"*%d\r\n" % len(words) + b"".join(b"$%d\r\n%s\r\n" % (len(w), w) for w in words)
		with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5) as s:
		    s.sendall(request)
		    print(s.recv(4096).split(b"\r\n")[0].decode().lstrip("+:"))
	EOF
}
start_redis() {
	REDIS_PORT="$(free_port)"
	local log="$RESULTS/$STAMP-scaleout-redis.log"
	say "starting $REDIS_SERVER on :$REDIS_PORT (no persistence); log $log"
	"$REDIS_SERVER" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no --dir "$WORK" \
		>"$log" 2>&1 &
	REDIS_PID=$!
	wait_until "redis-server" "$REDIS_PID" "$log" redis_ping "$REDIS_PORT"
}

# ---------------------------------------------------------------- scenarios

results=()
for scenario in $SCENARIOS; do
	case "$scenario" in
		a) replicas=1; shared=false ;;
		b) replicas=3; shared=false ;;
		c) replicas=3; shared=true ;;
	esac
	args=()
	redis_flag=()
	if [[ "$shared" == true ]]; then
		[[ -n "$REDIS_PID" ]] || start_redis
		redis_command "$REDIS_PORT" FLUSHALL >/dev/null
		args=(--spring.data.redis.host=127.0.0.1 --spring.data.redis.port="$REDIS_PORT" --deskgraph.shared.replicas=3)
		redis_flag=(--redis)
	fi
	urls=()
	say "scenario $scenario: $replicas replica(s), Redis: $shared"
	for n in $(seq 1 "$replicas"); do
		port="$(free_port)"
		log="$RESULTS/$STAMP-scaleout-$scenario-gateway-$n.log"
		# The compose gateway's environment, on loopback; the per-client request limit lifted because the benchmark
		# is one client sending what many dashboards would (as bench/run.sh); everything else at its default.
		# shellcheck disable=SC2086
		env ${unset_accounts[@]+"${unset_accounts[@]}"} "${GATEWAY_ENV[@]}" java ${JAVA_OPTS:-} -jar "$WORK/deskgraph.jar" \
			--server.address=127.0.0.1 --server.port="$port" \
			--deskgraph.security.rate-limit.enabled=false \
			${args[@]+"${args[@]}"} >"$log" 2>&1 &
		GATEWAY_PIDS+=($!)
		urls+=("http://127.0.0.1:$port/graphql")
		say "  replica $n: ${urls[-1]} (pid $!, log $log)"
	done
	for i in "${!urls[@]}"; do
		wait_until "replica $((i + 1))" "${GATEWAY_PIDS[$i]}" "$RESULTS/$STAMP-scaleout-$scenario-gateway-$((i + 1)).log" \
			answers_graphql "${urls[$i]}"
	done
	graphql_args=()
	for url in "${urls[@]}"; do graphql_args+=(--graphql "$url"); done
	rc=0
	timeout 1200 python3 "$BENCH_DIR/scaleout.py" measure --scenario "$scenario" "${graphql_args[@]}" \
		--huawei "http://127.0.0.1:$HUAWEI_PORT" --alibaba "http://127.0.0.1:$ALIBABA_PORT" \
		${redis_flag[@]+"${redis_flag[@]}"} --json "$WORK/$scenario.json" &
	MEASURE_PID=$!
	wait "$MEASURE_PID" || rc=$?
	MEASURE_PID=""
	if [[ "$shared" == true ]]; then
		redis_command "$REDIS_PORT" DBSIZE > "$WORK/$scenario.json.redis-keys" || true
		# Redis never stops during the run: a replica that found it unreachable (a command timing out) served alone.
		grep -h "Redis at .* is unreachable" "$RESULTS/$STAMP-scaleout-$scenario-gateway-"*.log \
			> "$WORK/$scenario.json.redis-unreachable" || true
	fi
	stop_gateways
	[[ $rc -eq 0 ]] || die "scenario $scenario could not be measured (exit $rc); logs $RESULTS/$STAMP-scaleout-$scenario-*"
	results+=("$WORK/$scenario.json")
done

out="$RESULTS/$STAMP-scaleout.md"
header="$(date -u +%Y-%m-%dT%H:%MZ), $(basename "$JAR"), $(nproc 2>/dev/null || echo '?') cores, \
$(java -version 2>&1 | head -n1), $( ("$REDIS_SERVER" --version 2>/dev/null || true) | cut -d' ' -f1-3), \
$( (wrk --version 2>&1 || true) | head -n1 | cut -d' ' -f1-2); the replicas, the simulators, Redis and the load \
generators share the machine. Reproduce: $REPRODUCE"
rc=0
python3 "$BENCH_DIR/scaleout.py" report --out "$out" --header "$header" "${results[@]}" || rc=$?
say "results: $out"
exit "$rc"
