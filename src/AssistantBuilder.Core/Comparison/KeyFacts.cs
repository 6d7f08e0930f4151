using System.Text.Json;

namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// Key-fact matching for held-out answers, the facts.json format of data/samples/README.md: an array of
/// <c>{ "question_id", "question", "facts": [...] }</c> in eval-file order, where each fact appears exactly
/// (case-sensitively) in the reference answer. An answer gets each fact it contains as an exact substring. Items
/// are paired with eval conversations by their last user turn (trimmed), else by position when the counts agree.
/// </summary>
public sealed class KeyFacts
{
    readonly IReadOnlyList<KeyFact> _items;
    readonly Dictionary<string, KeyFact> _byQuestion = new(StringComparer.Ordinal);

    public KeyFacts(IReadOnlyList<KeyFact> items)
    {
        _items = items;
        foreach (var item in items)
            if (item.Question is { } q) _byQuestion.TryAdd(q.Trim(), item);
    }

    public int Count => _items.Count;

    /// <exception cref="FormatException">The file is not a facts.json array.</exception>
    public static KeyFacts Load(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new FormatException($"{path}: facts file must be a JSON array of {{question_id, question, facts}}");
            var items = new List<KeyFact>();
            int index = 0;
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                index++;
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("facts", out var facts) || facts.ValueKind != JsonValueKind.Array)
                    throw new FormatException($"{path}: item {index} needs a \"facts\" array of strings");
                items.Add(new KeyFact(
                    e.TryGetProperty("question_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null,
                    e.TryGetProperty("question", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null,
                    facts.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!).ToList()));
            }
            return new KeyFacts(items);
        }
        catch (JsonException ex) { throw new FormatException($"{path}: not valid JSON ({ex.Message})", ex); }
    }

    /// <summary>The facts of eval item <paramref name="index"/> (of <paramref name="evalCount"/>) whose last user turn is <paramref name="question"/>.</summary>
    public KeyFact? For(string question, int index, int evalCount) =>
        _byQuestion.TryGetValue(question.Trim(), out var item) ? item
        : evalCount == _items.Count && index < _items.Count ? _items[index] : null;

    /// <summary>The facts that appear in the answer exactly (ordinal substring).</summary>
    public static IReadOnlyList<string> Found(string answer, IEnumerable<string> facts) =>
        facts.Where(f => f.Length > 0 && answer.Contains(f, StringComparison.Ordinal)).ToList();
}
