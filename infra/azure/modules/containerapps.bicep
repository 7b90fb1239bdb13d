// The Container Apps environment with Docent's two workloads, both running the image built from the repository's
// Dockerfile as the managed identity:
//   - the container app `docent serve`: external HTTPS ingress to port 8080 (Teams' /api/messages, Slack's
//     /slack/events, the web chat, /healthz, /readyz, /metrics), probes on /healthz and /readyz, secrets as Key
//     Vault references, DOCENT_HOME on the docent-home share;
//   - one scheduled job per source: `docent index --source NAME /exports/NAME` with the exports share mounted
//     read-only, the report written to DOCENT_HOME/reports/NAME.json.
//
// Until azd has pushed Docent's image (the first `azd provision`), both run public placeholder images (the app's
// listens on port 80, the jobs' prints and exits); the app then gets ingress to port 80 and no probes, because the
// placeholder has no /healthz. The postdeploy hook (hooks/postdeploy.sh) provisions again with the pushed image,
// which sets port 8080, the probes and the jobs' image.

param location string
param tags object
param environmentName string
param appName string
param logAnalyticsWorkspaceName string
param identityName string
param registryLoginServer string
param storageAccountName string
param homeShareName string
param exportsShareName string
param keyVaultUri string

@description('Docent\'s image in the registry; empty: the placeholder (before azd\'s first deploy).')
param image string = ''

@description('Plain settings of both the service and the indexer jobs (variable name to value).')
param commonSettings object

@description('Plain settings of the service only.')
param serveSettings object = {}

@description('Settings of the service held in Key Vault: variable name to secret name (lower case, digits, dashes).')
param secretSettings object = {}

@description('CPU cores of the service (0.5, 1, 1.5, 2... with twice as many GiB of memory on consumption).')
param cpu string = '1.0'
param memory string = '2Gi'

@minValue(0)
param minReplicas int = 1
@minValue(1)
param maxReplicas int = 1

@description('Concurrent HTTP requests per replica above which another replica is started (up to maxReplicas).')
param concurrentRequestsPerReplica int = 50

@description('Sources to index: [{ name: "confluence-eng", args: ["--base-url", "https://wiki.example.com/"] }]. Each reads /exports/<name>.')
param indexSources array = []

@description('When the indexer jobs start, as a five-field cron expression in UTC.')
param indexSchedule string = '0 2 * * *'

@description('An index run longer than this is stopped (seconds); keep it shorter than the schedule\'s interval.')
param indexTimeoutSeconds int = 21600

param indexCpu string = '1.0'
param indexMemory string = '2Gi'

var placeholderImage = 'mcr.microsoft.com/k8se/quickstart:latest'
var placeholderJobImage = 'mcr.microsoft.com/k8se/quickstart-jobs:latest'
var usePlaceholder = empty(image)
var port = usePlaceholder ? 80 : 8080
// Azure Files is mounted with the image's docent user (uid/gid 10001, see the Dockerfile) as the owner.
var mountOptions = 'uid=10001,gid=10001,dir_mode=0750,file_mode=0640'
// azd finds the app to deploy the `docent` service to by this tag.
var serviceTag = {
  'azd-service-name': 'docent'
}
var appTags = union(tags, serviceTag)
var serveArgs = [
  'serve'
]
// `docent index --source NAME /exports/NAME --report DOCENT_HOME/reports/NAME.json` plus the source's own options.
var indexArgs = [
  for source in indexSources: concat([
    'index'
    '--source'
    source.name
    '/exports/${source.name}'
    '--report'
    '/var/lib/docent/reports/${source.name}.json'
  ], contains(source, 'args') ? source.args : [])
]
var homeMount = {
  volumeName: 'home'
  mountPath: '/var/lib/docent'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsWorkspaceName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

var identityRef = {
  type: 'UserAssigned'
  userAssignedIdentities: {
    '${identity.id}': {}
  }
}
var registries = [
  {
    server: registryLoginServer
    identity: identity.id
  }
]
var commonEnv = [
  for setting in items(commonSettings): {
    name: setting.key
    value: string(setting.value)
  }
]
var serveEnv = [
  for setting in items(serveSettings): {
    name: setting.key
    value: string(setting.value)
  }
]
var secretEnv = [
  for setting in items(secretSettings): {
    name: setting.key
    secretRef: setting.value
  }
]
// Versionless Key Vault URIs: Container Apps picks up a rotated secret within 30 minutes (a new revision at once).
var secrets = [
  for setting in items(secretSettings): {
    name: setting.value
    keyVaultUrl: '${keyVaultUri}secrets/${setting.value}'
    identity: identity.id
  }
]
var scaleRules = [
  {
    name: 'http-requests'
    http: {
      metadata: {
        concurrentRequests: string(concurrentRequestsPerReplica)
      }
    }
  }
]
var probes = [
  {
    // The first start on an empty index writes the sample handbook before listening: up to 60 + 10 x 20 s.
    type: 'Startup'
    httpGet: {
      path: '/healthz'
      port: 8080
    }
    initialDelaySeconds: 10
    periodSeconds: 20
    timeoutSeconds: 3
    failureThreshold: 10
  }
  {
    type: 'Liveness'
    httpGet: {
      path: '/healthz'
      port: 8080
    }
    periodSeconds: 15
    timeoutSeconds: 3
    failureThreshold: 3
  }
  {
    // Not ready (no traffic, no restart) while the index or a configured backend cannot be reached.
    type: 'Readiness'
    httpGet: {
      path: '/readyz'
      port: 8080
    }
    periodSeconds: 10
    timeoutSeconds: 5
    failureThreshold: 3
  }
]

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
  }
}

