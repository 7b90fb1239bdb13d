// Docent on Azure, for `azd up` (azure.yaml beside this file; docs/deploy.md walks through it):
//   resource group rg-<environment> with
//   - Azure AI Search (semantic ranker on) as the index, and Azure OpenAI with a chat and an embedding deployment;
//   - a Container Apps environment running `docent serve` (HTTPS ingress, probes on /healthz and /readyz) and one
//     scheduled Container Apps job per source running `docent index`;
//   - Storage (Azure Files: DOCENT_HOME with Teams history and reports; the exports the indexer reads);
//   - Key Vault for the Slack tokens and the bot's client secret, referenced by the container app;
//   - Azure Cache for Redis for the state the replicas share (when maxReplicas > 1): Entra ID access for the
//     identity, its URL in Key Vault;
//   - Azure Bot with the Teams channel (when botAppId is given), its messaging endpoint the app's /api/messages;
//   - a user-assigned managed identity with the roles each of those needs, Log Analytics, a Container Registry.
// Nothing here has been deployed from this repository's CI (it has no Azure account): see docs/deploy.md.

targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('The azd environment name: names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region of the resources. Azure OpenAI models and the semantic ranker are not offered everywhere.')
param location string

@description('Region of Azure OpenAI, when the models are not offered in the main region; empty: location.')
param openAiLocation string = ''

@description('Object id of the person running azd (azd sets it): gets data access to the index, the models, the shares and the vault, so `docent index` and `docent doctor` work from their machine too.')
param principalId string = ''

@description('Docent\'s image; azd sets it after its first deploy (SERVICE_DOCENT_IMAGE_NAME). Empty: a placeholder.')
param docentImage string = ''

@description('Sources the indexer jobs read, each from /exports/<name> on the exports share. args: more `docent index` options, e.g. ["--base-url", "https://wiki.example.com/"].')
param indexSources array = [
  {
    name: 'docs'
    args: []
  }
]

@description('When the indexer jobs start: five-field cron, UTC.')
param indexSchedule string = '0 2 * * *'

@description('Name of the index Docent creates in Azure AI Search.')
param searchIndexName string = 'docent'

@allowed([
  'basic'
  'standard'
  'standard2'
  'standard3'
])
param searchSku string = 'basic'

@allowed([
  'free'
  'standard'
])
param semanticSearch string = 'free'

param chatModelName string = 'gpt-4o-mini'
param chatModelVersion string = '2024-07-18'
param chatDeploymentSku string = 'GlobalStandard'
param chatCapacity int = 30
param embeddingModelName string = 'text-embedding-3-small'
param embeddingModelVersion string = '1'
param embeddingDeploymentSku string = 'Standard'
param embeddingCapacity int = 120

@description('AZURE_OPENAI_EMBEDDING_DIMENSIONS: shorter text-embedding-3 vectors (e.g. 512); empty: the model\'s own.')
param embeddingDimensions string = ''

@description('Most replicas of the service (scaled on concurrent HTTP requests). More than one brings Azure Cache for Redis for the state they share (DOCENT_REDIS_URL): exactly one answer per question on any replica.')
@minValue(1)
@maxValue(10)
param maxReplicas int = 3

@description('Azure Cache for Redis tier when maxReplicas > 1: Basic (no SLA), Standard (replicated) or Premium.')
param redisSku string = 'Basic'

@description('More plain settings for the service and the jobs, e.g. {"DOCENT_MAX_SOURCES": "5"}.')
param extraSettings object = {}

@description('Slack bot token (xoxb-...); empty: Slack off.')
@secure()
param slackBotToken string = ''

@description('Slack app-level token (xapp-...) for Socket Mode; empty: the Events API at /slack/events instead.')
@secure()
param slackAppToken string = ''

@description('Slack signing secret; needed for the Events API (no app-level token).')
@secure()
param slackSigningSecret string = ''

@description('The bot\'s Entra application (client) id (MicrosoftAppId); empty: no Azure Bot, Teams off.')
param botAppId string = ''

