# The dashboard, on the official ASP.NET Core runtime image, as a client of a cluster of silos (deploy/silo.Dockerfile).
# Build from the repository root:
#   docker build -f deploy/dashboard.Dockerfile -t relations-dashboard .
# Run (storage and cluster from the environment; in Kubernetes see deploy/kubernetes/dashboard.yaml):
#   docker run -e Relations__Storage=azure -e Relations__ConnectionString="..." -e Relations__Cluster=relations -p 8080:8080 relations-dashboard
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Dashboard --configuration Release --output /app -p:DebugType=none -p:GenerateDocumentationFile=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY scenarios ./scenarios
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Relations.Dashboard.dll", "--urls", "http://0.0.0.0:8080", "--scenarios", "/app/scenarios"]
