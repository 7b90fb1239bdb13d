#!/usr/bin/env bash
# Writes Docent's directory file (DOCENT_DIRECTORY_FILE, docs/permissions.md) from Microsoft Entra ID, on stdout:
# every enabled member user (never guests) under their sign-in name and, when it differs, their mail address, with
# every group they belong to, directly or through other groups, as "group:<object id>" (the names the indexer writes
# for SharePoint permissions).
#
# Needs the Azure CLI signed in (`az login`) as someone Graph lets read users and group memberships (User.Read.All
# and GroupMember.Read.All, delegated or as an app), and jq. One Graph call per user and page: thousands of users
# take minutes. Run it on a schedule and write the file where docent serve reads it; Docent re-reads it when it
# changes, and keeps the last good contents if a run leaves it malformed.
#
#   EVERYONE_GROUPS="confluence-users" infra/directory/entra-directory.sh > directory.tmp && mv directory.tmp directory.json
#
# EVERYONE_GROUPS (comma-separated): groups every employee holds, written as the file's "everyone" (e.g. the
# Confluence group all staff are in). GRAPH_URL: another Graph cloud (default https://graph.microsoft.com/v1.0).
set -euo pipefail

graph=${GRAPH_URL:-https://graph.microsoft.com/v1.0}
everyone=${EVERYONE_GROUPS:-}

# Every item of a Graph collection, one compact JSON value a line, following @odata.nextLink.
items() {
  local url=$1 page
  while [ -n "$url" ]; do
    page=$(az rest --method get --url "$url" --headers ConsistencyLevel=eventual --output json)
    jq -c '.value[]' <<<"$page"
    url=$(jq -r '."@odata.nextLink" // empty' <<<"$page")
  done
}

people=$(mktemp)
trap 'rm -f "$people"' EXIT

users="$graph/users?\$select=id,userPrincipalName,mail&\$filter=userType%20eq%20'Member'%20and%20accountEnabled%20eq%20true&\$count=true&\$top=999"
items "$users" | while read -r user; do
  id=$(jq -r '.id' <<<"$user")
  groups=$(items "$graph/users/$id/transitiveMemberOf/microsoft.graph.group?\$select=id&\$top=999" |
    jq -s '[.[].id | "group:" + .] | unique')
  jq -r '[.userPrincipalName, .mail] | map(select(. != null and (. | contains("@")))) | map(ascii_downcase) | unique | .[]' \
    <<<"$user" | while read -r email; do
    jq -cn --arg email "$email" --argjson groups "$groups" '{email: $email, groups: $groups}'
  done
done >"$people"

jq -s --arg everyone "$everyone" \
  '{people: ., everyone: ($everyone | split(",") | map(gsub("^\\s+|\\s+$"; "")) | map(select(length > 0)))}' "$people"