@description('Tenant of the bot\'s app registration (MicrosoftAppTenantId); empty: this subscription\'s tenant.')
param botTenantId string = ''

@description('Client secret of the bot\'s app registration (MicrosoftAppPassword).')
@secure()
param botAppPassword string = ''

@description('Azure Bot pricing tier; F0 is free for the standard channels, Teams among them.')
param botSku string = 'F0'

var tags = {
  'azd-env-name': environmentName
  application: 'docent'
}
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var teamsTenant = empty(botTenantId) ? tenant().tenantId : botTenantId
var home = '/var/lib/docent'

// Key Vault secret names (keyvault.bicep), and which variable each becomes; a secret left empty is neither created
// nor referenced.
// Written out one by one (rather than as one-line objects) so that older Bicep versions read it too.
var slackBotTokenSetting = {
  SLACK_BOT_TOKEN: 'slack-bot-token'
}
var slackAppTokenSetting = {
  SLACK_APP_TOKEN: 'slack-app-token'
}
var slackSigningSecretSetting = {
  SLACK_SIGNING_SECRET: 'slack-signing-secret'
}
var botPasswordSetting = {
  MicrosoftAppPassword: 'microsoft-app-password'
}
var redisSetting = {
  DOCENT_REDIS_URL: 'redis-url'
}
var useRedis = maxReplicas > 1
var secretSettings = union(empty(slackBotToken) ? {} : slackBotTokenSetting, empty(slackAppToken) ? {} : slackAppTokenSetting, empty(slackSigningSecret) ? {} : slackSigningSecretSetting, empty(botAppPassword) ? {} : botPasswordSetting, useRedis ? redisSetting : {})

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'log-${resourceToken}'
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'id-docent-${resourceToken}'
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'cr${resourceToken}'
    identityPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'kv-${resourceToken}'
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    slackBotToken: slackBotToken
    slackAppToken: slackAppToken
    slackSigningSecret: slackSigningSecret
    botAppPassword: botAppPassword
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'st${resourceToken}'
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module search 'modules/search.bicep' = {
  name: 'search'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'srch-${resourceToken}'
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    sku: searchSku
    semanticSearch: semanticSearch
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  scope: rg
  params: {
    location: empty(openAiLocation) ? location : openAiLocation
    tags: tags
    name: 'oai-${resourceToken}'
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    chatModelName: chatModelName
    chatModelVersion: chatModelVersion
    chatSku: chatDeploymentSku
    chatCapacity: chatCapacity
    embeddingModelName: embeddingModelName
    embeddingModelVersion: embeddingModelVersion
    embeddingSku: embeddingDeploymentSku
    embeddingCapacity: embeddingCapacity
  }
}

// Settings of both the service and the indexer jobs. AZURE_CLIENT_ID makes DefaultAzureCredential sign in as the
// user-assigned identity; no keys are set, so Docent uses Entra ID for Search and OpenAI (docs/azure.md).
var backendSettings = {
  DOCENT_HOME: home
  DOCENT_LOG_FORMAT: 'json'
  AZURE_CLIENT_ID: identity.outputs.clientId
  AZURE_SEARCH_ENDPOINT: search.outputs.endpoint
  AZURE_SEARCH_INDEX: searchIndexName
  AZURE_SEARCH_SEMANTIC: 'true'
  AZURE_OPENAI_ENDPOINT: openAi.outputs.endpoint
  AZURE_OPENAI_CHAT_DEPLOYMENT: openAi.outputs.chatDeploymentName
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT: openAi.outputs.embeddingDeploymentName
}
var dimensionsSetting = {
  AZURE_OPENAI_EMBEDDING_DIMENSIONS: embeddingDimensions
}
var commonSettings = union(backendSettings, empty(embeddingDimensions) ? {} : dimensionsSetting, extraSettings)
var listenSettings = {
  DOCENT_PORT: '8080'
  DOCENT_BIND: '0.0.0.0'
  // The ingress is public and has no path rules: Docent refuses /metrics (and /readyz's details) to requests
  // without DOCENT_WEB_SECRET or an Easy Auth sign-in. Never set this to true here.
  DOCENT_METRICS_PUBLIC: 'false'
  // With Easy Auth in front (DOCENT_WEB_TRUST_EASY_AUTH=true in extraSettings): the tenant whose people are members.
  DOCENT_WEB_TENANT_ID: tenant().tenantId
}
var teamsSettings = {
  MicrosoftAppId: botAppId
  MicrosoftAppType: 'SingleTenant'
  MicrosoftAppTenantId: teamsTenant
  DOCENT_TEAMS_HISTORY_DIR: '${home}/teams-history'
}
// Docent signs in to Redis with the managed identity's Entra ID token (modules/redis.bicep).
var redisAuthSettings = {
  DOCENT_REDIS_AUTH: 'entra'
  DOCENT_REDIS_USER: identity.outputs.principalId
}
var serveSettings = union(listenSettings, empty(botAppId) ? {} : teamsSettings, useRedis ? redisAuthSettings : {})

