# DeliverabilityBot server (and the dbot CLI beside it) as a container image.
#   docker build -t deliverabilitybot .
#   docker compose -f deploy/compose.yaml up     (with PostgreSQL; settings in deploy/.env, see README "Install and run")
# Runs as the image's non-root user, with a read-only root file system where the runtime allows it (compose sets
# read_only: true and a tmpfs /tmp); history, conversation state and sign-in keys live in the /data volume.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props README.md ./
# The rule files are embedded in the Rules assembly; README.md is packed with the CLI.
COPY rules/ rules/
COPY src/ src/
RUN dotnet publish src/DeliverabilityBot.Server -c Release -o /app \
 && dotnet publish src/DeliverabilityBot.Cli -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Chart text is drawn with DejaVu Sans (Skia runs without fontconfig; the font is found by its file).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# Urls (not ASPNETCORE_URLS) overrides appsettings.json's loopback address. Listening beyond loopback makes the server
# "exposed": it starts only with sign-in configured, the web chat off, or Chat__AllowAnonymous=true (README).
ENV Urls=http://+:8080 \
    DBOT_DATA=/data \
    HOME=/data \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
RUN mkdir -p /data && chown app:app /data
VOLUME /data
EXPOSE 8080
USER app
# No curl in the runtime image: bash's /dev/tcp asks /healthz (open without sign-in, 200 when healthy).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "DeliverabilityBot.Server.dll"]
