using AssistantBuilder.Web.Assistants;
using AssistantBuilder.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.Widget;

/// <summary>
/// Lets a widget call through only with a live (known, not revoked) widget key and from an origin on its assistant's
/// allow-list. Reads the database on every call, so a revoked key or a removed origin stops working at once.
/// </summary>
public sealed class WidgetGate(IDbContextFactory<AppDbContext> dbs)
{
    /// <summary>The query parameter of the hub URL that may name the assistant the page expects (data-assistant).</summary>
    public const string AssistantQuery = "assistant";

    /// <exception cref="HubException">No key, an unknown or revoked key, no Origin header or an origin not on the list.</exception>
    public async Task<WidgetAccess> CheckAsync(string? key, HttpContext? http, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key))
            throw new HubException("This widget has no key: put one of the assistant's widget keys in the script tag's data-key attribute.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.WidgetKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Key == key, ct)
            ?? throw new HubException("Unknown widget key: create one on the assistant's page and put it in the script tag's data-key attribute.");
        if (row.Revoked) throw new HubException("This widget key has been revoked: the site needs a new key from the assistant's page.");
        var assistant = await db.Assistants.AsNoTracking().FirstAsync(a => a.Id == row.AssistantId, ct);
        if (http?.Request.Query[AssistantQuery].ToString() is { Length: > 0 } expected
            && !(Guid.TryParse(expected, out var expectedId) && expectedId == assistant.Id))
            throw new HubException($"This widget key belongs to another assistant than data-assistant=\"{expected}\".");

        string header = http?.Request.Headers.Origin.ToString() ?? "";
        if (header.Length == 0)
            throw new HubException("The widget only works inside a web page: the request has no Origin header.");
        if (!OriginRules.TryNormalize(header, out var origin, out _) || !assistant.Widget.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
            throw new HubException($"The origin {header} may not embed this assistant: an operator must add it to the widget's allowed origins.");
        return new WidgetAccess(row, assistant, origin);
    }
}
