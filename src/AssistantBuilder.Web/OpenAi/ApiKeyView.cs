using AssistantBuilder.Data;

namespace AssistantBuilder.Web.OpenAi;

/// <summary>An API key as listed: never the key itself, only its prefix.</summary>
public sealed record ApiKeyView(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, bool Revoked)
{
    public static ApiKeyView From(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.Revoked);
}

/// <summary>A key just created: the only time the whole key is shown.</summary>
public sealed record CreatedApiKey(Guid Id, string Name, string Prefix, DateTime CreatedAt, string Key);

public sealed record ApiKeyInput(string? Name);
