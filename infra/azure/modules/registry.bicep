// Azure Container Registry for Docent's image: azd builds the Dockerfile and pushes it here; the container app and
// the indexer jobs pull it with the managed identity (AcrPull). No admin user: nothing to leak.

param location string
param tags object
param name string
param identityPrincipalId string

@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param sku string = 'Basic'

var acrPull = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    adminUserEnabled: false
    publicNetworkAccess: 'Enabled'
  }
}

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: registry
  name: guid(registry.id, identityPrincipalId, acrPull)
  properties: {
    roleDefinitionId: acrPull
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = registry.name
output loginServer string = registry.properties.loginServer
