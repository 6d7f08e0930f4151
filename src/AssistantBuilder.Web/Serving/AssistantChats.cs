using AssistantBuilder.Core.Serving;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace AssistantBuilder.Web.Serving;

/// <summary>
/// Turns an assistant into a chat client: its base model from the shared <see cref="ModelHost"/> (loaded once, batched
/// across every assistant on it), its live adapter applied per request, its system prompt and generation settings.
/// </summary>
public sealed class AssistantChats(IDbContextFactory<AppDbContext> dbs, DataPaths paths, ModelHost host)
{
    /// <summary>The assistant with this id, or null when there is none.</summary>
    public async Task<ServedAssistant?> FindAsync(Guid assistantId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var assistant = await db.Assistants.Include(a => a.BaseModel).Include(a => a.Versions).FirstOrDefaultAsync(a => a.Id == assistantId, ct);
        return assistant is null ? null : Serve(assistant);
    }

    /// <summary>The same assistant with another adapter version (or none), e.g. to compare versions side by side.</summary>
    public ServedAssistant Serve(Assistant assistant, AdapterVersion? version = null, bool useLiveVersion = true)
    {
        version ??= useLiveVersion ? assistant.Versions.FirstOrDefault(v => v.Id == assistant.ActiveVersionId) : null;
        var model = host.Get(paths.Resolve(assistant.BaseModel!.Path));
        var profile = new EngineChatProfile(assistant.Name, version is null ? null : paths.Resolve(version.AdapterDir), assistant.SystemPrompt,
            Defaults(assistant.Generation));
        return new ServedAssistant(assistant, version, new EngineChatClient(model, profile));
    }

    static ChatOptions Defaults(GenerationSettings g) => new()
    {
        Temperature = (float)g.Temperature, TopP = (float)g.TopP, MaxOutputTokens = g.MaxTokens,
        AdditionalProperties = new() { [EngineChatClient.RepetitionPenaltyKey] = g.RepetitionPenalty },
    };
}
