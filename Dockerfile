# Docent's container image: `docent serve` by default; any other docent command as the arguments
# (`docker run IMAGE index --source confluence /exports/confluence`).
#
#   docker build -t docent .
#   docker run -p 8080:8080 -v docent-home:/var/lib/docent docent
#
# Two stages: Maven on a JDK builds app/target/docent.jar and its dependencies (app/target/lib/, the jar's
# Class-Path); the runtime stage is a JRE with those files, a non-root user and DOCENT_HOME on a volume.
# Both images are Ubuntu-based (glibc): the ONNX Runtime bundled for the embedding model ships glibc native
# libraries, so an Alpine (musl) runtime would not load them.
# Only classic Dockerfile instructions are used (no BuildKit cache mounts or COPY --chmod), so the same file builds
# with `docker build`, Podman/Buildah, and `az acr build` (which `azd up` uses for a remote build).

ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-21
ARG RUNTIME_IMAGE=eclipse-temurin:21-jre-noble

FROM ${MAVEN_IMAGE} AS build
WORKDIR /src
COPY pom.xml ./
COPY bot-core/ bot-core/
COPY indexer/ indexer/
COPY slack-adapter/ slack-adapter/
COPY teams-adapter/ teams-adapter/
COPY app/ app/
# Tests are the CI's job (./mvnw -B verify); the image build only packages.
RUN mvn -B -q -DskipTests package -pl app -am \
    && test -f app/target/docent.jar && test -d app/target/lib

FROM ${RUNTIME_IMAGE}
# A fixed numeric uid/gid, so that Kubernetes' runAsNonRoot can check it and volumes can be chowned to it.
ARG DOCENT_UID=10001
RUN groupadd --system --gid "${DOCENT_UID}" docent \
    && useradd --system --uid "${DOCENT_UID}" --gid docent --home-dir /var/lib/docent --no-create-home \
        --shell /usr/sbin/nologin docent \
    && mkdir -p /var/lib/docent \
    && chown docent:docent /var/lib/docent \
    && chmod 0750 /var/lib/docent

COPY --from=build /src/app/target/lib/ /opt/docent/lib/
COPY --from=build /src/app/target/docent.jar /opt/docent/docent.jar
COPY infra/docker/docent.sh /usr/local/bin/docent
COPY infra/docker/healthcheck.sh /usr/local/bin/docent-healthcheck
RUN chmod 0755 /usr/local/bin/docent /usr/local/bin/docent-healthcheck

# DOCENT_JAVA_OPTS: the heap follows the container's memory limit instead of a fixed -Xmx.
# DJL_CACHE_DIR, XDG_CACHE_HOME: the tokenizer's and JNA's native libraries are unpacked under /tmp rather than the
# user's home, so they stay off the data volume (an SMB share on Azure) and work with a read-only root file system
# (/tmp is then an emptyDir) and with any uid.
ENV DOCENT_HOME=/var/lib/docent \
    DOCENT_PORT=8080 \
    DOCENT_BIND=0.0.0.0 \
    DOCENT_JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError" \
    DJL_CACHE_DIR=/tmp/docent-cache/djl \
    XDG_CACHE_HOME=/tmp/docent-cache
VOLUME ["/var/lib/docent"]
WORKDIR /var/lib/docent
USER docent:docent
EXPOSE 8080

# /healthz through bash's /dev/tcp: the JRE image's curl and wget are not a documented part of it, and a second
# JVM every 30 s would cost more than the service's own health endpoint. See infra/docker/healthcheck.sh.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["/usr/local/bin/docent-healthcheck"]

ENTRYPOINT ["/usr/local/bin/docent"]
CMD ["serve"]
