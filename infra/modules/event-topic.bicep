// The Event Grid system topic of the storage account. Its subscription to the function's webhook
// is created after the code is deployed (infra/events/blob-subscription.bicep, by the azd hook):
// the webhook's key exists only once the host runs the blob extension.
param name string
param location string
param tags object = {}
param storageAccountName string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: account.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = topic.name
