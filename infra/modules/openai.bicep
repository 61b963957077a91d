// Azure OpenAI with a transcription and an extraction deployment, keys disabled: the app calls it
// with its identity ("Cognitive Services OpenAI User" on this account only).
param name string
param location string
param tags object = {}
param transcriptionModel object
param extractionModel object
param appPrincipalId string

var openAiUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource transcription 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: 'transcription'
  sku: {
    name: transcriptionModel.sku
    capacity: transcriptionModel.capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: transcriptionModel.name
      version: transcriptionModel.version
    }
  }
}

// One deployment at a time per account (the service refuses parallel deployment writes).
resource extraction 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: 'extraction'
  dependsOn: [
    transcription
  ]
  sku: {
    name: extractionModel.sku
    capacity: extractionModel.capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: extractionModel.name
      version: extractionModel.version
    }
  }
}

resource appRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appPrincipalId, openAiUser)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', openAiUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output endpoint string = account.properties.endpoint
output transcriptionDeployment string = transcription.name
output extractionDeployment string = extraction.name
