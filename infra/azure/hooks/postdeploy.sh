#!/bin/sh
# azd postdeploy hook (azure.yaml). `azd deploy` pushes Docent's image and points the container app at it, and
# nothing else: the app's ingress port and probes, and the indexer jobs' image, come from the Bicep (main.bicep's
# docentImage, which main.parameters.json takes from SERVICE_DOCENT_IMAGE_NAME). When the image just deployed is
# not the one the Bicep last provisioned (DOCENT_PROVISIONED_IMAGE), this runs `azd provision` once more:
#   - after the very first deploy, the app leaves the placeholder's port 80 for Docent's 8080 and gets its probes;
#   - after every later deploy, the indexer jobs run the new image too.
set -eu

deployed=$(azd env get-value SERVICE_DOCENT_IMAGE_NAME 2>/dev/null || true)
provisioned=$(azd env get-value DOCENT_PROVISIONED_IMAGE 2>/dev/null || true)

if [ -z "$deployed" ]; then
    echo "postdeploy: azd has no SERVICE_DOCENT_IMAGE_NAME for this environment; nothing to do" >&2
    exit 0
fi
if [ "$deployed" = "$provisioned" ]; then
    echo "postdeploy: the service and the indexer jobs already run $deployed"
    exit 0
fi
echo "postdeploy: provisioning again so that the service and the indexer jobs run $deployed"
azd provision --no-prompt
