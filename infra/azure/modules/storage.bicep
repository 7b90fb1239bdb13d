// Storage: two Azure Files shares.
//   docent-home  DOCENT_HOME of the service and the indexer jobs: Teams conversation history
//                (DOCENT_TEAMS_HISTORY_DIR), the feedback log, the indexer's lock and its reports. The index itself is
//                in Azure AI Search: never put the embedded Lucene index on an SMB share.
//   exports      the document exports the indexer reads, one folder per source (/exports/<source>). Upload them
//                with `az storage file upload-batch` or azcopy (docs/deploy.md).
// Container Apps mounts Azure Files with the account key (it cannot mount with a managed identity), so shared-key
// access stays on; the key is read by containerapps.bicep with listKeys() and never leaves the deployment.
// The managed identity and the person running azd also get Storage File Data Privileged Contributor, so a job
// running as the identity (for example a scheduled SharePoint export) or the admin's `--auth-mode login` uploads
// can write the shares without the key.

param location string
param tags object
param name string
param identityPrincipalId string

@description('Object id of the person running azd; empty: no role for them.')
param userPrincipalId string = ''

@description('Size limit of the exports share, in GiB.')
param exportsQuotaGiB int = 100

var homeShareName = 'docent-home'
var exportsShareName = 'exports'
var fileDataPrivilegedContributor = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '69566ab7-960f-475b-8e7c-b3118f30c6bd'
)

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: true
    publicNetworkAccess: 'Enabled'
  }
}

resource files 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource homeShare 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: files
  name: homeShareName
  properties: {
    shareQuota: 10
    enabledProtocols: 'SMB'
  }
}

resource exportsShare 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: files
  name: exportsShareName
  properties: {
    shareQuota: exportsQuotaGiB
    enabledProtocols: 'SMB'
  }
}

resource identityFiles 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, identityPrincipalId, fileDataPrivilegedContributor)
  properties: {
    roleDefinitionId: fileDataPrivilegedContributor
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource userFiles 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  scope: account
  name: guid(account.id, userPrincipalId, fileDataPrivilegedContributor)
  properties: {
    roleDefinitionId: fileDataPrivilegedContributor
    principalId: userPrincipalId
  }
}

output name string = account.name
output homeShareName string = homeShare.name
output exportsShareName string = exportsShare.name
