namespace AssistantBuilder.Core.Datasets;

/// <summary>A transcript's speaker-to-role mapping as a user writes it: <c>Agent=assistant,Caller=user</c>.</summary>
public static class SpeakerRolesText
{
    /// <summary>The mapping for <see cref="ImportOptions.SpeakerRoles"/>.</summary>
    /// <exception cref="ArgumentException">A pair is not LABEL=ROLE, a label repeats, or a role is not system, user or assistant.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var roles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.LastIndexOf('=');
            string label = eq > 0 ? pair[..eq].Trim() : "", role = eq > 0 ? pair[(eq + 1)..].Trim() : "";
            if (label.Length == 0 || role.Length == 0)
                throw new ArgumentException($"speakers: '{pair}' is not LABEL=ROLE (e.g. Agent=assistant,Caller=user)");
            if (Roles.Normalize(role) is not { } normal)
                throw new ArgumentException($"speakers: '{pair}' maps to '{role}'; a role must be system, user or assistant");
            if (!roles.TryAdd(label, normal)) throw new ArgumentException($"speakers: '{label}' is mapped twice");
        }
        return roles.Count > 0 ? roles : throw new ArgumentException("speakers: no LABEL=ROLE pair given (e.g. Agent=assistant,Caller=user)");
    }
}
