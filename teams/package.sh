#!/usr/bin/env sh
# Builds the Teams app package (manifest.json + icons) for sideloading or the Teams admin center.
#   TEAMS_APP_ID  the Azure Bot's Microsoft App ID (the same value as Teams__AppId); also used as the app id
#   BOT_DOMAIN    the public host name of the bot (e.g. the dev tunnel host), without scheme
# Output: teams/build/deliverabilitybot-teams.zip
set -eu
here=$(cd "$(dirname "$0")" && pwd)
: "${TEAMS_APP_ID:=${Teams__AppId:-}}"
if [ -z "${TEAMS_APP_ID}" ] || [ -z "${BOT_DOMAIN:-}" ]; then
  echo "usage: TEAMS_APP_ID=<app guid> BOT_DOMAIN=<bot host> $0" >&2
  exit 2
fi
if ! printf '%s' "$TEAMS_APP_ID" | grep -Eq '^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'; then
  echo "TEAMS_APP_ID '$TEAMS_APP_ID' is not a GUID (use the Microsoft App ID of the Azure Bot)" >&2
  exit 2
fi
case "$BOT_DOMAIN" in
  *://*|*/*) echo "BOT_DOMAIN is a host name only, e.g. bot.example.com" >&2; exit 2 ;;
esac
out="$here/build"
stage="$out/stage"
rm -rf "$stage" && mkdir -p "$stage"
sed -e "s/\${TEAMS_APP_ID}/$TEAMS_APP_ID/g" -e "s/\${BOT_DOMAIN}/$BOT_DOMAIN/g" "$here/manifest.json" > "$stage/manifest.json"
cp "$here/outline.png" "$here/color.png" "$stage/"
rm -f "$out/deliverabilitybot-teams.zip"
(cd "$stage" && python3 -m zipfile -c "$out/deliverabilitybot-teams.zip" manifest.json outline.png color.png)
rm -rf "$stage"
echo "$out/deliverabilitybot-teams.zip"
