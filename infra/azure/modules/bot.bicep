// Azure Bot with the Microsoft Teams channel. Bot Service posts each Teams activity to the messaging endpoint,
// `docent serve`'s POST /api/messages on the container app's HTTPS address, and Docent answers through the Bot
// Connector with the app registration's client secret (MicrosoftAppPassword, kept in Key Vault). botbuilder-java
// does not support the UserAssignedMSI bot type, so the bot is a single-tenant app registration that the admin
// creates first (docs/deploy.md); Bicep cannot create Entra app registrations.

param tags object
param name string
param messagingEndpoint string

@description('The bot\'s Entra application (client) id.')
param appId string

@description('The tenant of the app registration.')
param tenantId string = tenant().tenantId

param displayName string = 'Docent'

@description('F0 is free for the standard channels, Teams among them.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: appId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
output messagingEndpoint string = bot.properties.endpoint
