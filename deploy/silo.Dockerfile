# The `relations` program as a silo, on the official ASP.NET Core runtime image (a silo serves /health and /metrics
# over HTTP with --http-port). Build from the repository root:
#   docker build -f deploy/silo.Dockerfile -t relations-silo .
# Run (storage from the environment; in Kubernetes see deploy/kubernetes/silo.yaml):
#   docker run -e Relations__Storage=azure -e Relations__ConnectionString="..." -p 11111:11111 -p 30000:30000 -p 8080:8080 relations-silo
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Silo --configuration Release --output /app -p:DebugType=none -p:GenerateDocumentationFile=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Silo-to-silo, gateway (clients), operators' HTTP.
EXPOSE 11111 30000 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "relations.dll"]
CMD ["silo", "--cluster", "relations", "--http-port", "8080"]
