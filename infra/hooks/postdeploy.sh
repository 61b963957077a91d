#!/bin/sh
# azd postdeploy hook: subscribe the deployed function's blob webhook to the recordings container.
# Runs after `azd deploy` (and so at the end of `azd up`): the webhook key exists only once the
# host has started the blob extension. Idempotent: a second run updates the same subscription.
set -eu
command -v az >/dev/null 2>&1 || { echo "postdeploy: the Azure CLI (az) is required" >&2; exit 1; }

eval "$(azd env get-values | sed 's/^/export /')"

echo "postdeploy: Event Grid subscription ${EVENT_GRID_SYSTEM_TOPIC} -> ${AZURE_FUNCTION_APP_NAME}/${BLOB_TRIGGER_FUNCTION}"
# The key appears a little after the deployment finishes: wait for it (up to ~5 minutes).
tries=0
until [ -n "$(az functionapp keys list -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" \
              --query systemKeys.blobs_extension -o tsv 2>/dev/null)" ]; do
  tries=$((tries + 1))
  [ "$tries" -le 30 ] || { echo "postdeploy: no blobs_extension key on the app" >&2; exit 1; }
  sleep 10
done

az deployment group create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name "blob-subscription" \
  --template-file "$(dirname "$0")/../events/blob-subscription.bicep" \
  --parameters functionAppName="$AZURE_FUNCTION_APP_NAME" \
               systemTopicName="$EVENT_GRID_SYSTEM_TOPIC" \
               recordingsContainerName="$RECORDINGS_CONTAINER" \
               functionName="$BLOB_TRIGGER_FUNCTION" \
  --output none
echo "postdeploy: uploads to ${RECORDINGS_CONTAINER} now start process_call"
