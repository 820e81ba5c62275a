#!/usr/bin/env bash
# Validates the compose deployment without a Docker engine:
#   1. docker-compose.yml and deploy/prometheus.yml parse and have the expected shape (no inline secrets);
#   2. the jar runs as the simulators alone (SPRING_PROFILES_ACTIVE=simulator, as the *-sim services);
#   3. the jar runs as the gateway with exactly the gateway service's environment (its env_file plus
#      environment, service host names replaced by 127.0.0.1) and answers /graphql end to end through both
#      simulators, with /actuator/health UP and /actuator/prometheus scraped.
# Usage: deploy/check.sh [path/to/deskgraph.jar]   (builds the jar when none is given)
# Ports: GATEWAY_PORT (default 8080), HUAWEI_PORT (18081), ALIBABA_PORT (18082).
set -euo pipefail
cd "$(dirname "$0")/.."

GATEWAY_PORT=${GATEWAY_PORT:-8080}
HUAWEI_PORT=${HUAWEI_PORT:-18081}
ALIBABA_PORT=${ALIBABA_PORT:-18082}
JAR=${1:-}
if [[ -z "$JAR" ]]; then
	mvn -q -B -DskipTests package
	JAR=$(ls target/deskgraph-*.jar | head -n 1)
fi
WORK=$(mktemp -d)
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap cleanup EXIT

echo "== 1. compose and prometheus files"
python3 - "$HUAWEI_PORT" "$ALIBABA_PORT" > "$WORK/gateway.env" <<'PY'
import sys, yaml
compose = yaml.safe_load(open("docker-compose.yml"))
services = compose["services"]
assert set(services) == {"huawei-sim", "alibaba-sim", "gateway", "prometheus"}, services.keys()
for sim in ("huawei-sim", "alibaba-sim"):
    assert services[sim]["environment"]["SPRING_PROFILES_ACTIVE"] == "simulator", sim
    assert services[sim]["image"] == services["gateway"]["image"], sim
gateway = services["gateway"]
env = {}
for env_file in gateway["env_file"]:
    for line in open(env_file):
        line = line.strip()
        if line and not line.startswith("#"):
            key, value = line.split("=", 1)
            env[key] = value
inline = {k: str(v) for k, v in gateway["environment"].items()}
for key in inline:
    assert not any(word in key for word in ("SECRET", "ACCESSKEY", "TOKEN", "PASSWORD")), "secret inline: " + key
env.update(inline)
assert env["DESKGRAPH_ACCOUNTS_0_ENDPOINT"] == "http://huawei-sim:18081"
assert env["DESKGRAPH_ACCOUNTS_1_ENDPOINT"] == "http://alibaba-sim:18082"
prometheus = yaml.safe_load(open("deploy/prometheus.yml"))
job = prometheus["scrape_configs"][0]
assert job["metrics_path"] == "/actuator/prometheus"
assert job["static_configs"][0]["targets"] == ["gateway:8080"]
mounts = services["prometheus"]["volumes"]
assert any(m.startswith("./deploy/prometheus.yml:") for m in mounts), mounts
# Outside compose the service names resolve to this host.
for key, value in env.items():
    value = value.replace("huawei-sim:18081", "127.0.0.1:" + sys.argv[1])
    value = value.replace("alibaba-sim:18082", "127.0.0.1:" + sys.argv[2])
    print(f"{key}={value}")
PY
echo "ok: services $(python3 -c 'import yaml;print(" ".join(yaml.safe_load(open("docker-compose.yml"))["services"]))')"

wait_for() {
	local url=$1 what=$2
	for _ in $(seq 1 90); do
		if curl -fsS -o /dev/null "$url" 2>/dev/null; then
			return 0
		fi
		sleep 1
	done
	echo "FAILED: $what did not answer at $url" >&2
	tail -n 40 "$WORK"/*.log >&2
	exit 1
}

echo "== 2. simulators alone (simulator profile), one process per vendor as the huawei-sim and alibaba-sim services"
SPRING_PROFILES_ACTIVE=simulator DESKGRAPH_SIMULATOR_ALIBABA_ENABLED=false java -jar "$JAR" \
	--deskgraph.simulator.huawei.port="$HUAWEI_PORT" > "$WORK/simulator.log" 2>&1 &
PIDS+=($!)
SPRING_PROFILES_ACTIVE=simulator DESKGRAPH_SIMULATOR_HUAWEI_ENABLED=false java -jar "$JAR" \
	--deskgraph.simulator.alibaba.port="$ALIBABA_PORT" > "$WORK/simulator-alibaba.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$HUAWEI_PORT/_sim/stats" "Huawei simulator"
wait_for "http://127.0.0.1:$ALIBABA_PORT/_sim/stats" "Alibaba simulator"
if grep -q "Alibaba ECD simulator listening" "$WORK/simulator.log" \
		|| grep -q "Huawei Workspace simulator listening" "$WORK/simulator-alibaba.log"; then
	echo "FAILED: a simulator container started the other vendor's simulator too" >&2
	exit 1
fi
echo "ok: Huawei on $HUAWEI_PORT, Alibaba on $ALIBABA_PORT, each in its own process"

echo "== 3. gateway with the compose environment"
mapfile -t GATEWAY_ENV < "$WORK/gateway.env"
env "${GATEWAY_ENV[@]}" PORT="$GATEWAY_PORT" java -jar "$JAR" > "$WORK/gateway.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$GATEWAY_PORT/actuator/health/liveness" "gateway"
answer=$(curl -fsS "http://127.0.0.1:$GATEWAY_PORT/graphql" -H 'Content-Type: application/json' \
	-d '{"query":"{ desktopStatus { total sources { accountId state } } }"}')
echo "$answer"
grep -q '"accountId":"huawei-demo","state":"OK"' <<< "$answer" || { echo "FAILED: huawei-demo not OK" >&2; exit 1; }
grep -q '"accountId":"alibaba-demo","state":"OK"' <<< "$answer" || { echo "FAILED: alibaba-demo not OK" >&2; exit 1; }
calls=$(curl -fsS "http://127.0.0.1:$HUAWEI_PORT/_sim/stats")
echo "Huawei simulator stats: $calls"
grep -q '"ListDesktopsStatistics":[1-9]' <<< "$calls" || { echo "FAILED: the simulator was not called" >&2; exit 1; }
health=$(curl -sS "http://127.0.0.1:$GATEWAY_PORT/actuator/health")
echo "health: $health"
grep -q '"status":"UP"' <<< "$health" || { echo "FAILED: health not UP" >&2; exit 1; }
metrics=$(curl -fsS "http://127.0.0.1:$GATEWAY_PORT/actuator/prometheus")
for metric in deskgraph_upstream_requests_seconds_count cache_gets_total resilience4j_circuitbreaker_state \
	graphql_request_seconds_count; do
	grep -q "^$metric" <<< "$metrics" || { echo "FAILED: $metric missing" >&2; exit 1; }
done
if grep -q -e hw-demo-secret -e ali-demo-secret <<< "$metrics"; then
	echo "FAILED: secret in metrics" >&2
	exit 1
fi
grep -q 'GraphQL request executionId=' "$WORK/gateway.log" || { echo "FAILED: no request log" >&2; exit 1; }
grep 'GraphQL request executionId=' "$WORK/gateway.log" | tail -n 1
if grep -q -e hw-demo-secret -e ali-demo-secret "$WORK/gateway.log" "$WORK/simulator.log" "$WORK/simulator-alibaba.log"; then
	echo "FAILED: secret in logs" >&2
	exit 1
fi
echo "ok: compose deployment checked without Docker"
