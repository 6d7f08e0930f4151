using AssistantBuilder.Web.Hosting;

namespace AssistantBuilder.Web.Datasets;

/// <summary>The sample datasets shipped in data/samples: each sub-folder with a <c>train.*</c> file is one sample.</summary>
public sealed class SampleDatasets(DataPaths paths)
{
    static readonly Dictionary<string, string> Descriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["brightwave-support"] = "Internet provider support chats (OpenAI chat JSONL with a system prompt, multi-turn)",
        ["harbor-lane-library"] = "City library questions (ShareGPT JSON, multi-turn)",
        ["crumb-and-co-faq"] = "Bakery and café FAQ (CSV question/answer pairs)",
    };

    public IReadOnlyList<SampleDataset> List()
    {
        var samples = new Dictionary<string, SampleDataset>(StringComparer.OrdinalIgnoreCase);
        foreach (var root in paths.SampleRoots)
        foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(dir);
            var train = Directory.EnumerateFiles(dir, "train.*").Order(StringComparer.Ordinal).FirstOrDefault();
            if (train is null || samples.ContainsKey(name)) continue;
            samples[name] = new SampleDataset(name, Path.GetFileName(train), new FileInfo(train).Length,
                Descriptions.GetValueOrDefault(name) ?? $"Sample conversations ({Path.GetFileName(train)})") { Path = train };
        }
        return samples.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    public SampleDataset? Find(string name) => List().FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
