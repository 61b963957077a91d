// The Event Grid subscription that delivers BlobCreated events of the recordings container to the
// blob extension's webhook of the deployed app. Deployed by infra/hooks/postdeploy.sh after
// `azd deploy`: the webhook's key (blobs_extension) exists only once the host has started the
// blob extension, so this cannot be part of the provisioning that precedes the first deployment.
param functionAppName string
param systemTopicName string
param recordingsContainerName string = 'calls'
@description('The blob-triggered function (starters/blob_starter.py).')
param functionName string = 'on_recording_uploaded'

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = {
  name: systemTopicName
}

var blobsExtensionKey = listKeys('${site.id}/host/default', '2024-04-01').systemKeys.blobs_extension

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: topic
  name: 'recordings-to-${functionName}'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${site.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${recordingsContainerName}/blobs/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output subscriptionName string = subscription.name
