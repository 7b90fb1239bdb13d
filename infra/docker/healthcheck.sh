#!/usr/bin/env bash
# Docker HEALTHCHECK for `docent serve`: exit 0 when GET /healthz answers 200 within 4 s, 1 otherwise.
#
# It speaks HTTP through bash's /dev/tcp, because the JRE base image promises neither curl nor wget, and
# starting a second JVM for each check would cost far more than the check. Kubernetes and Azure Container Apps
# ignore HEALTHCHECK and use their own HTTP probes on /healthz and /readyz.
#
# DOCENT_PORT (default 8080) is where the service listens; DOCENT_HEALTH_HOST (default 127.0.0.1) where to ask.
# When DOCENT_BIND names one address (not 0.0.0.0 or ::), the check asks there.
set -uo pipefail

port="${DOCENT_PORT:-8080}"
host="${DOCENT_HEALTH_HOST:-}"
if [[ -z "$host" ]]; then
    case "${DOCENT_BIND:-0.0.0.0}" in
        0.0.0.0 | "" | "::" | "[::]") host=127.0.0.1 ;;
        *) host="${DOCENT_BIND}" ;;
    esac
fi
if [[ ! "$port" =~ ^[0-9]+$ ]]; then
    echo "healthcheck: DOCENT_PORT is not a number" >&2
    exit 1
fi

if [[ "${1:-}" != "--now" ]]; then
    # The whole check within 4 s (the Dockerfile's HEALTHCHECK timeout is 5 s): a hung server is unhealthy.
    # Docker reads 1 as unhealthy and reserves 2, so every failure, a timeout's 124 included, exits 1.
    if timeout 4 "$0" --now; then
        exit 0
    fi
    exit 1
fi

if ! exec 3<>"/dev/tcp/$host/$port"; then
    exit 1
fi
printf 'GET /healthz HTTP/1.1\r\nHost: %s:%s\r\nConnection: close\r\n\r\n' "$host" "$port" >&3 || exit 1
IFS= read -r status <&3 || exit 1
exec 3<&-
status="${status%$'\r'}"
if [[ "$status" =~ ^HTTP/1\.[01]\ 200 ]]; then
    exit 0
fi
echo "healthcheck: /healthz on $host:$port answered '$status'" >&2
exit 1
