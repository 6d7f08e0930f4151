using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Conversations;

/// <summary>
/// Which part of a stored conversation becomes training data. Answers are taken in order: an operator's correction
/// replaces its answer; an answer rated down without a correction, or stopped/cut off without one, ends the
/// conversation there (it and what follows are dropped). What is kept ends at the last answer a visitor rated up or an
/// operator corrected; unrated answers before it stay as context. Null when nothing is vouched for.
/// </summary>
public static class FeedbackConversation
{
    public static List<(string Role, string Content, bool Corrected)>? Select(IReadOnlyList<StoredMessage> messages)
    {
        var kept = new List<(string Role, string Content, bool Corrected)>();
        int lastVouched = -1;
        foreach (var m in messages.OrderBy(m => m.Index))
        {
            if (m.Role != "assistant")
            {
                kept.Add((m.Role, m.Content, false));
                continue;
            }
            if (m.Correction is { } correction)
            {
                kept.Add(("assistant", correction, true));
                lastVouched = kept.Count;
                continue;
            }
            if (m.Rating == -1 || m.Truncated || m.Content.Trim().Length == 0) break;
            kept.Add(("assistant", m.Content, false));
            if (m.Rating == 1) lastVouched = kept.Count;
        }
        return lastVouched < 0 ? null : kept[..lastVouched];
    }
}