module redis 'modules/redis.bicep' = if (useRedis) {
  name: 'redis'
  scope: rg
  params: {
    location: location
    tags: tags
    name: 'redis-${resourceToken}'
    keyVaultName: keyVault.outputs.name
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    sku: redisSku
  }
}

module apps 'modules/containerapps.bicep' = {
  name: 'containerapps'
  scope: rg
  params: {
    location: location
    tags: tags
    environmentName: 'cae-${resourceToken}'
    appName: 'docent-${resourceToken}'
    logAnalyticsWorkspaceName: monitoring.outputs.name
    identityName: identity.outputs.name
    registryLoginServer: registry.outputs.loginServer
    storageAccountName: storage.outputs.name
    homeShareName: storage.outputs.homeShareName
    exportsShareName: storage.outputs.exportsShareName
    keyVaultUri: keyVault.outputs.uri
    image: docentImage
    commonSettings: commonSettings
    serveSettings: serveSettings
    secretSettings: secretSettings
    maxReplicas: maxReplicas
    indexSources: indexSources
    indexSchedule: indexSchedule
  }
  // Through the outputs it reads, this waits for the registry, vault and storage modules, role assignments
  // included: the identity can pull the image and read the secrets before the first revision starts; and for the
  // Redis module, which writes the redis-url secret the app references.
  dependsOn: [
    redis
  ]
}

module bot 'modules/bot.bicep' = if (!empty(botAppId)) {
  name: 'bot'
  scope: rg
  params: {
    tags: tags
    name: 'bot-${resourceToken}'
    messagingEndpoint: '${apps.outputs.url}/api/messages'
    appId: botAppId
    tenantId: teamsTenant
    sku: botSku
  }
}

// azd keeps these in .azure/<environment>/.env; `azd env get-values` prints them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name
output AZURE_CONTAINER_ENVIRONMENT_NAME string = apps.outputs.environmentName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT string = storage.outputs.name
output AZURE_SEARCH_ENDPOINT string = search.outputs.endpoint
output AZURE_SEARCH_INDEX string = searchIndexName
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
output AZURE_OPENAI_CHAT_DEPLOYMENT string = openAi.outputs.chatDeploymentName
output AZURE_OPENAI_EMBEDDING_DEPLOYMENT string = openAi.outputs.embeddingDeploymentName
output DOCENT_APP_NAME string = apps.outputs.appName
output DOCENT_URL string = apps.outputs.url
output DOCENT_MESSAGING_ENDPOINT string = '${apps.outputs.url}/api/messages'
output DOCENT_EXPORTS_SHARE string = storage.outputs.exportsShareName
output DOCENT_INDEX_JOBS array = apps.outputs.jobNames
output DOCENT_PROVISIONED_IMAGE string = apps.outputs.image
output DOCENT_REDIS_NAME string = useRedis ? redis.outputs.name : ''
