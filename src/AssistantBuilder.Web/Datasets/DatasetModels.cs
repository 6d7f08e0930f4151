using AssistantBuilder.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.Datasets;

/// <summary>Which base model counts tokens and renders previews when none is named: the shipped default model first.</summary>
static class DatasetModels
{
    public static async Task<BaseModel?> DefaultAsync(AppDbContext db, CancellationToken ct = default) =>
        (await db.BaseModels.AsNoTracking().ToListAsync(ct))
            .OrderBy(m => m.Source == ModelSource.Shipped ? 0 : 1)
            .ThenBy(m => m.Name == "default" ? 0 : 1)
            .ThenBy(m => m.CreatedAt)
            .FirstOrDefault();
}
