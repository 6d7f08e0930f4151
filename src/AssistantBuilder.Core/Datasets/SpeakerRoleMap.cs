namespace AssistantBuilder.Core.Datasets;

/// <summary>Maps transcript speaker labels (<c>User:</c>, <c>Agent:</c>...) to roles, ignoring case.</summary>
internal sealed class SpeakerRoleMap
{
    private static readonly string[] UserLabels =
        ["user", "human", "customer", "client", "caller", "guest", "visitor", "patient", "student", "q", "question", "you"];

    private static readonly string[] AssistantLabels =
        ["assistant", "agent", "support", "bot", "ai", "a", "answer", "gpt", "chatgpt", "model", "representative", "rep", "advisor", "helpdesk"];

    private readonly Dictionary<string, string> _roles;

    private SpeakerRoleMap(Dictionary<string, string> roles) => _roles = roles;

    /// <summary>The caller's mapping, or the default labels when there is none.</summary>
    public static SpeakerRoleMap From(IReadOnlyDictionary<string, string>? speakerRoles) =>
        speakerRoles is null ? Default() : Custom(speakerRoles);

    /// <summary>The role of <paramref name="label"/>, or null when it is not a known speaker.</summary>
    public string? RoleOf(string label) => _roles.GetValueOrDefault(label.Trim());

    public string KnownLabels => string.Join(", ", _roles.Keys);

    private static SpeakerRoleMap Default()
    {
        var roles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["system"] = Roles.System };
        foreach (string label in UserLabels)
        {
            roles[label] = Roles.User;
        }

        foreach (string label in AssistantLabels)
        {
            roles[label] = Roles.Assistant;
        }

        return new SpeakerRoleMap(roles);
    }

    private static SpeakerRoleMap Custom(IReadOnlyDictionary<string, string> speakerRoles)
    {
        var roles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string label, string role) in speakerRoles)
        {
            roles[label.Trim()] = Roles.Normalize(role) ?? throw new ArgumentException(
                $"speaker '{label}' is mapped to '{role}'; a role must be system, user or assistant", nameof(speakerRoles));
        }

        return new SpeakerRoleMap(roles);
    }
}
