<#
.SYNOPSIS
    Exports a SharePoint site's document libraries and modern site pages in the layout Docent reads
    (docs/indexing.md), with Microsoft Graph metadata and permissions beside every file.

.DESCRIPTION
    Writes, under -OutDir:

      docent-sharepoint.json                  the site's name and URL
      <Library>/<folders>/<file>              every file of every document library (or of -Library)
      <Library>/<folders>/<file>.driveItem.json   the file's Graph driveItem, with "permissions": [...]
      SitePages/<Page>.sitePage.json          every modern page: Graph sitePage with canvasLayout, with "permissions"

    Then index it, as a folder or zipped:

      docent index --source sharepoint-hr ./hr-export

    Needs the Microsoft.Graph.Authentication module (Install-Module Microsoft.Graph.Authentication) and, for the
    signed-in user or the app, Sites.Read.All and Files.Read.All. Reading permissions needs the caller to be allowed
    to see them (site owner, or an app with Sites.FullControl.All); -SkipPermissions exports without them, and
    Docent then indexes the files for administrators only (and reports it), unless the source is declared public
    with `docent index --public`.

    Graph throttles large exports: requests that get HTTP 429 are retried by Invoke-MgGraphRequest. Run it from a
    scheduled task or an Azure Automation runbook before each `docent index` run.

.PARAMETER SiteUrl
    The site, e.g. https://contoso.sharepoint.com/sites/hr

.PARAMETER OutDir
    The folder to write; created if missing. Files already there are overwritten.

.PARAMETER Library
    Names of the document libraries to export (default: all of them, except Site Pages).

.PARAMETER SkipPermissions
    Do not read permissions (faster; Docent then shows the files to administrators only, or to everyone when indexed
    with `docent index --public`).

.PARAMETER MaxFileMB
    Files larger than this are not downloaded (Docent skips files over 50 MB anyway).

.EXAMPLE
    Connect-MgGraph -Scopes Sites.Read.All,Files.Read.All
    ./Export-DocentSharePoint.ps1 -SiteUrl https://contoso.sharepoint.com/sites/hr -OutDir ./hr-export
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$SiteUrl,
    [Parameter(Mandatory = $true)][string]$OutDir,
    [string[]]$Library,
    [switch]$SkipPermissions,
    [int]$MaxFileMB = 50
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module Microsoft.Graph.Authentication
if (-not (Get-MgContext)) {
    Connect-MgGraph -Scopes 'Sites.Read.All', 'Files.Read.All' -NoWelcome
}

$graph = 'https://graph.microsoft.com/v1.0'

function Invoke-Graph([string]$Uri) {
    Invoke-MgGraphRequest -Method GET -Uri $Uri -OutputType PSObject
}

# Every item of a collection, following @odata.nextLink.
function Get-GraphAll([string]$Uri) {
    $items = @()
    while ($Uri) {
        $page = Invoke-Graph $Uri
        $items += @($page.value)
        $Uri = if ($page.PSObject.Properties['@odata.nextLink']) { $page.'@odata.nextLink' } else { $null }
    }
    $items
}

function Save-Json($Object, [string]$Path) {
    $Object | ConvertTo-Json -Depth 64 | Set-Content -Encoding utf8 -LiteralPath $Path
}

# A file or folder name that is safe on every OS; SharePoint already forbids most of these characters.
function ConvertTo-SafeName([string]$Name) {
    ($Name -replace '[\\/:*?"<>|]', '_').TrimEnd('.', ' ')
}

function Get-Permissions([string]$DriveId, [string]$ItemId) {
    @(Get-GraphAll "$graph/drives/$DriveId/items/$ItemId/permissions")
}

$uri = [Uri]$SiteUrl
$site = Invoke-Graph "$graph/sites/$($uri.Host):$($uri.AbsolutePath.TrimEnd('/'))"
New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
Save-Json ([ordered]@{
        siteName   = $site.displayName
        siteUrl    = $site.webUrl
        siteId     = $site.id
        exportedAt = (Get-Date).ToUniversalTime().ToString('o')
        exportedBy = 'infra/sharepoint/Export-DocentSharePoint.ps1'
    }) (Join-Path $OutDir 'docent-sharepoint.json')

$drives = @(Get-GraphAll "$graph/sites/$($site.id)/drives")
# the Site Pages library is a drive too; its pages are exported through the pages API below
$sitePagesDrive = $drives | Where-Object { $_.webUrl -match '/SitePages/?$' } | Select-Object -First 1

foreach ($drive in $drives) {
    if ($sitePagesDrive -and $drive.id -eq $sitePagesDrive.id) { continue }
    if ($Library -and ($Library -notcontains $drive.name)) { continue }
    Write-Host "Library '$($drive.name)'"
    $queue = [System.Collections.Generic.Queue[object]]::new()
    $queue.Enqueue(@{ Id = 'root'; Path = (Join-Path $OutDir (ConvertTo-SafeName $drive.name)) })
    while ($queue.Count -gt 0) {
        $folder = $queue.Dequeue()
        New-Item -ItemType Directory -Force -Path $folder.Path | Out-Null
        foreach ($item in Get-GraphAll "$graph/drives/$($drive.id)/items/$($folder.Id)/children") {
            $target = Join-Path $folder.Path (ConvertTo-SafeName $item.name)
            if ($item.PSObject.Properties['folder']) {
                $queue.Enqueue(@{ Id = $item.id; Path = $target })
                continue
            }
            if (-not $item.PSObject.Properties['file']) { continue } # OneNote notebooks, packages
            if ($item.size -gt $MaxFileMB * 1MB) {
                Write-Warning "Skipped '$($item.name)': larger than $MaxFileMB MB"
                continue
            }
            Invoke-MgGraphRequest -Method GET -Uri "$graph/drives/$($drive.id)/items/$($item.id)/content" -OutputFilePath $target
            if (-not $SkipPermissions) {
                $item | Add-Member -NotePropertyName permissions -NotePropertyValue (Get-Permissions $drive.id $item.id) -Force
            }
            Save-Json $item "$target.driveItem.json"
        }
    }
}

Write-Host 'Site pages'
$pagesDir = Join-Path $OutDir 'SitePages'
New-Item -ItemType Directory -Force -Path $pagesDir | Out-Null
foreach ($listed in Get-GraphAll "$graph/sites/$($site.id)/pages/microsoft.graph.sitePage") {
    $page = Invoke-Graph "$graph/sites/$($site.id)/pages/$($listed.id)/microsoft.graph.sitePage?`$expand=canvasLayout"
    if (-not $SkipPermissions -and $sitePagesDrive) {
        # a page's permissions are those of its file in the Site Pages library
        $file = Invoke-Graph "$graph/drives/$($sitePagesDrive.id)/root:/$([Uri]::EscapeDataString($page.name))"
        $page | Add-Member -NotePropertyName permissions -NotePropertyValue (Get-Permissions $sitePagesDrive.id $file.id) -Force
    }
    $name = ConvertTo-SafeName ($page.name -replace '\.aspx$', '')
    Save-Json $page (Join-Path $pagesDir "$name.sitePage.json")
}

Write-Host "Done: $OutDir"
