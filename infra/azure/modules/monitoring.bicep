// Log Analytics: the Container Apps environment sends the service's and the indexer's console logs here
// (ContainerAppConsoleLogs_CL; JSON lines when DOCENT_LOG_FORMAT=json).

param location string
param tags object
param name string

@description('Days the logs are kept (30 to 730).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

output name string = workspace.name
output id string = workspace.id
