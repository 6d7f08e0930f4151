using AssistantBuilder.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.Serving;

/// <summary>One message to store: role, text, tokens (0 when not counted) and whether the answer was cut short.</summary>
public sealed record RecordedMessage(string Role, string Content, int Tokens = 0, bool Truncated = false);

/// <summary>
/// Stores conversations with assistants (channel api, playground or widget). Saving with the id of a stored
/// conversation replaces its messages, so a chat that was edited or regenerated is stored as it stands.
/// </summary>
public sealed class ConversationRecorder(IDbContextFactory<AppDbContext> dbs)
{
    public async Task<Guid> SaveAsync(Guid? conversationId, Guid assistantId, Guid? versionId, string channel, string? origin,
        IReadOnlyList<RecordedMessage> messages, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conversation = conversationId is { } id ? await db.Conversations.Include(c => c.Messages).FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        if (conversation is null)
        {
            conversation = new StoredConversation { Id = conversationId ?? Guid.NewGuid(), AssistantId = assistantId, Channel = channel, Origin = origin };
            db.Conversations.Add(conversation);
        }
        else
        {
            db.ConversationMessages.RemoveRange(conversation.Messages);
            conversation.Messages.Clear();
            await db.SaveChangesAsync(ct); // the (conversation, index) index is unique: old rows go before new ones come
        }
        conversation.VersionId = versionId;
        conversation.UpdatedAt = DateTime.UtcNow;
        for (int i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            conversation.Messages.Add(new StoredMessage { Index = i, Role = m.Role, Content = m.Content, Tokens = m.Tokens, Truncated = m.Truncated });
        }
        await db.SaveChangesAsync(ct);
        return conversation.Id;
    }
}
