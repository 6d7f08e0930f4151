# AssistantBuilder image. CPU by default.
#   docker build -t assistantbuilder .
#   docker run --rm -v "$PWD/models:/models" assistantbuilder generate --model /models/SmolLM2-135M-Instruct --prompt "Hello"
# The .NET 10 base images ship a libstdc++ new enough for TorchSharp, so the build's libstdc++ patch leaves them alone.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props AssistantBuilder.sln ./
COPY build/ build/
COPY src/ src/
RUN dotnet publish src/AssistantBuilder.Cli -c Release -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS final
WORKDIR /app
COPY --from=build /app .
ENTRYPOINT ["dotnet", "ab.dll"]
