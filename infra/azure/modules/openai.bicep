// Azure OpenAI with two deployments: one chat model for grounded answers and follow-up rewriting
// (AZURE_OPENAI_CHAT_DEPLOYMENT), one embedding model for the index and the questions
// (AZURE_OPENAI_EMBEDDING_DEPLOYMENT). Keys are disabled: Docent signs in with the managed identity, which gets
// Cognitive Services OpenAI User. Which models, versions and deployment types a region offers changes often:
// check the Azure OpenAI model availability table for your region and change the parameters to match.

param location string
param tags object
param name string
param identityPrincipalId string

@description('Object id of the person running azd; empty: no role for them.')
param userPrincipalId string = ''

param chatDeploymentName string = 'chat'
param chatModelName string = 'gpt-4o-mini'
param chatModelVersion string = '2024-07-18'
@description('Deployment type of the chat model: GlobalStandard, Standard, DataZoneStandard...')
param chatSku string = 'GlobalStandard'
@description('Capacity in thousands of tokens per minute.')
param chatCapacity int = 30

param embeddingDeploymentName string = 'embedding'
param embeddingModelName string = 'text-embedding-3-small'
param embeddingModelVersion string = '1'
param embeddingSku string = 'Standard'
@description('Capacity in thousands of tokens per minute; the first index run of a large export uses the most.')
param embeddingCapacity int = 120

var openAiUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd')

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
    publicNetworkAccess: 'Enabled'
    disableLocalAuth: true
  }
}

resource chat 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: chatDeploymentName
  sku: {
    name: chatSku
    capacity: chatCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: chatModelName
      version: chatModelVersion
    }
  }
}

// One deployment at a time: the service refuses concurrent deployment changes on one account.
resource embedding 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: embeddingDeploymentName
  sku: {
    name: embeddingSku
    capacity: embeddingCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: embeddingModelName
      version: embeddingModelVersion
    }
  }
  dependsOn: [
    chat
  ]
}

resource identityUses 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, identityPrincipalId, openAiUser)
  properties: {
    roleDefinitionId: openAiUser
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource userUses 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  scope: account
  name: guid(account.id, userPrincipalId, openAiUser)
  properties: {
    roleDefinitionId: openAiUser
    principalId: userPrincipalId
  }
}

output name string = account.name
// https://<name>.openai.azure.com/ : the custom subdomain is the account name.
output endpoint string = 'https://${account.name}.openai.azure.com'
output chatDeploymentName string = chat.name
output embeddingDeploymentName string = embedding.name
