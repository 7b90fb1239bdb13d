// Azure AI Search: Docent's index in production (docs/azure.md). Docent creates and checks the index itself on
// start (AZURE_SEARCH_INDEX), including its semantic configuration when AZURE_SEARCH_SEMANTIC=true; the service
// only has to offer the semantic ranker. Keys are disabled: Docent signs in with the managed identity, which gets
// Search Index Data Contributor (documents) and Search Service Contributor (index definitions).

param location string
param tags object
param name string
param identityPrincipalId string

@description('Object id of the person running azd; empty: no role for them.')
param userPrincipalId string = ''

@description('Pricing tier; the semantic ranker needs basic or higher.')
@allowed([
  'basic'
  'standard'
  'standard2'
  'standard3'
])
param sku string = 'basic'

@description('Semantic ranker plan: free (1,000 semantic queries a month) or standard (billed per 1,000 queries).')
@allowed([
  'free'
  'standard'
])
param semanticSearch string = 'free'

@minValue(1)
@maxValue(12)
param replicaCount int = 1

@minValue(1)
@maxValue(12)
param partitionCount int = 1

var indexDataContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8ebe5a00-799e-43f5-93ac-243d3dce84a7')
var serviceContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7ca78c08-252a-4471-8644-bb5ff32d4ba0')
var roles = [
  indexDataContributor
  serviceContributor
]

resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    replicaCount: replicaCount
    partitionCount: partitionCount
    hostingMode: 'default'
    publicNetworkAccess: 'enabled'
    semanticSearch: semanticSearch
    disableLocalAuth: true
  }
}

resource identityRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in roles: {
    scope: search
    name: guid(search.id, identityPrincipalId, role)
    properties: {
      roleDefinitionId: role
      principalId: identityPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource userRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in roles: if (!empty(userPrincipalId)) {
    scope: search
    name: guid(search.id, userPrincipalId, role)
    properties: {
      roleDefinitionId: role
      principalId: userPrincipalId
    }
  }
]

output name string = search.name
output endpoint string = 'https://${search.name}.search.windows.net'
