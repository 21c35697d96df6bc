# Sourced by the benchmark scripts: builds dbot into "$work/dbot" and sets `dbot` (the command, an array) and `build`
# (what was built). Default: the ReadyToRun publish README.md recommends; DBOT_BUILD=plain for the plain Release build,
# DBOT_BUILD=composite for the self-contained publish with one composite ReadyToRun image of dbot and the framework.
# Needs: $repo (the repository) and $work (a scratch folder).
if [ "${DBOT_BUILD:-r2r}" = plain ]; then
  echo "building dbot (Release, plain build)..." >&2
  dotnet build "$repo/src/DeliverabilityBot.Cli" -c Release -o "$work/dbot" -v quiet -nologo >/dev/null
  dbot=(dotnet "$work/dbot/dbot.dll"); build="plain Release build"
elif [ "${DBOT_BUILD:-r2r}" = composite ]; then
  rid="$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')"
  echo "publishing dbot (Release, self-contained, one composite ReadyToRun image with the framework, for $rid; slow)..." >&2
  dotnet publish "$repo/src/DeliverabilityBot.Cli" -c Release -r "$rid" --self-contained true -p:PublishReadyToRunComposite=true -o "$work/dbot" -v quiet -nologo >/dev/null
  dbot=("$work/dbot/dbot"); build="self-contained composite ReadyToRun publish"
else
  rid="$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')"
  echo "publishing dbot (Release, ReadyToRun for $rid)..." >&2
  dotnet publish "$repo/src/DeliverabilityBot.Cli" -c Release -r "$rid" --self-contained false -o "$work/dbot" -v quiet -nologo >/dev/null
  dbot=("$work/dbot/dbot"); build="ReadyToRun publish"
fi
