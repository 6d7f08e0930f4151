using System.Text.Json;
using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Evaluation;

/// <summary>Reads facts.json: <c>[{"question_id", "question", "facts": [...]}, ...]</c>, in the eval file's order.</summary>
public static class FactsFile
{
    public static IReadOnlyList<FactItem> Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new DatasetException($"{path}: expected a JSON array of {{question_id, question, facts}}");
        var items = new List<FactItem>();
        int index = 0;
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            index++;
            string Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
                : throw new DatasetException($"{path}: item {index} has no string \"{name}\"");
            if (!e.TryGetProperty("facts", out var facts) || facts.ValueKind != JsonValueKind.Array)
                throw new DatasetException($"{path}: item {index} has no \"facts\" array");
            var list = facts.EnumerateArray().Select(f => f.GetString() ?? "").Where(f => f.Length > 0).ToList();
            if (list.Count == 0) throw new DatasetException($"{path}: item {index} lists no facts");
            items.Add(new FactItem(Text("question_id"), Text("question"), list));
        }
        return items;
    }
}
