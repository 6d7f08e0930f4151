using AssistantBuilder.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.OpenAi;

/// <summary>The assistants seen as OpenAI models: the id is the assistant's name (names are unique); its GUID works too.</summary>
public sealed class AssistantModels(IDbContextFactory<AppDbContext> dbs)
{
    public async Task<ModelList> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Assistants.AsNoTracking().Select(a => new { a.Name, a.CreatedAt }).ToListAsync(ct);
        return new ModelList(rows.OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new ModelEntry(a.Name, new DateTimeOffset(DateTime.SpecifyKind(a.CreatedAt, DateTimeKind.Utc)).ToUnixTimeSeconds())).ToList());
    }

    /// <summary>The assistant a model id names: exact name, then GUID, then a case-insensitive name that matches one assistant.</summary>
    public async Task<Guid?> ResolveAsync(string model, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var exact = await db.Assistants.Where(a => a.Name == model).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (exact is not null) return exact;
        if (Guid.TryParse(model, out var id) && await db.Assistants.AnyAsync(a => a.Id == id, ct)) return id;
        var names = await db.Assistants.Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var folded = names.Where(a => string.Equals(a.Name, model, StringComparison.OrdinalIgnoreCase)).ToList();
        return folded.Count == 1 ? folded[0].Id : null;
    }
}
