namespace AssistantBuilder.Core.Datasets;

/// <summary>The three roles a conversation turn can have.</summary>
internal static class Roles
{
    public const string System = "system";
    public const string User = "user";
    public const string Assistant = "assistant";

    /// <summary>The role named by <paramref name="name"/> (any case), or null when it is not one of the three.</summary>
    public static string? Normalize(string name) => name.Trim().ToLowerInvariant() switch
    {
        System => System,
        User => User,
        Assistant => Assistant,
        _ => null,
    };
}
