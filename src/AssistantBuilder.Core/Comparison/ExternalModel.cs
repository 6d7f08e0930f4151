using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using OpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// An OpenAI-compatible endpoint (OpenAI, Azure OpenAI's v1 endpoint, Ollama, vLLM...) as a third contestant or a
/// judge, through Semantic Kernel's OpenAI connector: base URL (e.g. http://localhost:11434/v1), model and API key.
/// </summary>
public sealed record ExternalModel(string Endpoint, string Model, string? ApiKey = null)
{
    /// <summary>Null when the settings are usable; else what is wrong.</summary>
    public string? Problem() =>
        !Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            ? $"external endpoint '{Endpoint}' is not an http(s) URL"
            : string.IsNullOrWhiteSpace(Model) ? "external model name is empty" : null;

    public OpenAIChatCompletionService CreateService(HttpClient? http = null)
    {
        var options = new OpenAIClientOptions { Endpoint = new Uri(Endpoint) };
        if (http is not null) options.Transport = new HttpClientPipelineTransport(http);
        return new(Model, new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(ApiKey) ? "none" : ApiKey), options));
    }

    public Contestant Contestant(int maxTokens, HttpClient? http = null)
    {
        var service = CreateService(http);
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService>(service);
        return new Contestant
        {
            Name = Model, Kind = ContestantKind.External, Service = service, Kernel = builder.Build(),
            Settings = new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = maxTokens },
        };
    }
}
