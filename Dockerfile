# Noddfa: one image definition for every service; the build arguments say which.
# Build the jars first (./mvnw -DskipTests package), then from the repository's top directory:
#   docker build --build-arg MODULE=bed-registry --build-arg PORT=8081 -t noddfa/bed-registry:0.1.0-SNAPSHOT .
# (docker compose build passes the arguments of each service itself.)
# Spring Boot's layered jar: dependencies change rarely, the application on every commit, so
# each layer is its own image layer and a new build ships only what changed.

ARG MODULE
ARG PORT
ARG VERSION=0.1.0-SNAPSHOT

FROM eclipse-temurin:21-jre AS layers
ARG MODULE
ARG VERSION
WORKDIR /build
COPY ${MODULE}/target/${MODULE}-${VERSION}-exec.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:21-jre
ARG MODULE
ARG PORT
LABEL org.opencontainers.image.title="noddfa-${MODULE}" \
      org.opencontainers.image.description="Noddfa ${MODULE}: crisis beds for children in Wales"
# a fixed numeric user, so Kubernetes can prove runAsNonRoot without reading /etc/passwd
RUN groupadd --system --gid 10001 noddfa \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin noddfa
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
EXPOSE ${PORT}
# the port the health check asks; Spring reads its own server.port from application.yml
ENV SERVICE_PORT=${PORT}
# memory from the container's limit, not the host's; a JVM out of memory exits so the
# orchestrator restarts it instead of leaving it half alive. The root filesystem may be
# read-only: only /tmp needs to be writable.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC -Djava.io.tmpdir=/tmp"
# no curl or wget needed in the base image: bash asks the liveness group over a plain socket
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVICE_PORT} && printf 'GET /actuator/health/liveness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
