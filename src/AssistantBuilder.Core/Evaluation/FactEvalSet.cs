using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Evaluation;

/// <summary>
/// A sample domain folder (see data/samples/README.md): <c>train.*</c>, <c>eval.*</c> in the same format and
/// <c>facts.json</c> with the key facts of each eval item, in the eval file's order.
/// </summary>
public sealed record FactEvalSet(string TrainPath, string EvalPath, IReadOnlyList<FactEvalItem> Items)
{
    /// <summary>Every key fact of the domain, deduplicated, in the order they first appear.</summary>
    public IReadOnlyList<string> AllFacts => Items.SelectMany(i => i.Facts).Distinct().ToList();

    public static FactEvalSet Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new DatasetException($"{folder}: folder not found");
        string train = Single(folder, "train"), eval = Single(folder, "eval");
        string factsPath = Path.Combine(folder, "facts.json");
        if (!File.Exists(factsPath)) throw new DatasetException($"{folder}: no facts.json");
        var facts = FactsFile.Read(factsPath);
        var imported = DatasetImporter.Import(eval, new ImportOptions());
        if (imported.Rejected.Count > 0)
            throw new DatasetException($"{eval}: line {imported.Rejected[0].Line}: {imported.Rejected[0].Reason} ({imported.Rejected.Count} rejected)");
        if (imported.Conversations.Count != facts.Count)
            throw new DatasetException($"{eval} has {imported.Conversations.Count} conversations but facts.json lists {facts.Count} items");
        var items = new List<FactEvalItem>();
        for (int i = 0; i < facts.Count; i++)
        {
            var messages = imported.Conversations[i].ToMessages();
            if (messages.Count < 2 || messages[^1].Role != "assistant")
                throw new DatasetException($"{eval}: conversation {i + 1} does not end with an assistant turn (the reference answer)");
            var item = new FactEvalItem(facts[i].QuestionId, messages.Take(messages.Count - 1).ToList(), messages[^1].Content, facts[i].Facts);
            if (item.Question != facts[i].Question)
                throw new DatasetException($"{eval}: conversation {i + 1} asks \"{item.Question}\" but facts.json item {facts[i].QuestionId} is about \"{facts[i].Question}\"");
            items.Add(item);
        }
        return new FactEvalSet(train, eval, items);
    }

    static string Single(string folder, string stem)
    {
        var files = Directory.GetFiles(folder, stem + ".*");
        return files.Length == 1 ? files[0]
            : throw new DatasetException(files.Length == 0 ? $"{folder}: no {stem}.* file" : $"{folder}: more than one {stem}.* file: {string.Join(", ", files.Select(Path.GetFileName))}");
    }
}
