#!/bin/sh
# Packages Docent's Teams app: manifest.json with this bot's ids filled in, plus the two icons, zipped as the
# file a Teams administrator uploads (Teams admin center > Manage apps > Upload, or Developer Portal > Import).
#
# Usage:  MicrosoftAppId=<bot app id> infra/teams/package.sh [output.zip]
# Optional: DOCENT_TEAMS_APP_VERSION (default 0.1.0), DOCENT_TEAMS_DEVELOPER, DOCENT_TEAMS_WEBSITE_URL,
#           DOCENT_TEAMS_PRIVACY_URL, DOCENT_TEAMS_TERMS_URL.
set -eu

here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
out=${1:-"$here/dist/docent-teams.zip"}

app_id=${MicrosoftAppId:-}
if [ -z "$app_id" ]; then
    echo "package.sh: set MicrosoftAppId to the bot's Entra application (client) id" >&2
    exit 2
fi
if ! printf '%s\n' "$app_id" | grep -Eq '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$'; then
    echo "package.sh: MicrosoftAppId must be a GUID such as 6c7c1b5e-1f2d-4c1a-9b7e-2d5f0a3c4b11" >&2
    exit 2
fi

version=${DOCENT_TEAMS_APP_VERSION:-0.1.0}
if ! printf '%s\n' "$version" | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+$'; then
    echo "package.sh: DOCENT_TEAMS_APP_VERSION must look like 1.2.3" >&2
    exit 2
fi
developer=${DOCENT_TEAMS_DEVELOPER:-Docent}
website=${DOCENT_TEAMS_WEBSITE_URL:-https://example.com/docent}
privacy=${DOCENT_TEAMS_PRIVACY_URL:-$website}
terms=${DOCENT_TEAMS_TERMS_URL:-$website}

for value in "$developer" "$website" "$privacy" "$terms"; do
    case $value in
        *'"'* | *\\*)
            echo "package.sh: the developer name and URLs may not contain \" or \\" >&2
            exit 2
            ;;
    esac
done

# sed replacement text: escape the characters that are special there (\, & and the | delimiter)
escape() {
    printf '%s' "$1" | sed -e 's/[\\&|]/\\&/g'
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

sed -e "s|{{MICROSOFT_APP_ID}}|$(escape "$app_id")|g" \
    -e "s|{{VERSION}}|$(escape "$version")|g" \
    -e "s|{{DEVELOPER_NAME}}|$(escape "$developer")|g" \
    -e "s|{{WEBSITE_URL}}|$(escape "$website")|g" \
    -e "s|{{PRIVACY_URL}}|$(escape "$privacy")|g" \
    -e "s|{{TERMS_URL}}|$(escape "$terms")|g" \
    "$here/manifest.json" > "$work/manifest.json"
if grep -q '{{' "$work/manifest.json"; then
    echo "package.sh: manifest.json still has a placeholder" >&2
    exit 1
fi
cp "$here/color.png" "$here/outline.png" "$work/"

mkdir -p "$(dirname -- "$out")"
case $out in
    /*) target=$out ;;
    *) target=$(pwd)/$out ;;
esac
rm -f "$target"
# the three files at the root of the zip, no folders
if command -v zip > /dev/null 2>&1; then
    (cd "$work" && zip -q -X "$target" manifest.json color.png outline.png)
elif command -v python3 > /dev/null 2>&1; then
    (cd "$work" && python3 -m zipfile -c "$target" manifest.json color.png outline.png)
else
    echo "package.sh: needs zip or python3 to build the package" >&2
    exit 1
fi
echo "$target"
