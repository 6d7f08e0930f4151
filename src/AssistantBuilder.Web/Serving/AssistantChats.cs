using AssistantBuilder.Core.Serving;
using AssistantBuilder.Core.Storage;
using AssistantBuilder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace AssistantBuilder.Web.Serving;

/// <summary>
/// Turns an assistant into a chat client: its base model from the shared <see cref="ModelHost"/> (loaded once, batched
/// across every assistant on it), its live adapter applied per request, its system prompt and generation settings.
/// </summary>
public sealed class AssistantChats(IDbContextFactory<AppDbContext> dbs, IArtifactStore artifacts, ModelHost host)
{
    /// <summary>The assistant with this id, or null when there is none.</summary>
    public async Task<ServedAssistant?> FindAsync(Guid assistantId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var assistant = await db.Assistants.Include(a => a.BaseModel).Include(a => a.Versions).FirstOrDefaultAsync(a => a.Id == assistantId, ct);
        return assistant is null ? null : await ServeAsync(assistant, ct: ct);
    }

    /// <summary>The same assistant with another adapter version (or none), e.g. to compare versions side by side.</summary>
    /// <remarks>The model and the adapter are read through the artifact store (an object store would fetch them to a local cache).</remarks>
    public async Task<ServedAssistant> ServeAsync(Assistant assistant, AdapterVersion? version = null, bool useLiveVersion = true, CancellationToken ct = default)
    {
        version ??= useLiveVersion ? assistant.Versions.FirstOrDefault(v => v.Id == assistant.ActiveVersionId) : null;
        var model = host.Get(await artifacts.LocalPathOfAsync(assistant.BaseModel!.Path, ct));
        var profile = new EngineChatProfile(assistant.Name, version is null ? null : await artifacts.LocalPathOfAsync(version.AdapterDir, ct), assistant.SystemPrompt,
            Defaults(assistant.Generation));
        return new ServedAssistant(assistant, version, new EngineChatClient(model, profile));
    }

    static ChatOptions Defaults(GenerationSettings g) => new()
    {
        Temperature = (float)g.Temperature, TopP = (float)g.TopP, MaxOutputTokens = g.MaxTokens,
        AdditionalProperties = new() { [EngineChatClient.RepetitionPenaltyKey] = g.RepetitionPenalty },
    };
}
