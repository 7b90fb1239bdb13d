// Azure Cache for Redis for the state several replicas of `docent serve` share (issue 16: claimed Slack events and
// Teams deliveries, the threads Docent answered in, Teams history, answered messages, the per-person limit, the
// feedback stream). TLS only (port 6380), Microsoft Entra ID only (access keys disabled): the managed identity has
// the "Data Contributor" access policy and Docent signs in with its token (DOCENT_REDIS_AUTH=entra,
// DOCENT_REDIS_USER = the identity's object id, set by main.bicep), so there is no key to leak or rotate. The
// connection URL is written to Key Vault as `redis-url` and read by the app as DOCENT_REDIS_URL.
//
// Every key Docent writes has a time to live except the feedback stream, so the eviction policy `volatile-lru` makes
// room without ever evicting votes.

param location string
param tags object
param name string
param keyVaultName string

@description('Object id of the managed identity the app runs as: Redis\'s user for it.')
param identityPrincipalId string

@description('Object id of the person running azd, for `docent feedback export` from a laptop; empty: none.')
param userPrincipalId string = ''

@description('Basic (one node, no SLA), Standard (replicated) or Premium.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param sku string = 'Basic'

@description('Cache size: 0 is 250 MB, ample for Docent\'s state (C family; P for Premium).')
param capacity int = 0

resource cache 'Microsoft.Cache/redis@2024-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: sku
      family: sku == 'Premium' ? 'P' : 'C'
      capacity: capacity
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    disableAccessKeyAuthentication: true
    redisConfiguration: {
      'aad-enabled': 'true'
      'maxmemory-policy': 'volatile-lru'
    }
  }
}

resource identityAccess 'Microsoft.Cache/redis/accessPolicyAssignments@2024-03-01' = {
  parent: cache
  name: 'docent-app'
  properties: {
    accessPolicyName: 'Data Contributor'
    objectId: identityPrincipalId
    objectIdAlias: 'docent-app'
  }
}

resource userAccess 'Microsoft.Cache/redis/accessPolicyAssignments@2024-03-01' = if (!empty(userPrincipalId)) {
  parent: cache
  name: 'docent-operator'
  properties: {
    accessPolicyName: 'Data Contributor'
    objectId: userPrincipalId
    objectIdAlias: 'docent-operator'
  }
  dependsOn: [
    identityAccess // the service applies one assignment at a time
  ]
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource urlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'redis-url'
  properties: {
    value: 'rediss://${cache.properties.hostName}:${cache.properties.sslPort}'
  }
}

output name string = cache.name
output hostName string = cache.properties.hostName
output secretName string = urlSecret.name
