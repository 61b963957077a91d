// The one user-assigned identity of the app: the Functions host (AzureWebJobsStorage), the
// deployment package, Cosmos DB, Azure OpenAI, Application Insights and the Durable Task Scheduler.
param name string
param location string
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
