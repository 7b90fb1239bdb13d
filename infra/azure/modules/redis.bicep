// Azure Cache for Redis for the state several replicas of `docent serve` share (issue 16: claimed Slack events and
// Teams deliveries, the threads Docent answered in, Teams history, answered messages, the per-person limit, the
// feedback stream). TLS only (port 6380). The connection URL, with the access key, is written to Key Vault as
// `redis-url`; the container app reads it there as DOCENT_REDIS_URL with the managed identity (Key Vault Secrets
// User), so the key never appears in the app's configuration or in azd's output. Rotate the key, then run
// `azd provision` again to rewrite the secret.
//
// Docent authenticates with the access key: Entra ID (a token of the managed identity as the password) is not
// implemented yet (docs/deploy.md). Every key Docent writes has a time to live except the feedback stream, so the
// eviction policy `volatile-lru` makes room without ever evicting votes.

param location string
param tags object
param name string
param keyVaultName string

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
    redisConfiguration: {
      'maxmemory-policy': 'volatile-lru'
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource urlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'redis-url'
  properties: {
    value: 'rediss://:${cache.listKeys().primaryKey}@${cache.properties.hostName}:${cache.properties.sslPort}'
  }
}

output name string = cache.name
output hostName string = cache.properties.hostName
output secretName string = urlSecret.name
