namespace AssistantBuilder.Web.Compare;

/// <summary>An external OpenAI-compatible model given with a request (instead of the configured one).</summary>
public sealed record ExternalInput(string Endpoint, string Model, string? ApiKey = null);
