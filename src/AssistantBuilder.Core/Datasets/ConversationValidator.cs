namespace AssistantBuilder.Core.Datasets;

/// <summary>
/// Checks the shape of a conversation: no empty turn, system only first, user and assistant alternating starting
/// with the user, at least one assistant turn to train on, ending with an assistant turn.
/// </summary>
internal static class ConversationValidator
{
    /// <summary>Why the conversation is unusable, or null when it is fine.</summary>
    public static string? Validate(IReadOnlyList<ConversationTurn> turns)
    {
        if (turns.Count == 0)
        {
            return "the conversation has no turns";
        }

        return EmptyTurn(turns) ?? MisplacedSystem(turns) ?? MissingAssistant(turns) ?? BadAlternation(turns) ?? BadEnding(turns);
    }

    private static string? EmptyTurn(IReadOnlyList<ConversationTurn> turns)
    {
        int index = IndexWhere(turns, t => string.IsNullOrWhiteSpace(t.Content));
        return index < 0 ? null : $"empty content in turn {index + 1} ({turns[index].Role})";
    }

    private static string? MisplacedSystem(IReadOnlyList<ConversationTurn> turns)
    {
        int index = IndexWhere(turns, (t, i) => i > 0 && t.Role == Roles.System);
        return index < 0 ? null : $"system turn at position {index + 1}: a system message may only come first";
    }

    private static string? MissingAssistant(IReadOnlyList<ConversationTurn> turns)
    {
        if (!turns.Any(t => t.Role == Roles.Assistant))
        {
            return "no assistant turn";
        }

        return turns.Any(t => t.Role == Roles.Assistant && t.Train) ? null : "every assistant turn has weight 0: nothing to train on";
    }

    private static string? BadAlternation(IReadOnlyList<ConversationTurn> turns)
    {
        string previous = Roles.System;
        for (int i = 0; i < turns.Count; i++)
        {
            string role = turns[i].Role;
            if (role == Roles.Assistant && previous != Roles.User)
            {
                return $"assistant turn {i + 1} does not follow a user turn";
            }

            if (role == Roles.User && previous == Roles.User)
            {
                return $"two user turns in a row (turns {i} and {i + 1})";
            }

            previous = role;
        }

        return null;
    }

    private static string? BadEnding(IReadOnlyList<ConversationTurn> turns) =>
        turns[^1].Role == Roles.Assistant ? null : "the conversation ends with a user turn instead of an assistant turn";

    private static int IndexWhere(IReadOnlyList<ConversationTurn> turns, Func<ConversationTurn, bool> predicate) =>
        IndexWhere(turns, (t, _) => predicate(t));

    private static int IndexWhere(IReadOnlyList<ConversationTurn> turns, Func<ConversationTurn, int, bool> predicate)
    {
        for (int i = 0; i < turns.Count; i++)
        {
            if (predicate(turns[i], i))
            {
                return i;
            }
        }

        return -1;
    }
}
