// Key Vault for Docent's secrets (Slack tokens, the bot's client secret). Role-based access only: the managed
// identity reads secrets (Key Vault Secrets User) and the container app and jobs reference them by URI, so a value
// never appears in the app's configuration, in azd's output or in a log. The person running azd (principalId)
// may set and rotate them (Key Vault Secrets Officer): `az keyvault secret set --vault-name NAME --name slack-bot-token`.

param location string
param tags object
param name string
param identityPrincipalId string

@description('Object id of the person running azd; empty: no role for them.')
param userPrincipalId string = ''

// Each secret is created only when given, so a platform left unconfigured leaves no empty secret behind.
@secure()
param slackBotToken string = ''
@secure()
param slackAppToken string = ''
@secure()
param slackSigningSecret string = ''
@secure()
param botAppPassword string = ''

var secretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
var secretsOfficer = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource slackBotTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(slackBotToken)) {
  parent: vault
  name: 'slack-bot-token'
  properties: {
    value: slackBotToken
  }
}

resource slackAppTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(slackAppToken)) {
  parent: vault
  name: 'slack-app-token'
  properties: {
    value: slackAppToken
  }
}

resource slackSigningSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(slackSigningSecret)) {
  parent: vault
  name: 'slack-signing-secret'
  properties: {
    value: slackSigningSecret
  }
}

resource botAppPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: botAppPassword
  }
}

resource identityReads 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identityPrincipalId, secretsUser)
  properties: {
    roleDefinitionId: secretsUser
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource userManages 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  scope: vault
  name: guid(vault.id, userPrincipalId, secretsOfficer)
  properties: {
    roleDefinitionId: secretsOfficer
    principalId: userPrincipalId
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
