#!/usr/bin/env bash
# Installs dbot the way a user does with the .NET SDK: packs the CLI as a .NET tool into a temporary local feed,
# installs it from that feed alone (a nuget.config listing only it) into a temporary tool path, and runs
# `dbot --version` and `dbot explain`. Exit 0 when the installed tool answers; nothing is left behind.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d "${TMPDIR:-/tmp}/dbot-tool.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/DeliverabilityBot.Cli/DeliverabilityBot.Cli.csproj | head -1)"
dotnet pack src/DeliverabilityBot.Cli -c Release -o "$tmp/feed" -nologo -v quiet >/dev/null
cat > "$tmp/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$tmp/feed" />
  </packageSources>
</configuration>
XML
dotnet tool install DeliverabilityBot.Cli --version "$version" --tool-path "$tmp/tools" --configfile "$tmp/nuget.config" >/dev/null
installed="$("$tmp/tools/dbot" --version)"
case "$installed" in
  "$version"*) ;;
  *) echo "tool-install: dbot --version printed '$installed', expected $version" >&2; exit 1 ;;
esac
(cd "$tmp" && "$tmp/tools/dbot" explain --json --to a@icloud.com "554 5.7.1 [CS01] Message rejected due to local policy") | grep -q '"ICL1001"' \
  || { echo "tool-install: the installed dbot did not explain a CS01 bounce" >&2; exit 1; }
echo "tool-install: dotnet tool install from a local feed: dbot $installed runs"
