using AssistantBuilder.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.Conversations;

/// <summary>
/// Stored conversations: created and extended by the widget (a user message and its answer stored together), read
/// and corrected by operators, rated by visitors.
/// </summary>
public sealed class ConversationStore(IDbContextFactory<AppDbContext> dbs)
{
    public const int MaxCorrectionChars = 20_000;

    public async Task<Guid> CreateAsync(Guid assistantId, Guid? versionId, string channel, string? origin, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = new StoredConversation { AssistantId = assistantId, VersionId = versionId, Channel = channel, Origin = origin };
        db.Conversations.Add(row);
        await db.SaveChangesAsync(ct);
        return row.Id;
    }

    /// <summary>The conversation's messages in order, or null when it does not exist or belongs to another assistant.</summary>
    public async Task<IReadOnlyList<StoredMessage>?> MessagesAsync(Guid conversationId, Guid assistantId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId && c.AssistantId == assistantId, ct)) return null;
        return await db.ConversationMessages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.Index).ToListAsync(ct);
    }

    /// <summary>Appends messages after the last one (their indexes are set here) and notes the version that answered.</summary>
    public async Task AppendAsync(Guid conversationId, Guid? versionId, IReadOnlyList<StoredMessage> messages, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conversation = await db.Conversations.FirstAsync(c => c.Id == conversationId, ct);
        int next = await db.ConversationMessages.Where(m => m.ConversationId == conversationId).Select(m => (int?)m.Index).MaxAsync(ct) + 1 ?? 0;
        foreach (var m in messages)
        {
            m.ConversationId = conversationId;
            m.Index = next++;
            db.ConversationMessages.Add(m);
        }
        conversation.VersionId = versionId;
        conversation.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A visitor's thumbs up (+1) or down (-1) on an answer, with an optional comment; rating again replaces it.</summary>
    /// <exception cref="ConversationRequestException">No such conversation or answer, or a bad rating.</exception>
    public async Task RateAsync(Guid conversationId, Guid assistantId, int index, int rating, string? comment, CancellationToken ct = default)
    {
        if (rating is not (1 or -1)) throw ConversationRequestException.Invalid($"rating: {rating} is not a rating; give +1 (thumbs up) or -1 (thumbs down)");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Conversations.AnyAsync(c => c.Id == conversationId && c.AssistantId == assistantId, ct))
            throw ConversationRequestException.NotFound($"There is no conversation {conversationId} with this assistant.");
        var message = await AnswerAsync(db, conversationId, index, ct);
        message.Rating = rating;
        message.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(Guid assistantId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Assistants.AnyAsync(a => a.Id == assistantId, ct))
            throw ConversationRequestException.NotFound($"There is no assistant {assistantId}.");
        var rows = await db.Conversations.AsNoTracking().Where(c => c.AssistantId == assistantId && c.Messages.Count > 0)
            .Select(c => new ConversationSummary(c.Id, c.AssistantId, c.Channel, c.Origin, c.CreatedAt, c.UpdatedAt, c.Messages.Count,
                c.Messages.Count(m => m.Rating == 1), c.Messages.Count(m => m.Rating == -1), c.Messages.Count(m => m.Correction != null)))
            .ToListAsync(ct);
        return rows.OrderByDescending(c => c.UpdatedAt).ToList();
    }

    /// <exception cref="ConversationRequestException">404: no such conversation.</exception>
    public async Task<ConversationDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Conversations.AsNoTracking().Include(x => x.Messages).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw ConversationRequestException.NotFound($"There is no conversation {id}.");
        string name = await db.Assistants.Where(a => a.Id == c.AssistantId).Select(a => a.Name).FirstAsync(ct);
        return new ConversationDetail(c.Id, c.AssistantId, name, c.VersionId, c.Channel, c.Origin, c.CreatedAt, c.UpdatedAt,
            c.Messages.OrderBy(m => m.Index).Select(MessageView.From).ToList());
    }

    /// <summary>Sets (or with empty text removes) an operator's correction of an answer.</summary>
    /// <exception cref="ConversationRequestException">404: no such conversation or message; 422: not an answer, or too long.</exception>
    public async Task<MessageView> CorrectAsync(Guid id, int index, string? correction, CancellationToken ct = default)
    {
        string? text = string.IsNullOrWhiteSpace(correction) ? null : correction.Trim();
        if (text is { Length: > MaxCorrectionChars })
            throw ConversationRequestException.Invalid($"correction: {text.Length} characters; the limit is {MaxCorrectionChars}");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Conversations.AnyAsync(c => c.Id == id, ct)) throw ConversationRequestException.NotFound($"There is no conversation {id}.");
        var message = await AnswerAsync(db, id, index, ct);
        message.Correction = text;
        await db.SaveChangesAsync(ct);
        return MessageView.From(message);
    }

    static async Task<StoredMessage> AnswerAsync(AppDbContext db, Guid conversationId, int index, CancellationToken ct)
    {
        var message = await db.ConversationMessages.FirstOrDefaultAsync(m => m.ConversationId == conversationId && m.Index == index, ct)
            ?? throw ConversationRequestException.NotFound($"The conversation has no message {index}.");
        if (message.Role != "assistant")
            throw ConversationRequestException.Invalid($"message {index} is a {message.Role} message; only the assistant's answers can be rated or corrected");
        return message;
    }
}
