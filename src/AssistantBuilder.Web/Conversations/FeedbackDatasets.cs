using System.Text;
using System.Text.Json;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Datasets;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.Conversations;

/// <summary>
/// The feedback loop: an assistant's rated and corrected conversations (see <see cref="FeedbackConversation"/>),
/// written as OpenAI chat JSONL (with the assistant's system prompt first) and imported through
/// <see cref="DatasetStore"/> like any upload, named "&lt;assistant&gt; feedback &lt;date&gt;".
/// </summary>
public sealed class FeedbackDatasets(IDbContextFactory<AppDbContext> dbs, DatasetStore datasets)
{
    /// <exception cref="ConversationRequestException">404: no such assistant; 422: no rated or corrected answer yet.</exception>
    public async Task<FeedbackDatasetResult> BuildAsync(Guid assistantId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var assistant = await db.Assistants.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assistantId, ct)
            ?? throw ConversationRequestException.NotFound($"There is no assistant {assistantId}.");
        var conversations = await db.Conversations.AsNoTracking().Include(c => c.Messages)
            .Where(c => c.AssistantId == assistantId && c.Messages.Any(m => m.Role == "assistant" && (m.Rating == 1 || m.Correction != null)))
            .OrderBy(c => c.CreatedAt).ToListAsync(ct);

        var jsonl = new StringBuilder();
        int used = 0, corrections = 0;
        foreach (var c in conversations)
        {
            if (FeedbackConversation.Select(c.Messages) is not { } kept) continue;
            var messages = new List<object>();
            if (assistant.SystemPrompt.Trim().Length > 0) messages.Add(new { role = "system", content = assistant.SystemPrompt });
            messages.AddRange(kept.Select(m => new { role = m.Role, content = m.Content }));
            jsonl.Append(JsonSerializer.Serialize(new { messages })).Append('\n');
            used++;
            corrections += kept.Count(k => k.Corrected);
        }
        if (used == 0)
            throw ConversationRequestException.Invalid(
                $"'{assistant.Name}' has no answer rated up or corrected yet: rate answers in the widget or write corrections on the conversations page first.");

        string date = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string suffix = $" feedback {date}";
        string name = (assistant.Name.Length + suffix.Length > 100 ? assistant.Name[..(100 - suffix.Length)] : assistant.Name) + suffix;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(jsonl.ToString()));
        var detail = await datasets.ImportAsync(stream, $"feedback-{date}.jsonl", name, "openai", null, ct);
        return new FeedbackDatasetResult(detail.Dataset, used, corrections, $"/jobs/new?datasetId={detail.Dataset.Id}");
    }
}
