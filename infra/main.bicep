// call-insights on Azure: `azd up` provisions this, deploys the app, then infra/hooks/postdeploy
// subscribes the function's Event Grid webhook to the recordings container (infra/events/).
//
// Everything is reached with one user-assigned managed identity; no key or connection string with
// a secret is set anywhere (storage shared keys, Cosmos DB keys and Azure OpenAI keys are disabled).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; also makes the resource names unique.')
param environmentName string

@minLength(1)
@description('Region of the function app, storage, Cosmos DB and monitoring.')
@metadata({ azd: { type: 'location' } })
param location string

@description('Region of the Azure OpenAI account: one that offers both deployments (README, "Deploy to Azure").')
@allowed([
  'eastus2'
  'northcentralus'
  'norwayeast'
  'southindia'
  'swedencentral'
  'switzerlandnorth'
  'uaenorth'
  'westeurope'
])
param openAiLocation string = 'swedencentral'

@description('Object id of the person running azd: may upload recordings and read records (empty: none).')
param principalId string = ''

@description('Recordings container: the blob trigger path (CALLS_CONTAINER) and the Event Grid filter.')
param recordingsContainerName string = 'calls'

@description('Chunk files, removed when a call is done (WORK_CONTAINER).')
param workContainerName string = 'call-work'

param cosmosDatabaseName string = 'callinsights'
param cosmosContainerName string = 'calls'

@description('Transcription deployment: model, version, SKU and capacity (Standard whisper: requests per minute).')
param transcriptionModel object = {
  name: 'whisper'
  version: '001'
  sku: 'Standard'
  capacity: 3
}

@description('Extraction deployment: model, version, SKU and capacity (thousands of tokens per minute).')
param extractionModel object = {
  name: 'gpt-4o-mini'
  version: '2024-07-18'
  sku: 'GlobalStandard'
  capacity: 100
}

param azureOpenAiApiVersion string = '2024-10-21'

@description('Memory of each Flex Consumption instance (MB): 2048 or 4096.')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('host.json maxConcurrentActivityFunctions per instance (cloud engines wait on the network).')
param maxConcurrentActivityFunctions int = 8

@description('Durable backend: false = Azure Storage (the task hub in the storage account), true = Durable Task Scheduler.')
param useDurableTaskScheduler bool = false

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 12)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    appInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    containerNames: [
      recordingsContainerName
      workContainerName
      deploymentContainerName
    ]
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    name: 'cosmos-${resourceToken}'
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    containerName: cosmosContainerName
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  scope: rg
  params: {
    name: 'oai-${resourceToken}'
    location: openAiLocation
    tags: tags
    transcriptionModel: transcriptionModel
    extractionModel: extractionModel
    appPrincipalId: identity.outputs.principalId
  }
}

module scheduler 'modules/durable-scheduler.bicep' = if (useDurableTaskScheduler) {
  name: 'durable-scheduler'
  scope: rg
  params: {
    name: 'dts-${resourceToken}'
    location: location
    tags: tags
    taskHubName: 'callinsights'
    appPrincipalId: identity.outputs.principalId
  }
}

// The app settings settings.py reads for the cloud engines (tests/infra/test_app_settings.py checks
// them against the Settings class). Identity: AZURE_CLIENT_ID makes DefaultAzureCredential (Cosmos DB,
// Azure OpenAI, the app's blob client) use the user-assigned identity.
var appSettings = {
  CALLS_CONTAINER: recordingsContainerName
  WORK_CONTAINER: workContainerName
  COSMOS_ENDPOINT: cosmos.outputs.endpoint
  COSMOS_DATABASE: cosmosDatabaseName
  COSMOS_CONTAINER: cosmosContainerName
  TRANSCRIPTION_ENGINE: 'azure-openai'
  EXTRACTION_ENGINE: 'azure-openai'
  AZURE_OPENAI_ENDPOINT: openAi.outputs.endpoint
  AZURE_OPENAI_API_VERSION: azureOpenAiApiVersion
  AZURE_OPENAI_TRANSCRIPTION_DEPLOYMENT: openAi.outputs.transcriptionDeployment
  AZURE_OPENAI_EXTRACTION_DEPLOYMENT: openAi.outputs.extractionDeployment
  AZURE_CLIENT_ID: identity.outputs.clientId
  AzureFunctionsJobHost__extensions__durableTask__maxConcurrentActivityFunctions: string(maxConcurrentActivityFunctions)
}

// Durable Task Scheduler: host.json stays as it is; these settings override its durableTask section.
var schedulerSettings = useDurableTaskScheduler ? {
  AzureFunctionsJobHost__extensions__durableTask__storageProvider__type: 'azureManaged'
  AzureFunctionsJobHost__extensions__durableTask__storageProvider__connectionStringName: 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING'
  AzureFunctionsJobHost__extensions__durableTask__hubName: scheduler!.outputs.taskHubName
  DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=${scheduler!.outputs.endpoint};Authentication=ManagedIdentity;ClientID=${identity.outputs.clientId}'
} : {}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'app'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    appInsightsName: monitoring.outputs.appInsightsName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    appSettings: union(appSettings, schedulerSettings)
  }
}

module eventTopic 'modules/event-topic.bicep' = {
  name: 'event-topic'
  scope: rg
  params: {
    name: 'evgt-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

// Read by azd (and so by infra/hooks/postdeploy.sh through `azd env get-values`).
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_APP_BASE_URL string = functionApp.outputs.baseUrl
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output RECORDINGS_CONTAINER string = recordingsContainerName
output EVENT_GRID_SYSTEM_TOPIC string = eventTopic.outputs.name
output BLOB_TRIGGER_FUNCTION string = 'on_recording_uploaded'
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.appInsightsName
