# azd postdeploy hook (Windows): the same as postdeploy.sh.
$ErrorActionPreference = 'Stop'
if (-not (Get-Command az -ErrorAction SilentlyContinue)) { throw 'postdeploy: the Azure CLI (az) is required' }
foreach ($line in (azd env get-values)) {
  $name, $value = $line -split '=', 2
  Set-Item -Path "env:$name" -Value $value.Trim('"')
}
$tries = 0
while (-not (az functionapp keys list -g $env:AZURE_RESOURCE_GROUP -n $env:AZURE_FUNCTION_APP_NAME --query systemKeys.blobs_extension -o tsv 2>$null)) {
  $tries++
  if ($tries -gt 30) { throw 'postdeploy: no blobs_extension key on the app' }
  Start-Sleep -Seconds 10
}
az deployment group create `
  --resource-group $env:AZURE_RESOURCE_GROUP `
  --name blob-subscription `
  --template-file (Join-Path $PSScriptRoot '../events/blob-subscription.bicep') `
  --parameters functionAppName=$env:AZURE_FUNCTION_APP_NAME systemTopicName=$env:EVENT_GRID_SYSTEM_TOPIC `
               recordingsContainerName=$env:RECORDINGS_CONTAINER functionName=$env:BLOB_TRIGGER_FUNCTION `
  --output none
