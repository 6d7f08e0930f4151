# AssistantBuilder: the operator web app (and the `ab` command beside it). CPU by default.
#   docker build -t assistantbuilder .
#   docker run -p 8080:8080 -v ab-data:/data assistantbuilder
# CUDA (NVIDIA GPU; needs the NVIDIA container toolkit on the host):
#   docker build --build-arg VARIANT=cuda -t assistantbuilder:cuda .
#   docker run --gpus all -p 8080:8080 -v ab-data:/data assistantbuilder:cuda
# The .NET 10 base images ship a libstdc++ new enough for TorchSharp, so the build's libstdc++ patch leaves them alone.
ARG VARIANT=cpu

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG VARIANT
# The web build bundles the chat widget (wwwroot/widget.js) with npm.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props AssistantBuilder.sln ./
COPY build/ build/
COPY src/ src/
COPY wwwroot/ wwwroot/
RUN dotnet publish src/AssistantBuilder.Web -c Release -o /app -p:TorchVariant=${VARIANT}

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The shipped default model and sample datasets; runtime state goes to the /data volume.
COPY data/models/ /app/data/models/
COPY data/samples/ /app/data/samples/
ENV AB_DATA_DIR=/data ASPNETCORE_URLS=http://+:8080 ShippedModelsDir=/app/data/models
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD curl -fsS http://localhost:8080/healthz || exit 1
# First start: open http://HOST:8080/account/setup, or pass -e Operator__Email=... -e Operator__Password=...
# The command line is also in the image: docker run --entrypoint dotnet assistantbuilder ab.dll --help
ENTRYPOINT ["dotnet", "AssistantBuilder.Web.dll"]
