namespace AssistantBuilder.Web.OpenAi;

/// <summary>What a presented bearer key turned out to be.</summary>
public enum ApiKeyCheck { Valid, Unknown, Revoked }