resource homeStorage 'Microsoft.App/managedEnvironments/storages@2024-03-01' = {
  parent: environment
  name: 'docent-home'
  properties: {
    azureFile: {
      accountName: storage.name
      accountKey: storage.listKeys().keys[0].value
      shareName: homeShareName
      accessMode: 'ReadWrite'
    }
  }
}

resource exportsStorage 'Microsoft.App/managedEnvironments/storages@2024-03-01' = {
  parent: environment
  name: 'exports'
  properties: {
    azureFile: {
      accountName: storage.name
      accountKey: storage.listKeys().keys[0].value
      shareName: exportsShareName
      accessMode: 'ReadOnly'
    }
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  tags: appTags
  identity: identityRef
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      // The ingress is public and Container Apps cannot deny a path at the ingress: /metrics and the reasons /readyz
      // gives are protected by Docent itself, which answers them only to the secret (DOCENT_WEB_SECRET as a bearer
      // token) or an Easy Auth sign-in, and /readyz's status code alone (enough for the probes) to everyone else,
      // as long as DOCENT_METRICS_PUBLIC stays false (main.bicep sets it). See docs/deploy.md.
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
      }
      registries: registries
      secrets: secrets
    }
    template: {
      containers: [
        {
          name: 'docent'
          image: usePlaceholder ? placeholderImage : image
          args: usePlaceholder ? [] : serveArgs
          env: concat(commonEnv, serveEnv, secretEnv)
          resources: {
            cpu: json(cpu)
            memory: memory
          }
          probes: usePlaceholder ? [] : probes
          volumeMounts: [
            homeMount
          ]
        }
      ]
      volumes: [
        {
          name: 'home'
          storageType: 'AzureFile'
          storageName: homeStorage.name
          mountOptions: mountOptions
        }
      ]
      // Several replicas answer each question once only with shared state (DOCENT_REDIS_URL, set by main.bicep
      // when maxReplicas > 1). Slack over Socket Mode is not HTTP traffic: set minReplicas for it.
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: maxReplicas > 1 ? scaleRules : []
      }
    }
  }
}

resource jobs 'Microsoft.App/jobs@2024-03-01' = [
  for (source, i) in indexSources: {
    name: 'docent-index-${source.name}'
    location: location
    tags: tags
    identity: identityRef
    properties: {
      environmentId: environment.id
      configuration: {
        triggerType: 'Schedule'
        // No retry: the exit codes 1 (failed documents), 2 (configuration) and 3 (refused: lock held, mass delete,
        // empty export) would not change on a retry; the next scheduled run starts afresh.
        replicaRetryLimit: 0
        replicaTimeout: indexTimeoutSeconds
        scheduleTriggerConfig: {
          cronExpression: indexSchedule
          parallelism: 1
          replicaCompletionCount: 1
        }
        registries: registries
      }
      template: {
        containers: [
          {
            name: 'indexer'
            image: usePlaceholder ? placeholderJobImage : image
            args: usePlaceholder ? [] : indexArgs[i]
            env: commonEnv
            resources: {
              cpu: json(indexCpu)
              memory: indexMemory
            }
            volumeMounts: [
              homeMount
              {
                volumeName: 'exports'
                mountPath: '/exports'
              }
            ]
          }
        ]
        volumes: [
          {
            name: 'home'
            storageType: 'AzureFile'
            storageName: homeStorage.name
            mountOptions: mountOptions
          }
          {
            name: 'exports'
            storageType: 'AzureFile'
            storageName: exportsStorage.name
            mountOptions: mountOptions
          }
        ]
      }
    }
  }
]

output environmentName string = environment.name
output appName string = app.name
output fqdn string = app.properties.configuration.ingress.fqdn
output url string = 'https://${app.properties.configuration.ingress.fqdn}'
output jobNames array = [for (source, i) in indexSources: jobs[i].name]
output image string = usePlaceholder ? placeholderImage : image
