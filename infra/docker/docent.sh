#!/usr/bin/env bash
# The image's entry point: runs the docent command line on the image's JRE with the arguments given
# (`serve` by default). The repository's ./docent launcher also builds Docent; the image has it built already.
#
# DOCENT_JAVA_OPTS: JVM options (the Dockerfile sets a heap relative to the container's memory limit).
# DOCENT_JAR: the application jar (default /opt/docent/docent.jar; its dependencies are in lib/ beside it).
set -euo pipefail

jar="${DOCENT_JAR:-/opt/docent/docent.jar}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ ! -f "$jar" ]]; then
    echo "docent: $jar is missing; set DOCENT_JAR to the application jar" >&2
    exit 2
fi

# Lucene's SIMD vector search uses the incubating Vector API when the runtime has that module, for the
# long-running commands (as ./docent does). The runtime's release file lists its modules: no second JVM needed.
vector_api=()
case "${1:-}" in
    eval | serve | index)
        if [[ -n "${JAVA_HOME:-}" && -r "$JAVA_HOME/release" ]] && grep -q 'jdk\.incubator\.vector' "$JAVA_HOME/release"; then
            vector_api=(--add-modules jdk.incubator.vector)
        fi
        ;;
esac

# shellcheck disable=SC2086 # DOCENT_JAVA_OPTS is a list of options
exec "$java" ${DOCENT_JAVA_OPTS:-} "${vector_api[@]}" --enable-native-access=ALL-UNNAMED \
    -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -jar "$jar" "$@"
