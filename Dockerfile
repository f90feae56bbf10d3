# syntax=docker/dockerfile:1
# ListArchive: build with the .NET 10 SDK, run on the ASP.NET Core 10 runtime.
#   docker compose up --build           → http://localhost:8080/ with the Governance sample
# The first start imports archives/governance into /data (a named volume); importing is
# idempotent, so later starts store nothing twice.

# ---------------------------------------------------------------- build
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# global.json pins SDK 10.0.100 with rollForward latestFeature, so any 10.0.x SDK image works.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
# Restore and publish only the command (it references every src project it needs);
# tests, tools and archives are not part of the build context's compile step.
RUN dotnet restore src/ListArchive/ListArchive.csproj
RUN dotnet publish src/ListArchive/ListArchive.csproj \
        --configuration Release --no-restore \
        --output /app/publish \
        -p:UseAppHost=false

# ---------------------------------------------------------------- runtime
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish ./
# The sample archive built from the seeds (see archives/governance/README.md).
COPY archives/ /app/archives/
# /data holds the raw store and the SQLite index; owned by the image's non-root user
# ("app", $APP_UID, present in the .NET 8+ images) so the volume is writable.
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
VOLUME ["/data"]
EXPOSE 8080
ENV DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
ENTRYPOINT ["dotnet", "/app/listarchive.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:8080", "--data", "/data", "--import", "/app/archives/governance"]
