namespace AssistantBuilder.Core.Models;

/// <summary>
/// Where the Hub is and who asks: an explicit value first, then the environment variables huggingface_hub reads
/// (<c>HF_ENDPOINT</c>, <c>HF_TOKEN</c>), then https://huggingface.co and no token.
/// </summary>
public sealed record HubSettings(Uri Endpoint, string? Token)
{
    public const string DefaultEndpoint = "https://huggingface.co";

    public static HubSettings Resolve(string? endpoint, string? token, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string url = NonEmpty(endpoint) ?? NonEmpty(environment("HF_ENDPOINT")) ?? DefaultEndpoint;
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new HubException($"endpoint '{url}' is not an http(s) URL");
        return new HubSettings(uri, NonEmpty(token) ?? NonEmpty(environment("HF_TOKEN")));
    }

    static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
