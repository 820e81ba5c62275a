# DeskGraph image: the gateway by default, or the vendor simulators alone with SPRING_PROFILES_ACTIVE=simulator.
#   docker build -t deskgraph .
#   docker run -p 8080:8080 deskgraph                       # demo mode (embedded simulators)
#   docker run -p 18081:18081 -p 18082:18082 -e SPRING_PROFILES_ACTIVE=simulator deskgraph

# --- build: dependencies first, so source changes reuse the cached dependency layer ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY schema schema
COPY src src
RUN mvn -B -q -DskipTests -Dspring-javaformat.skip=true package \
	&& cp target/deskgraph-*.jar /build/deskgraph.jar

# --- runtime: JRE only, non-root ---
FROM eclipse-temurin:17-jre
# curl is installed explicitly for the health check (the base image does not promise it).
RUN apt-get update \
	&& apt-get install -y --no-install-recommends curl \
	&& rm -rf /var/lib/apt/lists/* \
	&& groupadd --system --gid 10001 deskgraph \
	&& useradd --system --uid 10001 --gid deskgraph --home-dir /app --shell /usr/sbin/nologin deskgraph
WORKDIR /app
COPY --from=build --chown=deskgraph:deskgraph /build/deskgraph.jar /app/deskgraph.jar
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# 8080: GraphQL and actuator; 18081/18082: the Huawei and Alibaba simulators (demo or simulator mode).
EXPOSE 8080 18081 18082
# Liveness of the process only: an account whose vendor is down makes /actuator/health DOWN, but the
# gateway keeps serving the other accounts and must not be restarted for it. Simulator-only containers
# have no port 8080; docker-compose.yml gives them their own check.
HEALTHCHECK --interval=15s --timeout=3s --start-period=40s --retries=3 \
	CMD curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "-jar", "/app/deskgraph.jar"]
