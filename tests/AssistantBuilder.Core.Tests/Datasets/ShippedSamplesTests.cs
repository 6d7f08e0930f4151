using System.Text;
using System.Text.Json;
using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Tests.Datasets;

/// <summary>
/// Imports the demo datasets shipped under data/samples/ (made by tools/samples/make-samples.cs) with the real
/// importer: every record accepted, the documented counts, no duplicates, evaluation questions unseen in training,
/// and every key fact of facts.json present in its evaluation reference answer.
/// </summary>
public sealed class ShippedSamplesTests
{
    private const long MaxTotalBytes = 2 * 1024 * 1024;

    /// <summary>Longest conversation in whitespace-separated words: far below a 512-token context.</summary>
    private const int MaxWords = 200;

    private static readonly Dictionary<string, Domain> Domains = new[]
    {
        new Domain("brightwave-support", "jsonl", DatasetFormat.OpenAi, Train: 420, Eval: 56, SystemMentions: "Nora"),
        new Domain("harbor-lane-library", "json", DatasetFormat.ShareGpt, Train: 380, Eval: 52, SystemMentions: null),
        new Domain("crumb-and-co-faq", "csv", DatasetFormat.Csv, Train: 340, Eval: 53, SystemMentions: null),
    }.ToDictionary(d => d.Folder);

    public static TheoryData<string> Folders
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string folder in Domains.Keys)
            {
                data.Add(folder);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Training_file_imports_without_rejections_or_duplicates(string folder)
    {
        Domain domain = Domains[folder];
        ImportResult train = Import(domain, "train");

        Assert.Equal(domain.Format, train.Format);
        Assert.Empty(train.Rejected);
        Assert.Equal(domain.Train, train.Conversations.Count);
        Assert.Equal(0, train.Statistics.Duplicates);
        Assert.InRange(train.Statistics.MaxTokens, 1, MaxWords);
        AssertSystemTurns(domain, train);
        if (domain.Format == DatasetFormat.Csv)
        {
            Assert.Equal(domain.Train, train.Conversations.Select(c => c.Turns[0].Content).Distinct().Count());
        }
        else
        {
            Assert.Contains(train.Conversations, c => UserTurns(c).Count() > 1);
        }
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Eval_file_imports_without_rejections_or_duplicates(string folder)
    {
        Domain domain = Domains[folder];
        ImportResult eval = Import(domain, "eval");

        Assert.Equal(domain.Format, eval.Format);
        Assert.Empty(eval.Rejected);
        Assert.Equal(domain.Eval, eval.Conversations.Count);
        Assert.Equal(0, eval.Statistics.Duplicates);
        Assert.InRange(eval.Statistics.MaxTokens, 1, MaxWords);
        AssertSystemTurns(domain, eval);
        Assert.All(eval.Conversations, c => Assert.Equal("assistant", c.Turns[^1].Role));
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Eval_questions_do_not_appear_in_the_training_file(string folder)
    {
        Domain domain = Domains[folder];
        var trained = Import(domain, "train").Conversations.SelectMany(UserTurns).Select(Normalize).ToHashSet();

        var seen = Import(domain, "eval").Conversations.SelectMany(UserTurns).Where(q => trained.Contains(Normalize(q))).ToList();

        Assert.Empty(seen);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_key_fact_appears_in_its_eval_reference_answer(string folder)
    {
        Domain domain = Domains[folder];
        IReadOnlyList<Conversation> eval = Import(domain, "eval").Conversations;
        List<string> ids = EvalIds(domain);
        using JsonDocument facts = JsonDocument.Parse(File.ReadAllText(Path.Combine(SamplesDir, folder, "facts.json")));
        var entries = facts.RootElement.EnumerateArray().ToList();

        Assert.Equal(eval.Count, entries.Count);
        Assert.Equal(eval.Count, ids.Distinct().Count());
        for (int i = 0; i < eval.Count; i++)
        {
            JsonElement entry = entries[i];
            Assert.Equal(ids[i], entry.GetProperty("question_id").GetString());
            Assert.Equal(UserTurns(eval[i]).Last(), entry.GetProperty("question").GetString());
            var keyFacts = entry.GetProperty("facts").EnumerateArray().Select(f => f.GetString()!).ToList();
            Assert.NotEmpty(keyFacts);
            string reference = eval[i].Turns[^1].Content;
            Assert.All(keyFacts, fact => Assert.Contains(fact, reference, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_samples_stay_small_and_cover_each_format_once()
    {
        long total = Directory.GetFiles(SamplesDir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

        Assert.InRange(total, 1, MaxTotalBytes);
        Assert.Equal(Domains.Count, Domains.Values.Select(d => d.Format).Distinct().Count());
        Assert.Equal(Domains.Keys.Order(), Directory.GetDirectories(SamplesDir).Select(d => Path.GetFileName(d)).Order());
    }

    private static string SamplesDir { get; } = Path.Combine(RepoRoot(), "data", "samples");

    private static ImportResult Import(Domain domain, string split, ImportOptions? options = null) =>
        DatasetImporter.Import(Path.Combine(SamplesDir, domain.Folder, $"{split}.{domain.Extension}"), options ?? new ImportOptions());

    /// <summary>The ids of the eval records, in file order: a field of each JSON record, or the id column of the CSV.</summary>
    private static List<string> EvalIds(Domain domain)
    {
        string path = Path.Combine(SamplesDir, domain.Folder, $"eval.{domain.Extension}");
        return domain.Format switch
        {
            // The importer reads any column as the prompt: with the id column as prompt, each conversation's user turn is its id.
            DatasetFormat.Csv => Import(domain, "eval", new ImportOptions { PromptColumn = "id", ResponseColumn = "answer" })
                .Conversations.Select(c => c.Turns[0].Content).ToList(),
            DatasetFormat.ShareGpt => IdsOfArray(File.ReadAllText(path)),
            _ => File.ReadLines(path).Where(l => l.Length > 0).Select(IdOf).ToList(),
        };
    }

    private static List<string> IdsOfArray(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
    }

    private static string IdOf(string jsonLine)
    {
        using JsonDocument document = JsonDocument.Parse(jsonLine);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    private static void AssertSystemTurns(Domain domain, ImportResult result)
    {
        if (domain.SystemMentions is string name)
        {
            string system = result.Conversations[0].Turns[0].Content;
            Assert.Contains(name, system, StringComparison.Ordinal);
            Assert.All(result.Conversations, c => Assert.Equal(new ConversationTurn("system", system), c.Turns[0]));
        }
        else
        {
            Assert.All(result.Conversations, c => Assert.DoesNotContain(c.Turns, t => t.Role == "system"));
        }
    }

    private static IEnumerable<string> UserTurns(Conversation conversation) =>
        conversation.Turns.Where(t => t.Role == "user").Select(t => t.Content);

    /// <summary>Lower-case letters and digits with single spaces, so "What's up?" and "whats up" count as the same question.</summary>
    private static string Normalize(string text)
    {
        var normal = new StringBuilder();
        foreach (char c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                normal.Append(c);
            }
            else if (char.IsWhiteSpace(c) && normal.Length > 0 && normal[^1] != ' ')
            {
                normal.Append(' ');
            }
        }

        return normal.ToString().TrimEnd();
    }

    private static string RepoRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "AssistantBuilder.sln")))
            {
                return dir;
            }
        }

        throw new DirectoryNotFoundException($"no AssistantBuilder.sln above {AppContext.BaseDirectory}");
    }

    private sealed record Domain(string Folder, string Extension, DatasetFormat Format, int Train, int Eval, string? SystemMentions);
}
