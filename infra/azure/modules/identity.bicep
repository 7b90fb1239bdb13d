// The user-assigned managed identity that the service and the indexer job run as. Docent's Azure SDK clients find
// it through DefaultAzureCredential with AZURE_CLIENT_ID set to its client id (containerapps.bicep does that).
// Each resource module gives it the roles it needs on that resource.

param location string
param tags object
param name string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
