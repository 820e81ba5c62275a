#!/usr/bin/env bash
# Validates the compose deployment without a Docker engine:
#   1. docker-compose.yml and deploy/prometheus.yml parse and have the expected shape (no inline secrets), the
#      `replicas` profile's services (Redis, three gateway replicas, the nginx balancer) included, and
#      deploy/nginx-replicas.conf passes `nginx -t` when nginx is installed (skipped, and said so, when not);
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
default = {name for name, service in services.items() if "profiles" not in service}
assert default == {"huawei-sim", "alibaba-sim", "gateway", "prometheus"}, default
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

python3 - <<'PY'
import ipaddress, re, yaml
services = yaml.safe_load(open("docker-compose.yml"))["services"]
replicas = {name for name, service in services.items() if "replicas" in service.get("profiles", [])}
assert replicas == {"redis", "gateway-1", "gateway-2", "gateway-3", "balancer"}, replicas
for name in replicas:
    assert services[name]["profiles"] == ["replicas"], name
gateway = services["gateway"]
redis = services["redis"]
assert redis["image"].startswith("redis:7.2"), redis["image"]
command = redis["command"]
assert command[0] == "redis-server" and "--save" in command and command[command.index("--save") + 1] == "", command
assert command[command.index("--appendonly") + 1] == "no", command
assert "ports" not in redis, "Redis published on the host"
assert redis["healthcheck"]["test"][-2:] == ["redis-cli", "ping"], redis["healthcheck"]
for name in ("gateway-1", "gateway-2", "gateway-3"):
    replica = services[name]
    assert replica["image"] == gateway["image"] and replica["env_file"] == gateway["env_file"], name
    env = {k: str(v) for k, v in replica["environment"].items()}
    for key, value in gateway["environment"].items():
        assert env.get(key) == str(value), (name, key)
    for key in env:
        assert not any(word in key for word in ("SECRET", "ACCESSKEY", "TOKEN", "PASSWORD")), "secret inline: " + key
    assert env["SPRING_DATA_REDIS_HOST"] == "redis", name
    assert env["DESKGRAPH_SHARED_REPLICAS"] == "3", name
    for trusted in env["DESKGRAPH_SECURITY_TRUSTEDPROXIES"].split(","):
        ipaddress.ip_network(trusted)
    assert not replica.get("ports"), name + " published on the host: it is reached through the balancer"
    assert replica["depends_on"]["redis"]["condition"] == "service_healthy", name
balancer = services["balancer"]
assert balancer["image"].startswith("nginx:"), balancer["image"]
assert balancer["ports"] == ["8088:8088"], balancer["ports"]
assert "./deploy/nginx-replicas.conf:/etc/nginx/nginx.conf:ro" in balancer["volumes"], balancer["volumes"]
assert set(balancer["depends_on"]) == {"gateway-1", "gateway-2", "gateway-3"}, balancer["depends_on"]
assert balancer["healthcheck"]["test"], "balancer without a health check"
conf = open("deploy/nginx-replicas.conf").read()
conf = re.sub(r"#[^\n]*", "", conf)
upstream = re.search(r"upstream\s+(\S+)\s*\{([^}]*)\}", conf)
assert upstream, "no upstream block"
servers = re.findall(r"^\s*server\s+(\S+)", upstream.group(2), re.M)
assert servers == ["gateway-1:8080", "gateway-2:8080", "gateway-3:8080"], servers
assert re.search(r"^\s*keepalive\s+\d+;", upstream.group(2), re.M), "no keepalive to the replicas"
assert not re.search(r"^\s*(least_conn|ip_hash|hash|random)\b", upstream.group(2), re.M), "not round robin"
for directive in (r"listen\s+8088;", r"proxy_pass\s+http://%s;" % upstream.group(1), r"proxy_http_version\s+1\.1;",
                  r'proxy_set_header\s+Connection\s+"";', r"proxy_set_header\s+X-Forwarded-For\s+\$remote_addr;"):
    assert re.search(directive, conf), "nginx-replicas.conf lacks " + directive
PY
echo "ok: profile replicas: redis, gateway-1..3 (the gateway's image and environment, Redis, trusted proxies), balancer"

if command -v nginx >/dev/null; then
	# A copy under a temporary prefix, the replicas' names replaced by loopback addresses (nginx resolves them
	# while testing) and the temporary directories, which nginx -t creates, kept under that prefix rather than in
	# the paths nginx was built with.
	mkdir -p "$WORK/nginx/logs" "$WORK/nginx/temp"
	temp_paths="\tclient_body_temp_path $WORK/nginx/temp/body;\n\tproxy_temp_path $WORK/nginx/temp/proxy;"
	for module in fastcgi uwsgi scgi; do
		nginx -V 2>&1 | grep -q -- "--without-http_${module}_module" \
			|| temp_paths+="\n\t${module}_temp_path $WORK/nginx/temp/$module;"
	done
	sed -e 's/gateway-\([0-9]\):8080/127.0.0.\1:8080/' -e "s|^http {|http {\n$temp_paths|" \
		deploy/nginx-replicas.conf > "$WORK/nginx/nginx.conf"
	if ! nginx -t -q -p "$WORK/nginx" -e stderr -c "$WORK/nginx/nginx.conf" -g "pid $WORK/nginx/nginx.pid;"; then
		echo "FAILED: nginx -t rejected deploy/nginx-replicas.conf" >&2
		exit 1
	fi
	echo "ok: nginx -t accepts deploy/nginx-replicas.conf ($(nginx -v 2>&1))"
else
	echo "skipped: nginx -t of deploy/nginx-replicas.conf (nginx is not installed)"
fi

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
# Compose imports the simulators' example prices: cost advice prices every desktop, labelled as example prices.
from=$(date -u -d '-15 days' +%F)
to=$(date -u -d '-2 days' +%F)
cost=$(curl -fsS "http://127.0.0.1:$GATEWAY_PORT/graphql" -H 'Content-Type: application/json' \
	-d "{\"query\":\"{ costSummary(range: {from: \\\"$from\\\", to: \\\"$to\\\"}) { desktops unpriced examplePrices currencies { currency } sources { accountId state } } }\"}")
echo "$cost"
grep -q '"unpriced":0,"examplePrices":true' <<< "$cost" || { echo "FAILED: compose's example prices not applied" >&2; exit 1; }
grep -q '"currency":"CNY"' <<< "$cost" && grep -q '"currency":"USD"' <<< "$cost" \
	|| { echo "FAILED: cost summary without both currencies" >&2; exit 1; }
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
