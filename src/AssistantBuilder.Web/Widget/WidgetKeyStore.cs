using System.Security.Cryptography;
using AssistantBuilder.Web.Conversations;
using AssistantBuilder.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.Widget;

/// <summary>Creates, lists and revokes an assistant's public widget keys (wk_ + 32 random URL-safe characters).</summary>
public sealed class WidgetKeyStore(IDbContextFactory<AppDbContext> dbs)
{
    public const int MaxLabelLength = 100;

    public async Task<IReadOnlyList<WidgetKeyView>> ListAsync(Guid assistantId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await EnsureAssistantAsync(db, assistantId, ct);
        var rows = await db.WidgetKeys.AsNoTracking().Where(k => k.AssistantId == assistantId).ToListAsync(ct);
        return rows.OrderBy(k => k.Revoked).ThenByDescending(k => k.CreatedAt).Select(WidgetKeyView.From).ToList();
    }

    /// <exception cref="ConversationRequestException">404: no such assistant; 422: label too long.</exception>
    public async Task<WidgetKeyView> CreateAsync(Guid assistantId, string? label, CancellationToken ct = default)
    {
        string clean = (label ?? "").Trim();
        if (clean.Length > MaxLabelLength) throw ConversationRequestException.Invalid($"label: {clean.Length} characters; the limit is {MaxLabelLength}");
        await using var db = await dbs.CreateDbContextAsync(ct);
        await EnsureAssistantAsync(db, assistantId, ct);
        var row = new WidgetKey { AssistantId = assistantId, Key = NewKey(), Label = clean };
        db.WidgetKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return WidgetKeyView.From(row);
    }

    /// <summary>Revokes a key for good (the hub refuses it from the next call on).</summary>
    /// <exception cref="ConversationRequestException">404: no such assistant or key.</exception>
    public async Task<WidgetKeyView> RevokeAsync(Guid assistantId, Guid keyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.WidgetKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.AssistantId == assistantId, ct)
            ?? throw ConversationRequestException.NotFound($"The assistant {assistantId} has no widget key {keyId}.");
        row.Revoked = true;
        await db.SaveChangesAsync(ct);
        return WidgetKeyView.From(row);
    }

    static string NewKey() => "wk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    static async Task EnsureAssistantAsync(AppDbContext db, Guid assistantId, CancellationToken ct)
    {
        if (!await db.Assistants.AnyAsync(a => a.Id == assistantId, ct))
            throw ConversationRequestException.NotFound($"There is no assistant {assistantId}.");
    }
}
