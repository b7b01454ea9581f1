# tickcast container image, built from source (used by docker-compose.yml: `docker compose up` needs no
# other step). Without a Docker engine, `mvn package jib:buildTar` builds the same image with Jib.
# Keep JDK_JAVA_OPTIONS in step with the jib jvmFlags in pom.xml (ImageConfigTest checks it).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
# Dependencies in their own layer, so a source change does not download them again. No BuildKit-only
# features: docker-compose v1 builds without BuildKit.
RUN mvn -B -q dependency:resolve dependency:resolve-plugins
COPY src ./src
RUN mvn -B -q -Dmaven.test.skip=true package

FROM eclipse-temurin:17-jre
ARG UID=10001
RUN groupadd --system --gid ${UID} tickcast \
 && useradd --system --uid ${UID} --gid tickcast --home-dir /var/lib/tickcast --shell /usr/sbin/nologin tickcast \
 && mkdir -p /opt/tickcast /etc/tickcast /var/lib/tickcast/state \
 && chown -R tickcast:tickcast /var/lib/tickcast
COPY --from=build /src/target/lib/ /opt/tickcast/lib/
COPY --from=build /src/target/tickcast.jar /opt/tickcast/tickcast.jar
COPY config/tickcast.properties /etc/tickcast/tickcast.properties

# Heap takes 40% of the container's memory limit; ND4J's native (off-heap) buffers are capped by JavaCPP
# relative to the heap: maxbytes=100% of heap for tracked buffers, maxphysicalbytes=220% of heap for the
# whole process (about 88% of the limit), so the JVM fails with an OutOfMemoryError before the kernel
# OOM-kills it. JavaCPP unpacks its native libraries into cachedir, which must be writable.
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=40 -XX:+ExitOnOutOfMemoryError -Dorg.bytedeco.javacpp.maxbytes=100% -Dorg.bytedeco.javacpp.maxphysicalbytes=220% -Dorg.bytedeco.javacpp.cachedir=/tmp/javacpp" \
    TICKCAST_STATE_DIR=/var/lib/tickcast/state \
    OMP_NUM_THREADS=1

USER tickcast:tickcast
WORKDIR /var/lib/tickcast
VOLUME /var/lib/tickcast
EXPOSE 9464
# Liveness: /health; readiness: /ready (200 once Kafka Streams is RUNNING). Bash's /dev/tcp avoids
# depending on curl or wget in the base image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9464 && printf 'GET /ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-jar", "/opt/tickcast/tickcast.jar"]
CMD ["run", "--config", "/etc/tickcast/tickcast.properties"]
