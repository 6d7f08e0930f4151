using AssistantBuilder.Core.Datasets;
using MeaiMessage = Microsoft.Extensions.AI.ChatMessage;
using MeaiRole = Microsoft.Extensions.AI.ChatRole;

namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// Reads a held-out file in any import format (<see cref="DatasetImporter"/>): in each conversation the last
/// assistant turn is the reference and the turns before it the prompt (which must end with a user turn).
/// Conversations without an assistant turn after a user turn are skipped.
/// </summary>
public static class EvalSet
{
    /// <exception cref="DatasetException">The file is unusable or has no usable conversation.</exception>
    public static IReadOnlyList<EvalItem> Load(Stream stream, string fileName, KeyFacts? facts = null, int? limit = null)
    {
        var conversations = DatasetImporter.Import(stream, fileName, new ImportOptions()).Conversations;
        var items = new List<EvalItem>();
        foreach (var c in conversations)
        {
            int last = -1;
            for (int i = c.Turns.Count - 1; i >= 0; i--) if (c.Turns[i].Role == Roles.Assistant) { last = i; break; }
            if (last < 1 || c.Turns[last - 1].Role != Roles.User) continue;
            var prompt = c.Turns.Take(last).Select(t => new MeaiMessage(new MeaiRole(t.Role), t.Content)).ToList();
            string question = c.Turns[last - 1].Content;
            items.Add(new EvalItem(items.Count, prompt, question, c.Turns[last].Content,
                facts?.For(question, items.Count, conversations.Count)?.Facts ?? []));
        }
        if (items.Count == 0) throw new DatasetException($"{fileName}: no conversation ends with an assistant answer to a user turn, so there is nothing to evaluate");
        return limit is int n && n > 0 ? items.Take(n).ToList() : items;
    }

    public static IReadOnlyList<EvalItem> Load(string path, KeyFacts? facts = null, int? limit = null)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, Path.GetFileName(path), facts, limit);
    }
}
