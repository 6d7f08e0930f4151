#:property PublishAot=false
// Generates the sample datasets under data/samples/ from the fact tables and phrase templates in this file.
//
//   dotnet run tools/samples/make-samples.cs              writes data/samples/<domain>/...
//   dotnet run tools/samples/make-samples.cs -- OUTDIR    writes OUTDIR/<domain>/... instead (e.g. to diff)
//
// The output depends only on this file (every random choice comes from a seeded System.Random): the same file
// gives the same bytes. Each domain keeps its facts in one table at the top of its class; every answer is built
// from that table, and the generator refuses to write an answer that lacks one of its intent's key facts, a
// training question that is also an evaluation question, or a duplicate conversation.

using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

string outDir = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(Paths.RepoRoot(), "data", "samples");
foreach (Domain domain in new[] { Brightwave.Domain(), HarborLane.Domain(), CrumbAndCo.Domain() })
{
    domain.Validate();
    (List<Sample> train, List<Sample> eval) = new Generator(domain).Run();
    string dir = Path.Combine(outDir, domain.Folder);
    Directory.CreateDirectory(dir);
    Output.Write(domain, train, eval, dir);
    long bytes = Directory.GetFiles(dir).Sum(f => new FileInfo(f).Length);
    Console.WriteLine($"{domain.Folder}: {train.Count} training and {eval.Count} evaluation conversations, {bytes / 1024.0:F0} KiB");
}

// ---------------------------------------------------------------------------------------------------------------
// The model of a domain: intents (one fact each, several phrasings), clarifying dialogues, small talk.
// ---------------------------------------------------------------------------------------------------------------

enum Format
{
    OpenAiJsonl,
    ShareGptJson,
    Csv,
}

/// <summary>
/// One thing a user can ask. <paramref name="Train"/> and <paramref name="Eval"/> are disjoint phrasings of the
/// question; every answer in <paramref name="Answers"/> contains every key fact in <paramref name="Facts"/>, and
/// the first answer is the evaluation reference.
/// </summary>
sealed record Intent(string Id, string[] Train, string[] Eval, string[] Answers, params string[] Facts)
{
    /// <summary>Intents of one family (e.g. the price of each plan) can follow each other with a short follow-up question.</summary>
    public string? Family { get; init; }

    /// <summary>Short follow-up phrasings ("And Fiber 500?") for training, valid after another intent of the family.</summary>
    public string[] FollowTrain { get; init; } = [];

    /// <summary>Follow-up phrasings for evaluation only.</summary>
    public string[] FollowEval { get; init; } = [];
}

/// <summary>The user's reply to a clarifying question, leading to <paramref name="Target"/>'s answer.</summary>
sealed record ClarifyOption(Intent Target, string[] Train, string[] Eval);

/// <summary>A vague question the assistant answers with <paramref name="Ask"/>; the user's reply picks an option.</summary>
sealed record Clarify(string Id, string[] Train, string[] Eval, string Ask, ClarifyOption[] Options);

sealed record Domain
{
    public required string Folder { get; init; }
    public required string IdPrefix { get; init; }
    public required Format Format { get; init; }
    public required int Seed { get; init; }
    public required int TrainCount { get; init; }
    public string? System { get; init; }
    public required Intent[] Intents { get; init; }
    public Clarify[] Clarifications { get; init; } = [];

    /// <summary>Share of training conversations with more than one user turn (0 for CSV, which holds one pair a row).</summary>
    public double MultiTurnShare { get; init; }

    public string[] Greetings { get; init; } = [];
    public string[] GreetingReplies { get; init; } = [];
    public string[] Closings { get; init; } = [];
    public string[] ClosingReplies { get; init; } = [];
    public string[] Prefixes { get; init; } = [];
    public string[] Suffixes { get; init; } = [];
    public string[] AlsoPrefixes { get; init; } = [];
    public int FollowEvalsPerFamily { get; init; } = 2;

    public IEnumerable<IGrouping<string, Intent>> Families =>
        Intents.Where(i => i.Family is not null && i.FollowTrain.Length > 0).GroupBy(i => i.Family!);

    /// <summary>Checks the tables: unique ids, facts inside every answer, training and evaluation phrasings disjoint.</summary>
    public void Validate()
    {
        var ids = new HashSet<string>();
        foreach (Intent intent in Intents)
        {
            Require(ids.Add(intent.Id), $"duplicate intent id {intent.Id}");
            Require(intent.Train.Length > 0 && intent.Answers.Length > 0, $"{intent.Id}: no training phrasing or no answer");
            Require(intent.Eval.Length == 0 || intent.Facts.Length > 0, $"{intent.Id}: evaluated but has no key facts");
            foreach (string answer in intent.Answers)
            {
                foreach (string fact in intent.Facts)
                {
                    Require(answer.Contains(fact, StringComparison.Ordinal), $"{intent.Id}: answer \"{answer}\" lacks the fact \"{fact}\"");
                }
            }
        }

        foreach (IGrouping<string, Intent> family in Families.Where(f => f.Any(i => i.FollowEval.Length > 0)))
        {
            Require(family.All(i => i.Eval.Length > 0 && i.FollowEval.Length > 0), $"family {family.Key}: every member needs Eval and FollowEval phrasings");
        }

        var train = new HashSet<string>(TrainPhrasings().Select(Text.Normalize));
        foreach (string eval in EvalPhrasings())
        {
            Require(!train.Contains(Text.Normalize(eval)), $"\"{eval}\" is both a training and an evaluation phrasing");
        }
    }

    private IEnumerable<string> TrainPhrasings() =>
        Intents.SelectMany(i => i.Train.Concat(i.FollowTrain))
            .Concat(Clarifications.SelectMany(c => c.Train.Concat(c.Options.SelectMany(o => o.Train))))
            .Concat(Greetings).Concat(Closings);

    private IEnumerable<string> EvalPhrasings() =>
        Intents.SelectMany(i => i.Eval.Concat(i.FollowEval))
            .Concat(Clarifications.SelectMany(c => c.Eval.Concat(c.Options.SelectMany(o => o.Eval))));

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}

sealed record Turn(string Role, string Content);

/// <summary>A conversation; evaluation conversations carry an id and the key facts of their last answer.</summary>
sealed record Sample(List<Turn> Turns, string? Id = null, string[]? Facts = null)
{
    public IEnumerable<string> UserTurns => Turns.Where(t => t.Role == "user").Select(t => t.Content);

    public string Key => string.Join("\u001e", Turns.Select(t => t.Role + "\u001f" + t.Content));
}

// ---------------------------------------------------------------------------------------------------------------
// The generator: evaluation set first (fixed phrasings), then training conversations with surface variation.
// ---------------------------------------------------------------------------------------------------------------

sealed class Generator(Domain d)
{
    private const double GreetingChance = 0.2;
    private const double SuffixChance = 0.08;
    private const double TypoChance = 0.12;
    private const double LowerCaseChance = 0.1;
    private const double NoQuestionMarkChance = 0.12;

    private readonly Random _rng = new(d.Seed);
    private readonly Dictionary<string, Cycle<string>> _phrasings = [];
    private readonly Dictionary<string, Cycle<string>> _answers = [];
    private Cycle<Intent>? _intents;

    public (List<Sample> Train, List<Sample> Eval) Run()
    {
        List<Sample> eval = BuildEval();
        var banned = eval.SelectMany(s => s.UserTurns).Select(Text.Normalize).ToHashSet();
        return (BuildTrain(banned), eval);
    }

    private List<Sample> BuildEval()
    {
        var eval = new List<(List<Turn> Turns, string[] Facts)>();
        foreach (Intent intent in d.Intents)
        {
            foreach (string question in intent.Eval)
            {
                eval.Add(([new("user", question), new("assistant", intent.Answers[0])], intent.Facts));
            }
        }

        foreach (IGrouping<string, Intent> family in d.Families.Where(f => f.All(i => i.FollowEval.Length > 0)))
        {
            var members = family.ToList();
            var pairs = members.SelectMany(a => members.Where(b => b != a).Select(b => (A: a, B: b))).ToList();
            foreach ((Intent a, Intent b) in Shuffled(pairs).Take(d.FollowEvalsPerFamily))
            {
                eval.Add(([
                    new("user", a.Eval[0]), new("assistant", a.Answers[0]),
                    new("user", Pick(b.FollowEval)), new("assistant", b.Answers[0])], b.Facts));
            }
        }

        foreach (Clarify clarify in d.Clarifications)
        {
            for (int i = 0; i < clarify.Eval.Length; i++)
            {
                ClarifyOption option = clarify.Options[i % clarify.Options.Length];
                eval.Add(([
                    new("user", clarify.Eval[i]), new("assistant", clarify.Ask),
                    new("user", Pick(option.Eval)), new("assistant", option.Target.Answers[0])], option.Target.Facts));
            }
        }

        var samples = eval.Select((e, i) => new Sample(WithSystem(e.Turns), $"{d.IdPrefix}-eval-{i + 1:000}", e.Facts)).ToList();
        if (samples.Select(s => s.Key).Distinct().Count() != samples.Count)
        {
            throw new InvalidOperationException($"{d.Folder}: duplicate evaluation conversations");
        }

        return samples;
    }

    private List<Sample> BuildTrain(HashSet<string> banned)
    {
        _intents = new Cycle<Intent>(d.Intents, _rng);
        var train = new List<Sample>();
        var conversations = new HashSet<string>();
        var singleQuestions = new HashSet<string>();
        for (int attempt = 0; train.Count < d.TrainCount; attempt++)
        {
            if (attempt > d.TrainCount * 100)
            {
                throw new InvalidOperationException($"{d.Folder}: not enough distinct phrasings for {d.TrainCount} conversations");
            }

            List<Turn> turns = NextConversation();
            var users = turns.Where(t => t.Role == "user").ToList();
            if (users.Any(t => banned.Contains(Text.Normalize(t.Content)))
                || (users.Count == 1 && singleQuestions.Contains(users[0].Content)))
            {
                continue;
            }

            var sample = new Sample(WithSystem(turns));
            if (conversations.Add(sample.Key))
            {
                if (users.Count == 1)
                {
                    singleQuestions.Add(users[0].Content);
                }

                train.Add(sample);
            }
        }

        return train;
    }

    private List<Turn> WithSystem(List<Turn> turns) => d.System is null ? turns : [new("system", d.System), .. turns];

    private List<Turn> NextConversation()
    {
        if (_rng.NextDouble() >= d.MultiTurnShare)
        {
            return Single();
        }

        double shape = _rng.NextDouble();
        return shape switch
        {
            < 0.3 => Opener(),
            < 0.55 when d.Families.Any() => FollowUp(),
            < 0.75 when d.Clarifications.Length > 0 => Clarification(),
            _ => TwoQuestions(),
        };
    }

    private List<Turn> Single()
    {
        Intent intent = _intents!.Next();
        string question = Vary(NextPhrasing(intent), allowGreeting: true, out bool greeted);
        return [new("user", question), new("assistant", Answer(intent, greeted))];
    }

    private List<Turn> Opener()
    {
        Intent intent = _intents!.Next();
        List<Turn> turns =
        [
            new("user", Pick(d.Greetings)), new("assistant", Pick(d.GreetingReplies)),
            new("user", Vary(NextPhrasing(intent), allowGreeting: false, out _)), new("assistant", Answer(intent, false)),
        ];
        return _rng.NextDouble() < 0.5 ? WithClosing(turns) : turns;
    }

    private List<Turn> FollowUp()
    {
        var family = Pick(d.Families.ToArray()).ToArray();
        Intent first = Pick(family);
        Intent second = Pick(family.Where(i => i != first).ToArray());
        string question = Vary(NextPhrasing(first), allowGreeting: true, out bool greeted);
        return
        [
            new("user", question), new("assistant", Answer(first, greeted)),
            new("user", VaryLightly(Pick(second.FollowTrain))), new("assistant", Answer(second, false)),
        ];
    }

    private List<Turn> TwoQuestions()
    {
        Intent first = _intents!.Next();
        Intent second = _intents.Next();
        string question = Vary(NextPhrasing(first), allowGreeting: true, out bool greeted);
        string also = Pick(d.AlsoPrefixes) + Text.LowerFirstWord(NextPhrasing(second));
        List<Turn> turns =
        [
            new("user", question), new("assistant", Answer(first, greeted)),
            new("user", VaryLightly(also)), new("assistant", Answer(second, false)),
        ];
        return _rng.NextDouble() < 0.3 ? WithClosing(turns) : turns;
    }

    private List<Turn> Clarification()
    {
        Clarify clarify = Pick(d.Clarifications);
        ClarifyOption option = Pick(clarify.Options);
        string question = Vary(Pick(clarify.Train), allowGreeting: true, out _);
        return
        [
            new("user", question), new("assistant", clarify.Ask),
            new("user", VaryLightly(Pick(option.Train))), new("assistant", Answer(option.Target, false)),
        ];
    }

    private List<Turn> WithClosing(List<Turn> turns) =>
        [.. turns, new("user", Pick(d.Closings)), new("assistant", Pick(d.ClosingReplies))];

    private string NextPhrasing(Intent intent) => Cycled(_phrasings, intent.Id, intent.Train);

    private string Answer(Intent intent, bool greeted)
    {
        string answer = Cycled(_answers, intent.Id, intent.Answers);
        return greeted && _rng.NextDouble() < 0.4 ? Pick(["Hi! ", "Hello! "]) + answer : answer;
    }

    private string Cycled(Dictionary<string, Cycle<string>> cycles, string key, string[] items)
    {
        if (!cycles.TryGetValue(key, out Cycle<string>? cycle))
        {
            cycle = new Cycle<string>(items, _rng);
            cycles[key] = cycle;
        }

        return cycle.Next();
    }

    /// <summary>How people type: a greeting, a thank-you, a typo, no capitals, no question mark.</summary>
    private string Vary(string question, bool allowGreeting, out bool greeted)
    {
        greeted = allowGreeting && d.Prefixes.Length > 0 && _rng.NextDouble() < GreetingChance;
        if (greeted)
        {
            question = Pick(d.Prefixes) + Text.LowerFirstWord(question);
        }

        if (d.Suffixes.Length > 0 && question[^1] is '?' or '.' or '!' && _rng.NextDouble() < SuffixChance)
        {
            question += Pick(d.Suffixes);
        }

        if (_rng.NextDouble() < TypoChance)
        {
            question = Typo(question);
        }

        return VaryLightly(question);
    }

    private string VaryLightly(string text)
    {
        if (_rng.NextDouble() < LowerCaseChance)
        {
            text = text.ToLowerInvariant();
        }

        return text.EndsWith('?') && _rng.NextDouble() < NoQuestionMarkChance ? text[..^1] : text;
    }

    /// <summary>Swaps, drops or doubles one inner letter of one lower-case word of five letters or more.</summary>
    private string Typo(string text)
    {
        string[] words = text.Split(' ');
        int[] candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 5 && words[i].All(char.IsAsciiLetterLower)).ToArray();
        if (candidates.Length == 0)
        {
            return text;
        }

        int index = Pick(candidates);
        string word = words[index];
        int at = _rng.Next(1, word.Length - 2);
        words[index] = _rng.Next(3) switch
        {
            0 when word[at] != word[at + 1] => word[..at] + word[at + 1] + word[at] + word[(at + 2)..],
            1 => word[..at] + word[(at + 1)..],
            _ => word[..at] + word[at] + word[at..],
        };
        return string.Join(' ', words);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private List<T> Shuffled<T>(IEnumerable<T> items) => Cycle<T>.Shuffle([.. items], _rng);
}

/// <summary>Hands out the items in a shuffled order, reshuffling after each pass, so every item comes up evenly.</summary>
sealed class Cycle<T>(IReadOnlyList<T> items, Random rng)
{
    private List<T> _order = [];
    private int _next;

    public T Next()
    {
        if (_next == _order.Count)
        {
            _order = Shuffle([.. items], rng);
            _next = 0;
        }

        return _order[_next++];
    }

    public static List<T> Shuffle(List<T> list, Random rng)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}

static class Text
{
    private static readonly HashSet<string> Lowerable = new(StringComparer.Ordinal)
    {
        "how", "what", "what's", "whats", "where", "where's", "when", "is", "are", "can", "could", "do", "does", "which",
        "who", "why", "will", "would", "should", "my", "the", "a", "an", "any", "there", "if", "we", "our", "please",
        "tell", "give", "list", "price", "cheapest", "fastest", "reset", "router", "speed", "internet", "opening",
        "hours", "library", "loan", "address", "phone", "support", "contract", "cancel", "no", "nothing", "wifi",
        "gluten", "vegan", "cake", "allergens", "dog", "dogs", "delivery",
    };

    /// <summary>Lower-case letters and digits, words separated by one space: "What's up?" and "whats up" compare equal.</summary>
    public static string Normalize(string text)
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

    /// <summary>"How much..." becomes "how much..." after a greeting; names and "I" keep their capital.</summary>
    public static string LowerFirstWord(string text)
    {
        string first = text.Split(' ')[0];
        return Lowerable.Contains(first.ToLowerInvariant().TrimEnd('?', ',', '.')) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    /// <summary>Fills {placeholders}; a placeholder left unfilled is a mistake in the tables.</summary>
    public static string[] Fill(string[] templates, params (string Key, string Value)[] values) =>
        templates.Select(t => Fill(t, values)).ToArray();

    public static string Fill(string template, params (string Key, string Value)[] values)
    {
        foreach ((string key, string value) in values)
        {
            template = template.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        return template.Contains('{') ? throw new InvalidOperationException($"unfilled placeholder in \"{template}\"") : template;
    }

    public static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}

static class Paths
{
    public static string RepoRoot([CallerFilePath] string thisFile = "")
    {
        for (string? dir = Path.GetDirectoryName(thisFile); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "AssistantBuilder.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"no AssistantBuilder.sln above {thisFile}");
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Writers: OpenAI chat JSONL, ShareGPT JSON array, CSV, and facts.json. UTF-8 without BOM, "\n" line ends.
// ---------------------------------------------------------------------------------------------------------------

static class Output
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(Domain d, List<Sample> train, List<Sample> eval, string dir)
    {
        string ext = d.Format switch { Format.OpenAiJsonl => "jsonl", Format.ShareGptJson => "json", _ => "csv" };
        WriteSamples(d.Format, train, Path.Combine(dir, $"train.{ext}"));
        WriteSamples(d.Format, eval, Path.Combine(dir, $"eval.{ext}"));
        File.WriteAllText(Path.Combine(dir, "facts.json"), Json(w => WriteFacts(w, eval), indented: true), Utf8);
    }

    private static void WriteSamples(Format format, List<Sample> samples, string path)
    {
        string text = format switch
        {
            Format.OpenAiJsonl => string.Concat(samples.Select(s => Json(w => WriteOpenAi(w, s), indented: false) + "\n")),
            Format.ShareGptJson => Json(w => WriteShareGpt(w, samples), indented: true),
            _ => Csv(samples),
        };
        File.WriteAllText(path, text, Utf8);
    }

    private static void WriteOpenAi(Utf8JsonWriter w, Sample s)
    {
        w.WriteStartObject();
        if (s.Id is not null)
        {
            w.WriteString("id", s.Id);
        }

        w.WriteStartArray("messages");
        foreach (Turn turn in s.Turns)
        {
            w.WriteStartObject();
            w.WriteString("role", turn.Role);
            w.WriteString("content", turn.Content);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteShareGpt(Utf8JsonWriter w, List<Sample> samples)
    {
        w.WriteStartArray();
        foreach (Sample s in samples)
        {
            w.WriteStartObject();
            if (s.Id is not null)
            {
                w.WriteString("id", s.Id);
            }

            w.WriteStartArray("conversations");
            foreach (Turn turn in s.Turns)
            {
                w.WriteStartObject();
                w.WriteString("from", turn.Role switch { "user" => "human", "assistant" => "gpt", _ => "system" });
                w.WriteString("value", turn.Content);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteFacts(Utf8JsonWriter w, List<Sample> eval)
    {
        w.WriteStartArray();
        foreach (Sample s in eval)
        {
            w.WriteStartObject();
            w.WriteString("question_id", s.Id);
            w.WriteString("question", s.UserTurns.Last());
            w.WriteStartArray("facts");
            foreach (string fact in s.Facts!)
            {
                w.WriteStringValue(fact);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string Json(Action<Utf8JsonWriter> write, bool indented)
    {
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = indented, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return Utf8.GetString(buffer.ToArray()) + (indented ? "\n" : "");
    }

    /// <summary>One question/answer pair a row; evaluation rows lead with their id. Fields quoted only when needed.</summary>
    private static string Csv(List<Sample> samples)
    {
        bool withId = samples[0].Id is not null;
        var csv = new StringBuilder(withId ? "id,question,answer\n" : "question,answer\n");
        foreach (Sample s in samples)
        {
            if (s.Turns.Count != 2)
            {
                throw new InvalidOperationException("a CSV row holds exactly one question and one answer");
            }

            IEnumerable<string> fields = [.. withId ? [s.Id!] : Array.Empty<string>(), s.Turns[0].Content, s.Turns[1].Content];
            csv.Append(string.Join(',', fields.Select(Quote))).Append('\n');
        }

        return csv.ToString();
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 || field != field.Trim() ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}

// ---------------------------------------------------------------------------------------------------------------
// Domain 1: Brightwave, a fictional internet provider. OpenAI chat JSONL with a system message; multi-turn.
// ---------------------------------------------------------------------------------------------------------------

static class Brightwave
{
    private sealed record Plan(string Id, string Name, string Short, string Down, string Up, string Price, string Router);

    // The fact table: everything the answers say comes from here.
    private static readonly Plan[] Plans =
    [
        new("dsl50", "Brightwave DSL 50", "DSL 50", "50 Mbit/s", "10 Mbit/s", "€19.99", "Hub 3"),
        new("fiber100", "Brightwave Fiber 100", "Fiber 100", "100 Mbit/s", "20 Mbit/s", "€29.99", "Hub 3"),
        new("fiber500", "Brightwave Fiber 500", "Fiber 500", "500 Mbit/s", "100 Mbit/s", "€44.99", "Hub 5"),
        new("fiber1000", "Brightwave Fiber 1000", "Fiber 1000", "1 Gbit/s", "300 Mbit/s", "€59.99", "Hub 5"),
    ];

    private const string ServicePhone = "0800 555 0199";
    private const string FaultPhone = "0800 555 0123";
    private const string Email = "support@brightwave.example";
    private const string StatusPage = "status.brightwave.example";
    private const string StatusSms = "4455";
    private const string WeekdayHours = "8:00–20:00";
    private const string SaturdayHours = "9:00–14:00";
    private const string App = "My Brightwave app";
    private const string MinimumTerm = "12 months";
    private const string Notice = "30 days";
    private const string EarlyFee = "€99";
    private const string InstallFee = "€49";
    private const string AdminAddress = "192.168.8.1";
    private const string LostRouterFee = "€79";
    private const string PaperBill = "€1.50";
    private const string StaticIp = "€5 per month";
    private const string TvPrice = "€9.99";
    private const string TvChannels = "80 channels";
    private const string MeshPrice = "€4.99";

    private static readonly Intent ResetHub3 = new(
        "reset-hub3",
        ["How do I reset my Brightwave Hub 3?", "Hub 3 factory reset?", "reset hub 3", "My Hub 3 is acting up, how do I do a full reset?",
            "How can I restore factory settings on the Hub 3?", "What are the reset steps for the Hub 3 router?", "factory reset for the Hub 3 please"],
        ["I've got the Hub 3 and want to wipe it back to the default settings. How?"],
        ["Hold the reset button on the back of the Hub 3 for 10 seconds until the light blinks orange. It restarts with factory settings in about 3 minutes.",
            "Press and hold the reset button on the back for 10 seconds until the light blinks orange; the Hub 3 is back with factory settings after about 3 minutes."],
        "10 seconds", "blinks orange");

    private static readonly Intent ResetHub5 = new(
        "reset-hub5",
        ["How do I reset my Brightwave Hub 5?", "Hub 5 factory reset?", "reset hub 5", "My Hub 5 keeps freezing, how do I reset it completely?",
            "How can I restore factory settings on the Hub 5?", "What are the reset steps for the Hub 5?", "how to factory reset a hub 5"],
        ["Could you walk me through restoring the Hub 5 to factory defaults?"],
        ["Press the recessed reset pin on the bottom of the Hub 5 with a paperclip for 15 seconds until the ring light turns purple. It is back with factory settings in about 5 minutes.",
            "Use a paperclip to hold the reset pin on the bottom of the Hub 5 for 15 seconds, until the ring light turns purple. Give it about 5 minutes to restart."],
        "15 seconds", "turns purple");

    public static Domain Domain() => new()
    {
        Folder = "brightwave-support",
        IdPrefix = "brightwave",
        Format = Format.OpenAiJsonl,
        Seed = 20251,
        TrainCount = 420,
        MultiTurnShare = 0.3,
        System = "You are Nora, Brightwave's support assistant. Answer briefly and politely, using only Brightwave's own plans, prices and procedures.",
        Intents = [.. PlanIntents(), .. OtherIntents()],
        Clarifications =
        [
            new("reset-which-router",
                ["How do I reset my router?", "router reset?", "I need to factory reset my modem.", "How can I reset the Brightwave router?",
                    "Reset my router please", "my router needs a reset, how"],
                ["My router needs a factory reset, what are the steps?", "What's the procedure to wipe my router's settings?"],
                "Which router do you have, the Brightwave Hub 3 or the Hub 5? The model name is on the sticker underneath.",
                [
                    new(ResetHub3, ["Hub 3", "It's the Hub 3.", "the hub 3", "I have the Hub 3.", "Hub 3 I think"], ["It says Hub 3 on the label."]),
                    new(ResetHub5, ["Hub 5", "It's the Hub 5.", "the hub 5", "I have the Hub 5.", "Hub 5 I think"], ["The label reads Hub 5."]),
                ]),
        ],
        Greetings = ["Hi", "Hello", "hey", "Good morning", "Hi there", "Hello Nora"],
        GreetingReplies = ["Hi! I'm Nora, Brightwave's support assistant. How can I help?", "Hello! How can I help you today?"],
        Closings = ["Thanks, that's all.", "Great, thank you!", "ok thanks", "Perfect, thanks a lot.", "That helps, bye!"],
        ClosingReplies = ["You're welcome! Have a great day.", "Happy to help. Have a nice day!", "Glad I could help. Bye!"],
        Prefixes = ["Hi, ", "Hello, ", "Hey, ", "Hi there! ", "Good morning, ", "Good evening. ", "Hi Nora, ", "hello "],
        Suffixes = [" Thanks!", " Thank you.", " thx", " Thanks in advance."],
        AlsoPrefixes = ["Also, ", "One more thing: ", "Another question: ", "Oh, and "],
    };

    private static IEnumerable<Intent> PlanIntents()
    {
        foreach (Plan p in Plans)
        {
            (string, string)[] v = [("name", p.Name), ("short", p.Short), ("short_lc", p.Short.ToLowerInvariant())];
            yield return new Intent(
                $"price-{p.Id}",
                Text.Fill(["How much is {name}?", "What does {short} cost per month?", "price of {short_lc}?", "How much do I pay each month for {short}?",
                    "What's the monthly price of the {short} plan?", "{short_lc} price", "Can you tell me what {name} costs?", "how much is the {short} package"], v),
                Text.Fill(["I'm thinking about signing up for {short}. What would my monthly bill be?"], v),
                [$"{p.Name} costs {p.Price} per month.", $"{p.Short} is {p.Price} a month, with no data cap."],
                p.Short, p.Price)
            {
                Family = "price",
                FollowTrain = Text.Fill(["And {short}?", "What about {short}?", "and {short_lc}?", "And how much is {short}?"], v),
                FollowEval = Text.Fill(["How about {short} then?"], v),
            };
            yield return new Intent(
                $"speed-{p.Id}",
                Text.Fill(["How fast is {short}?", "What speed does {name} give me?", "download speed of {short_lc}?", "What are the upload and download speeds of {short}?",
                    "How many Mbit/s do I get with {short}?", "whats the upload speed on {short}", "speed of the {short} plan please", "How quick is the {short} connection?"], v),
                Text.Fill(["If I take {short}, how quickly can I download and upload?"], v),
                [$"{p.Name} gives you up to {p.Down} download and {p.Up} upload.", $"With {p.Short} you get up to {p.Down} down and {p.Up} up."],
                p.Down, p.Up)
            {
                Family = "speed",
                FollowTrain = Text.Fill(["And {short}?", "What about {short}?", "and {short_lc}?", "And how fast is {short}?"], v),
                FollowEval = Text.Fill(["How about {short} then?"], v),
            };
            yield return new Intent(
                $"router-{p.Id}",
                Text.Fill(["Which router comes with {short}?", "What router do I get with {name}?", "Do I get a router with {short}? Which one?", "router model for {short_lc}?",
                    "Which modem is included in the {short} plan?", "what hardware comes with {short}"], v),
                Text.Fill(["When I order {short}, what device do you send me to connect?"], v),
                [$"{p.Short} comes with the Brightwave {p.Router}, included in the monthly price.", $"You get the Brightwave {p.Router} with {p.Short}, at no extra cost."],
                p.Router)
            {
                Family = "router",
                FollowTrain = Text.Fill(["And with {short}?", "What about {short}?", "and for {short_lc}?"], v),
                FollowEval = Text.Fill(["Is it the same device for {short}?"], v),
            };
        }
    }

    private static IEnumerable<Intent> OtherIntents()
    {
        Plan cheapest = Plans[0], fastest = Plans[^1];
        string planList = string.Join(", ", Plans[..^1].Select(p => $"{p.Short} ({p.Price})")) + $" and {fastest.Short} ({fastest.Price})";
        return
        [
            new("cheapest",
                ["What's your cheapest plan?", "cheapest internet you have?", "What is the lowest price plan?", "I'm on a budget, which plan costs the least?",
                    "Which plan is the most affordable?", "cheapest option pls", "What's the least expensive package?"],
                ["What's the least I can spend per month on Brightwave internet?"],
                [$"Our cheapest plan is {cheapest.Name} at {cheapest.Price} per month, with up to {cheapest.Down} download.",
                    $"The most affordable plan is {cheapest.Short} for {cheapest.Price} a month."],
                cheapest.Short, cheapest.Price),
            new("fastest",
                ["What's your fastest plan?", "fastest internet?", "Which plan has the highest speed?", "I need the quickest connection you offer, which one is it?",
                    "what is your top speed", "Do you have gigabit internet?", "Which package is the fastest?"],
                ["I game and stream in 4K. What's the quickest plan you sell?"],
                [$"Our fastest plan is {fastest.Name}: up to {fastest.Down} download and {fastest.Up} upload for {fastest.Price} per month.",
                    $"{fastest.Short} is the fastest, with up to {fastest.Down} down and {fastest.Up} up, for {fastest.Price} a month."],
                fastest.Short, fastest.Down, fastest.Price),
            new("plans",
                ["What plans do you offer?", "Which internet plans do you have?", "list your plans", "Can you give me an overview of your packages and prices?",
                    "What are my options for internet with Brightwave?", "what packages are there", "Which plans can I choose from?"],
                ["Could you run me through all the subscriptions Brightwave sells?"],
                [$"We offer four plans: {planList}, all per month.", $"There are four plans: {planList}, each per month with no data cap."],
                [.. Plans.Select(p => p.Short)]),
            new("data-cap",
                ["Is there a data cap?", "Do you limit how much data I can use?", "Is the internet unlimited?", "data limit?",
                    "Will you slow me down if I download too much?", "Are there any usage limits on fiber?", "Do I have a monthly data allowance?"],
                ["If I download hundreds of gigabytes every month, will I hit some kind of cap?"],
                ["No, all Brightwave plans are unlimited: there is no data cap and no throttling.", "There is no data cap on any Brightwave plan, so you can download as much as you like."],
                "no data cap"),
            new("minimum-term",
                ["How long is the contract?", "What is the minimum contract term?", "How long am I tied in?", "contract length?",
                    "Is there a minimum term?", "Do I have to sign for a year?", "how many months is the contract"],
                ["For how long do I have to stay with Brightwave once I sign up?"],
                [$"All plans have a minimum term of {MinimumTerm}. After that the contract runs month to month and you can cancel with {Notice}' notice.",
                    $"The minimum term is {MinimumTerm} on every plan; afterwards you can cancel any time with {Notice}' notice."],
                MinimumTerm),
            new("cancel",
                ["How do I cancel my contract?", "I want to cancel.", "how to cancel brightwave", "Can I terminate my contract online?",
                    "What's the notice period for cancelling?", "I'd like to end my subscription, how does that work?", "cancel internet", "Where do I cancel my plan?"],
                ["What's the procedure to quit Brightwave?"],
                [$"You can cancel in the {App} under Account > Contract > Cancel, or by calling {ServicePhone}. The notice period is {Notice}.",
                    $"Cancel in the {App} (Account > Contract > Cancel) or call us on {ServicePhone}; the notice period is {Notice}."],
                App, ServicePhone, Notice),
            new("early-fee",
                ["What happens if I cancel before 12 months?", "Is there a fee for cancelling early?", "early termination fee?", "How much does it cost to leave during the minimum term?",
                    "Can I cancel in the first year? Is there a penalty?", "whats the cancellation fee"],
                ["Suppose I want out of my contract after only 5 months. Will that cost me anything?"],
                [$"Cancelling during the {MinimumTerm} minimum term costs a one-off early termination fee of {EarlyFee}. After the minimum term, cancelling is free with {Notice}' notice.",
                    $"Yes, leaving within the first {MinimumTerm} costs an early termination fee of {EarlyFee}, once."],
                EarlyFee),
            new("install-fee",
                ["Is there an installation fee?", "How much is installation?", "Do I pay for setup?", "installation cost?",
                    "Does it cost anything to connect me?", "Is the activation free?"],
                ["Are there any one-time charges when I join?"],
                [$"Installation costs {InstallFee} once, but it is free when you order online.", $"There is a one-off installation fee of {InstallFee}, and it is free when you order online."],
                InstallFee, "free when you order online"),
            ResetHub3,
            ResetHub5,
            new("restart",
                ["How do I restart my router?", "Should I reboot the router? How?", "how to reboot modem", "What's the right way to power cycle the router?",
                    "restart router steps", "How do I turn my router off and on?"],
                ["Is there a proper way to give my router a fresh start without losing my settings?"],
                ["Unplug the router's power cable, wait 30 seconds, and plug it back in. It is back online after about 3 minutes.",
                    "Pull the power cable, wait 30 seconds and plug it in again; your settings stay and it is online again in about 3 minutes."],
                "30 seconds"),
            new("wifi-password",
                ["Where do I find my Wi-Fi password?", "what's my wifi password", "I forgot the Wi-Fi key", "Where is the default WiFi password?",
                    "How do I find the network password for my router?", "wifi password??"],
                ["A guest wants to join my wireless network. Where can I look up the key?"],
                ["The default Wi-Fi name and password are printed on the sticker on the bottom of your router.",
                    "Look at the sticker on the bottom of your router: the default Wi-Fi name and password are printed there."],
                "sticker on the bottom"),
            new("admin-page",
                ["How do I log in to my router's settings?", "What's the router admin address?", "router login page?", "Which IP do I use to configure the router?",
                    "How can I change my router settings?", "what is the gateway address"],
                ["What do I type in my browser to reach the router's configuration screen?"],
                [$"Open {AdminAddress} in your browser and log in with the user name admin and the password from the router sticker.",
                    $"Go to {AdminAddress} in a browser; the user name is admin and the password is on the router sticker."],
                AdminAddress, "admin"),
            new("lost-router",
                ["I lost my router, what do I do?", "How much is a replacement router if mine is lost?", "What do I pay if I don't return the router?",
                    "lost router fee", "My router was stolen. Do I have to pay?"],
                ["If I can't give the router back when I leave, what will you charge me?"],
                [$"A lost or unreturned router costs {LostRouterFee}. Call us on {ServicePhone} and we will send a new one.",
                    $"We charge {LostRouterFee} for a router that is lost or not returned; call {ServicePhone} for a new one."],
                LostRouterFee),
            new("faulty-router",
                ["My router is broken, will you replace it?", "Is a faulty router replaced for free?", "router dead, replacement?",
                    "The router won't turn on anymore. What now?", "Do I pay for a new router if mine breaks?"],
                ["My Brightwave router has a defect. Who pays for a new one and how long does it take?"],
                ["A faulty router is replaced for free, and the new one arrives within 2 working days.",
                    "We replace a faulty router for free; the new one arrives within 2 working days."],
                "for free", "2 working days"),
            new("outage",
                ["My internet is down, what should I do?", "no internet!!", "The connection stopped working. Help?", "internet not working",
                    "What do I do during an outage?", "I have no connection since this morning.", "Why is my internet not working?"],
                ["Nothing loads at home since an hour ago. What steps should I take?"],
                [$"First check {StatusPage} for known outages, then restart your router by unplugging it for 30 seconds. If it is still down, call our fault line on {FaultPhone}.",
                    $"Sorry about that! Check {StatusPage} for outages and unplug your router for 30 seconds. Still down? Call the fault line on {FaultPhone}."],
                StatusPage, FaultPhone),
            new("status",
                ["Is there an outage in my area?", "How can I check for outages?", "Where can I see if Brightwave is down?", "outage map?",
                    "Is there a status page?", "how do i know if theres an outage"],
                ["Is there a way to find out whether the network problem is on your side?"],
                [$"Check {StatusPage} or text STATUS to {StatusSms} to see current outages in your area.",
                    $"You can see current outages at {StatusPage}, or text STATUS to {StatusSms}."],
                StatusPage, StatusSms),
            new("fault-line",
                ["What's the number for technical faults?", "Is there a 24 hour support line?", "fault hotline?", "Who do I call at night if my internet is down?",
                    "Can I report a fault on Sunday?", "What number do I call to report an outage?"],
                ["It's 2 am and my connection is dead. Is there anyone I can phone?"],
                [$"Our fault line {FaultPhone} is open 24/7 and is free to call.", $"Yes, call the fault line on {FaultPhone}: it is free and open 24/7."],
                FaultPhone, "24/7"),
            new("outage-credit",
                ["Do I get money back for an outage?", "Will I be compensated if the internet is down for days?", "outage refund?",
                    "Is there a credit for downtime?", "My internet was down two days, do I get a discount?"],
                ["We had no service for most of the week. Will that be reflected on my bill?"],
                ["Yes. Outages longer than 24 hours are credited automatically on your next bill.",
                    "Any outage longer than 24 hours is credited automatically on your next bill; you don't need to ask."],
                "24 hours", "credited automatically"),
            new("hours",
                ["What are your opening hours?", "When is customer service open?", "opening hours?", "When can I call you?",
                    "What time does support open?", "Until when can I reach support on weekdays?", "hours of the call centre?"],
                ["At what times can I get a human on the phone during the week?"],
                [$"Customer service is open Monday to Friday {WeekdayHours} and Saturday {SaturdayHours}. We are closed on Sundays and public holidays.",
                    $"You can reach us Monday to Friday {WeekdayHours} and Saturday {SaturdayHours}; Sundays and public holidays are closed."],
                WeekdayHours, SaturdayHours),
            new("saturday",
                ["Are you open on Saturday?", "saturday hours?", "Can I call customer service on a Saturday?", "What time do you close on Saturdays?",
                    "Is support available at the weekend?"],
                ["I work all week. Can I still reach your service team on Saturday, and until when?"],
                [$"On Saturdays customer service is open {SaturdayHours}.", $"We are open on Saturdays {SaturdayHours}."],
                SaturdayHours),
            new("sunday",
                ["Are you open on Sunday?", "sunday support?", "Can I call you on Sundays?", "Is customer service open on public holidays?"],
                ["Will anyone answer the customer service line on a Sunday afternoon?"],
                [$"Customer service is closed on Sundays and public holidays. For faults, the fault line {FaultPhone} is open 24/7.",
                    $"We are closed on Sundays and public holidays, but the fault line {FaultPhone} is open 24/7."],
                "closed on Sundays", FaultPhone),
            new("phone",
                ["What's your phone number?", "How can I call customer service?", "customer service number?", "Is there a number I can call?",
                    "What number do I ring for billing questions?", "phone number pls"],
                ["I'd rather talk to someone. Which number should I dial for general questions?"],
                [$"You can reach customer service on {ServicePhone}, free of charge.", $"Call us on {ServicePhone}; the call is free."],
                ServicePhone),
            new("email",
                ["What's your email address?", "Can I email support?", "support email?", "How do I contact you in writing?", "Where do I send an email with a complaint?"],
                ["Is there an address where I can write to your support team?"],
                [$"You can email us at {Email}. We reply within 2 working days.", $"Write to {Email}; we answer within 2 working days."],
                Email),
            new("human",
                ["Can I speak to a human?", "I want to talk to a real person", "agent please", "How do I reach a person instead of the chatbot?"],
                ["Please transfer me to a member of staff."],
                [$"Of course. Call customer service on {ServicePhone}, Monday to Friday {WeekdayHours} or Saturday {SaturdayHours}.",
                    $"Sure: our team is on {ServicePhone}, Monday to Friday {WeekdayHours} and Saturday {SaturdayHours}."],
                ServicePhone),
            new("bill-date",
                ["When do I get my bill?", "When is the bill issued?", "what day do you charge me", "When is the money taken from my account?",
                    "How do I pay my bill?", "When does the direct debit go out?"],
                ["Which day of the month will the invoice arrive, and how is it paid?"],
                ["Your bill is issued on the 1st of each month and paid by direct debit on the 15th.",
                    "Bills come out on the 1st of each month, and the direct debit is taken on the 15th."],
                "1st of each month", "15th"),
            new("paper-bill",
                ["Can I get a paper bill?", "Do you send bills by post?", "paper invoice cost?", "Is there a charge for a printed bill?", "I want my bill mailed to me"],
                ["My grandmother doesn't use email. Can her invoices come by letter, and does that cost extra?"],
                [$"Yes, a paper bill by post costs {PaperBill} per month. Bills in the {App} are free.",
                    $"Paper bills are available for {PaperBill} per month; in the {App} they are free."],
                PaperBill),
            new("app",
                ["Is there a Brightwave app?", "Where can I see my bills online?", "how do i manage my account", "Where do I log in to my account?",
                    "Can I manage my contract on my phone?"],
                ["Where can I check my invoices and contract details myself?"],
                [$"Use the {App} to see your bills, change your plan and manage your contract.", $"Everything is in the {App}: bills, plan changes and your contract."],
                App),
            new("moving",
                ["I'm moving house, what do I do?", "Can I take my internet with me when I move?", "moving to a new address",
                    "How do I transfer my contract to my new home?", "Is moving my connection free?", "We're relocating next month, can I keep Brightwave?"],
                ["My new flat is ready in six weeks. How do I bring my Brightwave connection along?"],
                ["Tell us at least 4 weeks before you move. Moving your connection is free if Brightwave is available at the new address.",
                    "Let us know at least 4 weeks ahead; the move is free if Brightwave is available at the new address."],
                "4 weeks", "free if Brightwave is available"),
            new("static-ip",
                ["Can I get a static IP?", "Do you offer fixed IP addresses?", "static ip price?", "I need a fixed IP for my home server. Possible?",
                    "How much is a static IP address?"],
                ["Is a permanent public IP address available, and on which plans?"],
                [$"A static IP costs {StaticIp} and is available on {Plans[2].Short} and {Plans[3].Short} only.",
                    $"A static IP is {StaticIp}, on {Plans[2].Short} and {Plans[3].Short} only."],
                StaticIp, Plans[2].Short, Plans[3].Short),
            new("upgrade",
                ["Can I upgrade my plan?", "How do I switch to a faster plan?", "upgrade to fiber 1000?", "I want more speed, can I change plans?",
                    "Is there a fee to upgrade?", "How long does an upgrade take?"],
                ["I'd like a quicker package than the one I have now. How does that work and what does it cost?"],
                [$"You can upgrade at any time in the {App} with no fee. The faster speed is active within 24 hours.",
                    $"Upgrades are possible any time in the {App}, with no fee, and take effect within 24 hours."],
                "no fee", "24 hours"),
            new("downgrade",
                ["Can I downgrade to a cheaper plan?", "How do I switch to a slower, cheaper plan?", "downgrade plan?",
                    "I want to pay less, can I move to a smaller package?", "Is it possible to reduce my speed tier?"],
                ["Could I swap to a lower-priced package next month?"],
                [$"You can downgrade only at the end of your {MinimumTerm} minimum term. Until then you stay on your current plan.",
                    $"Downgrades are possible only at the end of your {MinimumTerm} minimum term."],
                "only at the end"),
            new("tv",
                ["Do you offer TV?", "How much is Brightwave TV?", "tv package price?", "Can I add television to my internet?", "How many channels does Brightwave TV have?"],
                ["Besides internet, can I watch television through you, and what does it cost?"],
                [$"Brightwave TV is an add-on for {TvPrice} per month with {TvChannels}.", $"Brightwave TV adds {TvChannels} to any plan for {TvPrice} per month."],
                TvPrice, TvChannels),
            new("mesh",
                ["My Wi-Fi doesn't reach upstairs. Can you help?", "Do you rent Wi-Fi extenders?", "mesh wifi?", "How much is the Mesh Point?",
                    "Weak wifi in the bedroom, any solution?"],
                ["The signal is poor at the far end of my house. Do you have something to boost it?"],
                [$"You can rent a Brightwave Mesh Point for {MeshPrice} per month. It pairs with your Hub and extends the Wi-Fi to other rooms.",
                    $"A Brightwave Mesh Point extends your Wi-Fi to other rooms; it rents for {MeshPrice} per month."],
                "Mesh Point", MeshPrice),
            new("identity",
                ["Who are you?", "Am I talking to a bot?", "what's your name", "Are you a real person?", "Who am I chatting with?"],
                ["Is this a human agent or an automated assistant?"],
                ["I'm Nora, Brightwave's support assistant. I can help with plans, routers, outages and billing.",
                    "I'm Nora, the Brightwave support assistant, here for questions about plans, routers, outages and bills."],
                "Nora"),
            new("off-topic",
                ["Can you recommend a good pizza place?", "What's the weather tomorrow?", "Tell me a joke", "Can you help me with my maths homework?",
                    "Who won the football last night?"],
                ["Do you know a good film to watch tonight?"],
                ["Sorry, I can only help with Brightwave's internet, TV and router services.", "I'm afraid I can only help with Brightwave's internet, TV and router services."],
                "only help with Brightwave"),
        ];
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Domain 2: Harbor Lane Library, a fictional city library. ShareGPT JSON array, no system prompt; multi-turn.
// ---------------------------------------------------------------------------------------------------------------

static class HarborLane
{
    private sealed record Day(string Name, string? Hours);

    private sealed record Branch(string Id, string Name, string Short, string Address, string Days, string Hours);

    private sealed record Loan(string Id, string Items, string[] Answers, string[] Facts, string[] Replies, string[] EvalReplies);

    // The fact table.
    private const string Library = "Harbor Lane Library";
    private const string Address = "14 Harbor Lane";

    private static readonly Day[] Days =
    [
        new("Monday", "10:00–18:00"), new("Tuesday", "10:00–20:00"), new("Wednesday", "10:00–18:00"), new("Thursday", "10:00–20:00"),
        new("Friday", "10:00–17:00"), new("Saturday", "9:00–13:00"), new("Sunday", null),
    ];

    private static readonly Branch[] Branches =
    [
        new("northgate", "the Northgate Branch", "Northgate", "3 Mill Road", "Tuesday to Saturday", "10:00–16:00"),
        new("seaview", "the Seaview Branch", "Seaview", "88 Beach Street", "Monday, Wednesday and Friday", "13:00–18:00"),
    ];

    private static readonly Loan[] Loans =
    [
        new("books", "books", ["Books can be borrowed for 3 weeks.", "You can keep books for 3 weeks."], ["3 weeks"],
            ["A book.", "books", "It's a novel.", "a paperback"], ["A cookbook, actually."]),
        new("dvds", "DVDs", ["DVDs and Blu-rays can be borrowed for 7 days.", "You can keep DVDs and Blu-rays for 7 days."], ["7 days"],
            ["A DVD.", "dvds", "A Blu-ray.", "a film on dvd"], ["Mostly films on DVD."]),
        new("magazines", "magazines", ["Magazines can be borrowed for 14 days, except the latest issue, which stays in the library.",
            "You can keep magazines for 14 days; the latest issue stays in the library."], ["14 days", "latest issue"],
            ["A magazine.", "magazines", "Some magazines."], ["A couple of back issues of a magazine."]),
        new("audiobooks", "audiobooks", ["Audiobooks can be borrowed for 3 weeks, just like books.", "You can keep audiobooks for 3 weeks."], ["3 weeks"],
            ["An audiobook.", "audio book", "audiobooks on CD"], ["A book on CD to listen to."]),
        new("ebooks", "e-books", ["E-books are lent for 14 days in the HarborReads app and return themselves automatically.",
            "E-books from the HarborReads app are yours for 14 days, then they return automatically."], ["14 days", "HarborReads"],
            ["An e-book.", "ebook", "e-books from the app"], ["Something I read on my tablet through your app."]),
    ];

    private const string BookFine = "€0.20 per day";
    private const string DvdFine = "€1 per day";
    private const string MaxFine = "€6 per item";
    private const string BlockAt = "€10";
    private const string Phone = "555-0142";
    private const string Email = "info@harborlane-library.example";

    public static Domain Domain()
    {
        Intent[] loans = [.. Loans.Select(LoanIntent)];
        return new()
        {
            Folder = "harbor-lane-library",
            IdPrefix = "library",
            Format = Format.ShareGptJson,
            Seed = 20252,
            TrainCount = 380,
            MultiTurnShare = 0.3,
            Intents = [.. Days.Select(DayIntent), .. Branches.SelectMany(BranchIntents), .. loans, .. OtherIntents()],
            Clarifications =
            [
                new("loan-which-item",
                    ["How long can I borrow things for?", "What's the loan period?", "How long can I keep what I borrow?", "loan period?",
                        "When is my stuff due back?", "how long is a loan"],
                    ["How many days am I allowed to keep borrowed items?", "When do borrowed things have to come back?", "What's the lending time for items here?"],
                    "That depends on the item. Is it a book, a DVD, a magazine, an audiobook or an e-book?",
                    [.. loans.Select((l, i) => new ClarifyOption(l, Loans[i].Replies, Loans[i].EvalReplies))]),
            ],
            Greetings = ["Hello", "Hi!", "Good morning", "hey", "Hi there", "Good afternoon"],
            GreetingReplies = [$"Hello! Welcome to {Library}. How can I help you?", "Hi! How can I help you today?"],
            Closings = ["Thanks, that's all.", "Great, thank you!", "ok thanks", "Perfect, thanks a lot.", "That helps, bye!"],
            ClosingReplies = ["You're welcome! Enjoy your reading.", "Happy to help. See you at the library!", "You're welcome. Have a nice day!"],
            Prefixes = ["Hi, ", "Hello, ", "Hey, ", "Good morning! ", "Hi there, ", "Good afternoon, "],
            Suffixes = [" Thanks!", " Thank you.", " Thanks a lot.", " cheers"],
            AlsoPrefixes = ["Also, ", "One more thing: ", "Another question: ", "Oh, and "],
        };
    }

    private static Intent DayIntent(Day day)
    {
        (string, string)[] v = [("day", day.Name), ("day_lc", day.Name.ToLowerInvariant()), ("days", day.Name + "s")];
        string[] answers = day.Hours is null
            ? [$"{Library} is closed on Sundays. You can still return items in the book drop at the main entrance.",
                "We are closed on Sundays, but the book drop at the main entrance is open 24/7."]
            : [$"On {day.Name}s {Library} is open {day.Hours}.", $"We are open {day.Hours} on {day.Name}s."];
        return new Intent(
            $"hours-{day.Name.ToLowerInvariant()}",
            Text.Fill(["What are your hours on {day}?", "Are you open on {day}?", "When does the library open on {day}?", "{day_lc} opening hours?",
                "What time do you close on {days}?", "Is Harbor Lane Library open on {days}?", "hours {day_lc}", "When can I visit on a {day}?"], v),
            Text.Fill(["I'm planning to drop by this {day}. From when until when can I visit?"], v),
            answers,
            day.Hours ?? "closed on Sundays")
        {
            Family = "hours",
            FollowTrain = Text.Fill(["And on {day}?", "What about {day}?", "and {day_lc}?", "{day}?"], v),
            FollowEval = Text.Fill(["And how about {day}?"], v),
        };
    }

    private static IEnumerable<Intent> BranchIntents(Branch b)
    {
        (string, string)[] v = [("name", b.Name), ("short", b.Short), ("short_lc", b.Short.ToLowerInvariant())];
        yield return new Intent(
            $"address-{b.Id}",
            Text.Fill(["Where is {name}?", "What's the address of {name}?", "{short_lc} branch address?", "How do I find the {short} library?",
                "Where's the {short} branch located?", "address of the {short} branch please"], v),
            Text.Fill(["I want to visit the {short} branch. Where do I need to go?"], v),
            [$"{Text.Capitalize(b.Name)} is at {b.Address}.", $"You'll find {b.Name} at {b.Address}."],
            b.Address)
        {
            Family = "branch-address",
            FollowTrain = Text.Fill(["And the {short} one?", "What about {short}?"], v),
        };
        yield return new Intent(
            $"branch-hours-{b.Id}",
            Text.Fill(["When is {name} open?", "{short_lc} opening hours?", "What are the hours of the {short} branch?", "What days is the {short} library open?",
                "When can I go to {short}?", "opening times {short_lc} branch"], v),
            Text.Fill(["On which days and at what times can I go to the {short} branch?"], v),
            [$"{Text.Capitalize(b.Name)} is open {b.Days} {b.Hours}.", $"{b.Short} is open {b.Days}, {b.Hours}."],
            b.Days, b.Hours)
        {
            Family = "branch-hours",
            FollowTrain = Text.Fill(["And {short}?", "what about the {short} branch?", "And the {short} one?"], v),
            FollowEval = Text.Fill(["Same question for {short}."], v),
        };
    }

    private static Intent LoanIntent(Loan loan)
    {
        (string, string)[] v = [("items", loan.Items)];
        return new Intent(
            $"loan-{loan.Id}",
            Text.Fill(["How long can I borrow {items}?", "What's the loan period for {items}?", "{items} loan period?", "How many days do I get with {items}?",
                "When do I have to bring back {items}?", "For how long can I keep {items}?"], v),
            Text.Fill(["If I check out {items} today, how long until they're due?"], v),
            loan.Answers,
            loan.Facts)
        {
            Family = "loan",
            FollowTrain = Text.Fill(["And {items}?", "What about {items}?", "and for {items}?"], v),
            FollowEval = Text.Fill(["Is that the same for {items}?"], v),
        };
    }

    private static IEnumerable<Intent> OtherIntents()
    {
        string H(string day) => Days.Single(d => d.Name == day).Hours!;
        string week = $"Monday and Wednesday {H("Monday")}, Tuesday and Thursday {H("Tuesday")}, Friday {H("Friday")}, Saturday {H("Saturday")}, and closed on Sundays";
        return
        [
            new("hours-week",
                ["What are your opening hours?", "When are you open?", "opening times?", "library hours this week?", "What time does the library open and close?",
                    "When can I come to the library?"],
                ["Could you give me the full weekly schedule of the main library?"],
                [$"We are open {week}.", $"Opening hours: {week}."],
                H("Monday"), H("Tuesday"), H("Friday"), H("Saturday"), "closed on Sundays"),
            new("address",
                ["Where is the library?", "What's your address?", "address of the main library?", "How do I get to Harbor Lane Library?", "where are you located"],
                ["Where exactly is your main building?"],
                [$"{Library} is at {Address}.", $"The main library is at {Address}."],
                Address),
            new("branches",
                ["Do you have other branches?", "How many branches are there?", "list of library locations", "Where else can I borrow books?",
                    "Are there smaller libraries in other neighbourhoods?"],
                ["Apart from the main building, where are your other locations?"],
                [$"Besides the main library at {Address}, there is {Branches[0].Name} at {Branches[0].Address} and {Branches[1].Name} at {Branches[1].Address}.",
                    $"We have two branches: {Branches[0].Name} at {Branches[0].Address} and {Branches[1].Name} at {Branches[1].Address}."],
                Branches[0].Address, Branches[1].Address),
            new("bookmobile",
                ["Do you have a bookmobile?", "When does the bookmobile come to Oakfield?", "mobile library times?", "Is there a library bus?"],
                ["I live near Oakfield Square. Does a mobile library ever stop there?"],
                ["The bookmobile stops at Oakfield Square every Thursday 14:00–16:00.", "The bookmobile visits Oakfield Square every Thursday 14:00–16:00."],
                "Oakfield Square", "Thursday 14:00–16:00"),
            new("renew",
                ["Can I renew my books?", "How do I extend my loan?", "renew loan?", "How many times can I renew?", "Can I keep my book longer?",
                    "Is it possible to renew by phone?"],
                ["I haven't finished my novel yet. Can I hold on to it for longer?"],
                ["Yes, you can renew each item up to 2 times online, by phone or at the desk, unless someone else has reserved it.",
                    "Each item can be renewed up to 2 times, online, by phone or at the desk, as long as nobody has reserved it."],
                "2 times"),
            new("max-items",
                ["How many books can I borrow at once?", "Is there a limit on loans?", "max items?", "How many DVDs can I take out?", "Can I borrow 30 books?"],
                ["What's the largest number of things I can have checked out at the same time?"],
                ["You can have up to 20 items on loan at once, including at most 5 DVDs.", "The limit is 20 items at a time, of which at most 5 DVDs."],
                "20 items", "5 DVDs"),
            new("fine-books",
                ["What's the fine for a late book?", "How much do overdue books cost?", "late fee books?", "Are there fines for late returns?",
                    "How much is the overdue fine per day?"],
                ["What do you charge for each day a book is returned after its due date?"],
                [$"Overdue books cost {BookFine}, up to a maximum of {MaxFine}.", $"The late fee for books is {BookFine}, capped at {MaxFine}."],
                BookFine),
            new("fine-dvds",
                ["What's the late fee for DVDs?", "How much is the fine for an overdue DVD?", "dvd late fee?", "I returned a Blu-ray late. How much is the fine per day?"],
                ["If my film comes back late, how much will I be charged daily?"],
                [$"Overdue DVDs and Blu-rays cost {DvdFine}, up to a maximum of {MaxFine}.", $"The late fee for DVDs and Blu-rays is {DvdFine}, capped at {MaxFine}."],
                DvdFine),
            new("fine-max",
                ["Is there a maximum fine?", "What's the most I can be fined for one item?", "Is the late fee capped?", "max fine?"],
                ["Does the fine just keep growing forever if I forget to return something?"],
                [$"No, fines stop at {MaxFine}.", $"Fines are capped at {MaxFine}."],
                MaxFine),
            new("fine-children",
                ["Do children pay late fees?", "Are there fines on kids' books?", "children's books overdue fine?", "Is my kid charged for late books?"],
                ["My son is late bringing back his picture books. Does he owe anything?"],
                ["No, there are no fines on children's books.", "Don't worry: there are no fines on children's books."],
                "no fines on children's books"),
            new("blocked",
                ["Why can't I borrow anything?", "At what point is my card blocked?", "Can I borrow if I have unpaid fines?", "card blocked fines?"],
                ["How much can I owe in fines before you stop letting me check out items?"],
                [$"Borrowing is blocked once your unpaid fines reach {BlockAt}. Pay at the desk or online to unblock your card.",
                    $"Your card is blocked for borrowing when unpaid fines reach {BlockAt}; paying them unblocks it."],
                BlockAt),
            new("lost-item",
                ["I lost a library book, what now?", "What happens if I lose a DVD?", "lost book cost?", "My dog chewed a book. Do I have to pay?"],
                ["I can't find a book I borrowed anywhere. What will it cost me?"],
                ["You pay the replacement cost of the item plus a €5 processing fee.", "A lost or damaged item costs its replacement cost plus a €5 processing fee."],
                "replacement cost", "€5 processing fee"),
            new("card",
                ["How do I get a library card?", "How can I sign up?", "library card?", "What do I need to register?", "Is a library card free?", "I want to become a member."],
                ["What should I bring to register as a new member?"],
                ["Library cards are free for Harbor City residents. Bring photo ID and proof of address to any desk.",
                    "Bring photo ID and proof of address to any desk; the card is free for Harbor City residents."],
                "free for Harbor City residents", "photo ID", "proof of address"),
            new("card-nonresident",
                ["I don't live in Harbor City, can I get a card?", "card for non-residents?", "How much is membership if I live outside the city?",
                    "Can tourists borrow books?"],
                ["I live in the next town over. Can I still join, and what's the price?"],
                ["Yes, non-residents can get a card for €15 per year.", "Non-residents are welcome: a card costs €15 per year."],
                "€15 per year"),
            new("card-children",
                ["Can my child get a library card?", "kids library card?", "At what age can children sign up?", "My 12-year-old wants a card, how?"],
                ["What's needed for a teenager of 14 to get their own card?"],
                ["Children under 16 can get a free card with a parent or guardian's signature.", "Under 16s get a free card when a parent or guardian signs for them."],
                "parent or guardian"),
            new("card-replacement",
                ["I lost my library card.", "How much is a new card?", "replacement card cost?", "My card is damaged, can I get a new one?"],
                ["My membership card went missing. How do I replace it?"],
                ["Report it at the desk or by phone right away. A replacement card costs €3.", "A replacement card costs €3; please report the lost one right away."],
                "€3"),
            new("study-room",
                ["Can I book a study room?", "study room booking?", "Do you have group study rooms?", "How long can I use a study room?", "Are the study rooms free?"],
                ["Four of us need a quiet place to prepare for an exam together. Can we reserve a space?"],
                ["Yes, our 2 study rooms hold up to 4 people and are free for up to 2 hours per day. Book online or at the desk up to 7 days ahead.",
                    "Our 2 study rooms take up to 4 people, free for up to 2 hours per day; book online or at the desk up to 7 days ahead."],
                "up to 4 people", "2 hours", "7 days"),
            new("meeting-room",
                ["Can I rent a meeting room?", "Lighthouse Room price?", "We need a room for 15 people, do you have one?", "How do I book the Lighthouse Room?"],
                ["Our club needs space for a twenty-person evening talk. What can you offer?"],
                ["The Lighthouse Room holds up to 20 people and costs €25 per half day. Book it at least 3 days ahead.",
                    "You can rent the Lighthouse Room for up to 20 people at €25 per half day, booked at least 3 days ahead."],
                "Lighthouse Room", "€25 per half day", "3 days"),
            new("printing",
                ["How much does printing cost?", "Can I print here?", "colour printing price?", "Is scanning free?", "print cost per page?"],
                ["What do you charge for black-and-white and colour copies from the printer?"],
                ["Printing costs €0.10 per page in black and white and €0.50 per page in colour. Scanning is free.",
                    "Black-and-white prints are €0.10 per page, colour prints €0.50 per page, and scanning is free."],
                "€0.10", "€0.50"),
            new("wifi",
                ["Do you have Wi-Fi?", "wifi password?", "Is there free internet?", "What's the Wi-Fi network called?"],
                ["Can I use my laptop online while I'm in the reading room?"],
                ["Wi-Fi is free: connect to HarborLane-Guest, no password needed.", "Connect to the free network HarborLane-Guest; there is no password."],
                "HarborLane-Guest"),
            new("holds",
                ["Can I reserve a book?", "How do I place a hold?", "reserve dvd?", "The book I want is out, can I get in line for it?",
                    "How long do I have to pick up a reserved book?"],
                ["Everything I want is checked out by someone else. Can I get notified when it's back?"],
                ["Yes, reservations are free. We notify you by email or SMS, and you have 7 days to pick the item up.",
                    "Reserve it for free; we send an email or SMS when it's ready and keep it for 7 days."],
                "free", "7 days"),
            new("returns",
                ["Where can I return books after hours?", "Is there a book drop?", "Can I return books at a different branch?", "return box?"],
                ["The library is shut when I finish work. How can I give back my loans?"],
                ["Use the book drop at the main entrance, open 24/7. You can also return items at any branch.",
                    "The book drop at the main entrance is open 24/7, and any branch takes returns too."],
                "book drop", "24/7"),
            new("story-time",
                ["Do you have story time for kids?", "When is story time?", "children's events?", "Is there something for toddlers on weekends?"],
                ["Are there any read-aloud sessions for my four-year-old?"],
                ["Story time is every Saturday at 10:30 for children aged 3–6. It is free and no booking is needed.",
                    "Children aged 3–6 can join story time every Saturday at 10:30, free and without booking."],
                "Saturday at 10:30", "3–6"),
            new("book-club",
                ["Is there a book club?", "When does the book club meet?", "book club?", "Can I join a reading group?"],
                ["Do you host any group that discusses novels, and when?"],
                ["Our book club meets on the first Tuesday of every month at 18:30. Everyone is welcome.",
                    "The book club meets the first Tuesday of every month at 18:30, and anyone can join."],
                "first Tuesday", "18:30"),
            new("interlibrary",
                ["Can you get books from other libraries?", "interlibrary loan?", "You don't have the book I need. Can you order it?",
                    "How long does an interlibrary loan take?"],
                ["A title I want isn't in your collection at all. Is there a way to borrow it anyway?"],
                ["Yes, we can order it through interlibrary loan for €2 per item. It usually takes about 2 weeks.",
                    "Interlibrary loan costs €2 per item and usually takes about 2 weeks."],
                "€2 per item", "2 weeks"),
            new("contact",
                ["What's the library's phone number?", "How can I contact you?", "email address?", "Can I call the library?"],
                ["Which number and email address can I use to get in touch?"],
                [$"Call us on {Phone} or email {Email}.", $"You can reach us on {Phone} or at {Email}."],
                Phone, Email),
            new("parking",
                ["Is there parking?", "Where can I park?", "parking free?", "Can I come by car?"],
                ["If I drive over, is there somewhere to leave the car?"],
                ["Yes, there is free parking for 2 hours behind the library on Dock Street.", "You can park free for 2 hours behind the library on Dock Street."],
                "2 hours", "Dock Street"),
        ];
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Domain 3: Crumb & Co., a fictional bakery and café. CSV FAQ: one question/answer pair a row.
// ---------------------------------------------------------------------------------------------------------------

static class CrumbAndCo
{
    private sealed record Item(string Id, string Name, string A, string The, string Price, string? Allergens, string[] AllergenFacts);

    private sealed record CakeSize(string Inches, string Serves, string Price);

    // The fact table.
    private static readonly Item[] Items =
    [
        new("sourdough", "sourdough loaf", "a sourdough loaf", "the sourdough loaf", "€4.80",
            "Our sourdough loaf contains gluten (wheat) and no milk, egg or nuts, so it is vegan.", ["gluten", "vegan"]),
        new("butter-croissant", "butter croissant", "a butter croissant", "the butter croissant", "€2.20",
            "The butter croissant contains gluten, milk and egg.", ["gluten", "milk", "egg"]),
        new("almond-croissant", "almond croissant", "an almond croissant", "the almond croissant", "€3.10",
            "The almond croissant contains gluten, milk, egg and almonds.", ["gluten", "milk", "egg", "almonds"]),
        new("cinnamon-bun", "cinnamon bun", "a cinnamon bun", "the cinnamon bun", "€2.90",
            "The cinnamon bun contains gluten, milk and egg.", ["gluten", "milk", "egg"]),
        new("banana-bread", "banana bread", "a slice of banana bread", "the banana bread", "€3.20",
            "Our banana bread is vegan but contains gluten and walnuts.", ["vegan", "gluten", "walnuts"]),
        new("brownie", "gluten-free brownie", "a gluten-free brownie", "the gluten-free brownie", "€3.50",
            "The gluten-free brownie contains egg and milk, but no gluten.", ["egg", "milk", "no gluten"]),
        new("lemon-tart", "lemon tart", "a lemon tart", "the lemon tart", "€4.20",
            "The lemon tart contains gluten, milk and egg.", ["gluten", "milk", "egg"]),
        new("quiche", "quiche of the day", "a slice of the quiche of the day", "the quiche of the day", "€5.90",
            "The quiche of the day contains gluten, milk and egg; ask at the counter for today's filling.", ["gluten", "milk", "egg"]),
        new("flat-white", "flat white", "a flat white", "the flat white", "€3.40", null, []),
        new("cappuccino", "cappuccino", "a cappuccino", "the cappuccino", "€3.20", null, []),
        new("espresso", "espresso", "an espresso", "the espresso", "€2.10", null, []),
        new("chai-latte", "chai latte", "a chai latte", "the chai latte", "€3.60", null, []),
        new("hot-chocolate", "hot chocolate", "a hot chocolate", "the hot chocolate", "€3.30", null, []),
    ];

    private static readonly CakeSize[] CakeSizes = [new("6", "8", "€28"), new("8", "12", "€38"), new("10", "20", "€52")];

    private const string WeekdayHours = "7:00–18:00";
    private const string SaturdayHours = "8:00–17:00";
    private const string SundayHours = "9:00–14:00";
    private const string Address = "27 Rye Street";
    private const string Phone = "555-0178";
    private const string OrderEmail = "orders@crumbandco.example";
    private const string PlantMilk = "€0.40";
    private const string GlutenFreeCake = "€6 extra";
    private const string WifiPassword = "flourpower";

    public static Domain Domain() => new()
    {
        Folder = "crumb-and-co-faq",
        IdPrefix = "crumb",
        Format = Format.Csv,
        Seed = 20253,
        TrainCount = 340,
        MultiTurnShare = 0,
        Intents = [.. Items.SelectMany(ItemIntents), .. CakeSizes.Select(CakeSizeIntent), .. OtherIntents()],
        Prefixes = ["Hi, ", "Hello, ", "Hey! ", "Morning! ", "Hi there, "],
        Suffixes = [" Thanks!", " Cheers!", " Thank you :)"],
    };

    private static IEnumerable<Intent> ItemIntents(Item item)
    {
        (string, string)[] v = [("name", item.Name), ("a", item.A), ("the", item.The)];
        yield return new Intent(
            $"price-{item.Id}",
            Text.Fill(["How much is {a}?", "What does {a} cost?", "price of {a}?", "{name} price", "How much do you charge for {a}?",
                "How much for {a}, please?", "What's the price of {a}?"], v),
            Text.Fill(["What would I pay for {a}?"], v),
            [$"{Text.Capitalize(item.A)} costs {item.Price}.", $"{Text.Capitalize(item.The)} is {item.Price}."],
            item.Price);
        if (item.Allergens is not null)
        {
            yield return new Intent(
                $"allergens-{item.Id}",
                Text.Fill(["What allergens are in {the}?", "Does {the} contain any allergens?", "allergens in {the}?", "I have allergies. What's in {the}?",
                    "Can you list the allergens of {the}?", "{name} allergens"], v),
                Text.Fill(["Before I order {the}, which allergens should I be aware of?"], v),
                [item.Allergens],
                item.AllergenFacts);
        }
    }

    private static Intent CakeSizeIntent(CakeSize size)
    {
        (string, string)[] v = [("in", size.Inches)];
        return new Intent(
            $"cake-{size.Inches}-inch",
            Text.Fill(["How much is a {in}-inch cake?", "What does the {in} inch cake cost?", "{in} inch cake price?",
                "How many people does a {in}-inch cake feed?", "price for a {in}-inch celebration cake?"], v),
            Text.Fill(["I need a {in}-inch cake. What's the cost and how many slices do I get?"], v),
            [$"A {size.Inches}-inch cake serves {size.Serves} people and costs {size.Price}.", $"Our {size.Inches}-inch cake is {size.Price} and serves {size.Serves} people."],
            size.Price, $"{size.Serves} people");
    }

    private static IEnumerable<Intent> OtherIntents()
    {
        string sizes = string.Join(", ", CakeSizes[..^1].Select(s => $"{s.Inches} inches (serves {s.Serves}, {s.Price})"))
            + $" and {CakeSizes[^1].Inches} inches (serves {CakeSizes[^1].Serves}, {CakeSizes[^1].Price})";
        return
        [
            new("hours-week",
                ["What are your opening hours?", "When are you open?", "opening times?", "What time do you open?", "hours?", "When can I come by the café?"],
                ["Could you tell me your full weekly schedule?"],
                [$"We are open Tuesday to Friday {WeekdayHours}, Saturday {SaturdayHours} and Sunday {SundayHours}. We are closed on Mondays.",
                    $"Tuesday to Friday {WeekdayHours}, Saturday {SaturdayHours}, Sunday {SundayHours}, and closed on Mondays."],
                WeekdayHours, SaturdayHours, SundayHours, "closed on Mondays"),
            new("monday",
                ["Are you open on Monday?", "monday open?", "Can I come in on a Monday?", "Is the bakery open Mondays?", "Do you open on Mondays?"],
                ["I want to pick up bread at the start of the week, on Monday. Is that possible?"],
                ["No, we are closed on Mondays. We open again on Tuesday at 7:00.", "Sorry, we are closed on Mondays; we're back on Tuesday from 7:00."],
                "closed on Mondays"),
            new("weekdays",
                ["What time do you open on weekdays?", "How early do you open in the morning?", "When do you close on Fridays?", "Are you open on Wednesday?",
                    "weekday hours?"],
                ["Can I grab a coffee before work at 7 on a Thursday?"],
                [$"From Tuesday to Friday we are open {WeekdayHours}.", $"Tuesday to Friday we are open {WeekdayHours}."],
                WeekdayHours),
            new("saturday",
                ["What are your Saturday hours?", "Are you open on Saturday?", "saturday opening times?", "When do you close on Saturdays?"],
                ["Until what time can I get a coffee on a Saturday?"],
                [$"On Saturdays we are open {SaturdayHours}.", $"Saturday hours are {SaturdayHours}."],
                SaturdayHours),
            new("sunday",
                ["Are you open on Sunday?", "sunday hours?", "When do you close on Sundays?", "Can I get breakfast on Sunday?"],
                ["We'd like a late Sunday brunch. What are your hours that day?"],
                [$"On Sundays we are open {SundayHours}.", $"Sunday hours are {SundayHours}."],
                SundayHours),
            new("address",
                ["Where are you?", "What's your address?", "Where is Crumb & Co.?", "address?", "How do I find the bakery?"],
                ["Which street is the café on?"],
                [$"Crumb & Co. is at {Address}, next to the market square.", $"You'll find us at {Address}, by the market square."],
                Address),
            new("phone",
                ["What's your phone number?", "How can I call you?", "phone?", "Can I ring the bakery?"],
                ["Is there a number I can dial to speak to the shop?"],
                [$"You can call Crumb & Co. on {Phone} during opening hours.", $"Our number is {Phone}; we answer during opening hours."],
                Phone),
            new("plant-milk",
                ["Do you have oat milk?", "Can I get soy milk in my coffee?", "plant milk?", "Is oat milk extra?", "Do you do dairy-free coffee?"],
                ["I'm lactose intolerant. Can my cappuccino be made with something else, and does it cost more?"],
                [$"Yes, any coffee can be made with oat or soy milk for {PlantMilk} extra.", $"Any coffee can be made with oat or soy milk; it's {PlantMilk} extra."],
                "oat or soy milk", PlantMilk),
            new("vegan",
                ["What vegan options do you have?", "Anything vegan?", "vegan?", "I'm vegan, what can I eat?", "Which pastries are vegan?"],
                ["Which of your baked goods contain no animal products at all?"],
                ["Our sourdough loaf and banana bread are vegan, and every coffee can be made with oat or soy milk.",
                    "The sourdough loaf and the banana bread are vegan; coffees can be made with oat or soy milk."],
                "sourdough loaf", "banana bread"),
            new("gluten-free",
                ["Do you have anything gluten-free?", "gluten free options?", "I'm coeliac, what can I have?", "Is there something without gluten?"],
                ["My friend can't eat wheat. What can she order here?"],
                [$"Our gluten-free brownie is made without gluten, and gluten-free celebration cakes can be ordered for {GlutenFreeCake}.",
                    $"Try the gluten-free brownie; celebration cakes can also be made gluten-free for {GlutenFreeCake}."],
                "gluten-free brownie"),
            new("nuts",
                ["Are your products nut-free?", "I have a nut allergy, is anything safe?", "nut free?", "Do you use nuts in the kitchen?", "Can you guarantee no peanuts?"],
                ["My daughter reacts badly to nuts. Can anything here be considered completely safe for her?"],
                ["Our kitchen uses nuts, so we cannot guarantee that any product is nut-free.", "We bake with nuts in the same kitchen, so we cannot guarantee anything is nut-free."],
                "cannot guarantee"),
            new("cake-notice",
                ["How far in advance do I need to order a cake?", "Can I order a cake for tomorrow?", "cake notice period?",
                    "How much notice do you need for a birthday cake?", "When should I order a custom cake?"],
                ["My party is on Saturday. What's the latest I can put in a cake order?"],
                ["Please order custom cakes at least 72 hours before pickup.", "We need at least 72 hours' notice for a custom cake."],
                "72 hours"),
            new("cake-order",
                ["How do I order a cake?", "Can I order a cake by email?", "cake order?", "Where do I place a cake order?"],
                ["What's the process for ordering a celebration cake from you?"],
                [$"Order in the shop or by email to {OrderEmail}, at least 72 hours ahead.", $"Email {OrderEmail} or ask in the shop, at least 72 hours before pickup."],
                OrderEmail),
            new("cake-sizes",
                ["What sizes do your cakes come in?", "cake sizes?", "How big can a cake be?", "What cake sizes and prices do you have?"],
                ["Can you list the cake dimensions you offer with their prices?"],
                [$"Cakes come in {sizes}."],
                [.. CakeSizes.Select(s => s.Price)]),
            new("cake-flavours",
                ["Which cake flavours do you have?", "What flavours can I choose?", "cake flavors?", "Do you do carrot cake?", "Can I get a chocolate cake?"],
                ["What kinds of sponge can I pick for a birthday cake?"],
                ["Our cakes come in chocolate, vanilla, lemon and carrot.", "You can choose chocolate, vanilla, lemon or carrot."],
                "chocolate", "vanilla", "lemon", "carrot"),
            new("cake-deposit",
                ["Do I pay a deposit for a cake?", "How much do I pay upfront?", "deposit?", "Do I have to pay when I order the cake?"],
                ["Is any money due at the time I book a cake, or only at pickup?"],
                ["We take a 50% deposit when you order a cake, and the rest is paid at pickup.", "You pay a 50% deposit when ordering and the rest at pickup."],
                "50% deposit"),
            new("cake-writing",
                ["Can you write a name on the cake?", "Is writing on the cake extra?", "Can I get 'Happy Birthday' on my cake?", "cake message cost?"],
                ["Would you put a short greeting on top of the cake, and do you charge for it?"],
                ["Yes, we write a short message on any cake for free.", "A short message on the cake is included for free."],
                "for free"),
            new("cake-gluten-free",
                ["Can I order a gluten-free cake?", "gluten free cake?", "Do you make cakes for coeliacs?", "How much extra is a gluten-free cake?"],
                ["Is a celebration cake without wheat possible, and at what surcharge?"],
                [$"Yes, any cake can be made gluten-free for {GlutenFreeCake}.", $"Every cake can be made gluten-free for {GlutenFreeCake}."],
                GlutenFreeCake),
            new("cake-vegan",
                ["Do you make vegan cakes?", "vegan birthday cake?", "Can my cake be dairy and egg free?", "Which cakes can be vegan?"],
                ["Can you bake a cake with no eggs or dairy, and which flavours does that work for?"],
                ["Yes, we make vegan cakes in chocolate and carrot only.", "Vegan cakes are available in chocolate and carrot only."],
                "chocolate and carrot"),
            new("cake-cancel",
                ["Can I cancel a cake order?", "What if I need to cancel my cake?", "cake refund?", "I ordered a cake but the party is off. Do I get my money back?"],
                ["Plans changed and I no longer need the cake I booked. Will I be refunded?"],
                ["You get a full refund if you cancel at least 48 hours before pickup.", "Cancel at least 48 hours before pickup and you get a full refund."],
                "full refund", "48 hours"),
            new("cake-delivery",
                ["Do you deliver cakes?", "cake delivery?", "Can you bring the cake to my house?", "How much is delivery?"],
                ["Could the cake be brought to our venue instead of collecting it?"],
                ["Yes, we deliver cakes within 5 km for €6.", "Cakes can be delivered within 5 km for €6."],
                "5 km", "€6"),
            new("platter",
                ["Do you do catering?", "Can I order a pastry platter?", "platters for meetings?", "How much is a platter of mini pastries?"],
                ["We have an office meeting next week. Can you supply a tray of small pastries?"],
                ["Yes, a platter of 12 mini pastries costs €24. Please order 48 hours ahead.", "A platter of 12 mini pastries is €24, ordered 48 hours ahead."],
                "12 mini pastries", "€24", "48 hours"),
            new("wifi",
                ["Do you have Wi-Fi?", "wifi password?", "Is there internet in the café?", "What's the Wi-Fi password?"],
                ["Can I work on my laptop here? I'd need to get online."],
                [$"Yes, Wi-Fi is free. The password is {WifiPassword}.", $"Free Wi-Fi is available; the password is {WifiPassword}."],
                WifiPassword),
            new("dogs",
                ["Can I bring my dog?", "Are dogs allowed?", "dog friendly?", "Is my puppy welcome inside?"],
                ["We walk our pet before coffee. Can he come along?"],
                ["Dogs are welcome on our terrace, but not inside the café.", "Dogs can join you on the terrace, but not inside the café."],
                "terrace"),
            new("loyalty",
                ["Do you have a loyalty card?", "Is there a stamp card?", "loyalty program?", "Do regulars get a free coffee?"],
                ["I come in every morning. Is there some reward for frequent customers?"],
                ["Yes, with our stamp card every 10th coffee is free.", "Our stamp card gives you every 10th coffee free."],
                "10th coffee"),
            new("payment",
                ["Do you take cards?", "Can I pay with cash?", "contactless?", "What payment methods do you accept?", "Can I pay with my phone?"],
                ["Is it okay to pay for my croissant with my bank card or should I bring notes?"],
                ["We accept cash, cards and contactless payments, including phone wallets.", "You can pay by cash, cards or contactless (phone wallets too)."],
                "cash", "cards", "contactless"),
            new("half-price",
                ["Do you sell bread cheaper in the afternoon?", "Any discounts at closing time?", "half price bread?", "When is bread reduced?"],
                ["Is there a time of day when leftover loaves are sold off cheaply?"],
                ["Yes, from 16:00 the day's bread is half price.", "The day's bread is half price from 16:00."],
                "16:00", "half price"),
            new("reserve-bread",
                ["Can I reserve a loaf?", "Can I put aside bread for tomorrow?", "reserve sourdough?", "How do I make sure you don't sell out of bread before I come?"],
                ["Sourdough is always gone by the time I arrive. Can I have one held for me?"],
                [$"Yes, call us on {Phone} the day before and we will keep a loaf for you.", $"Call {Phone} the day before and we'll set a loaf aside."],
                Phone, "the day before"),
            new("gift-cards",
                ["Do you sell gift cards?", "gift vouchers?", "Can I buy a voucher for a friend?", "What values do gift cards come in?"],
                ["I'd like to give a friend a present she can spend at your café. Do you have something like that?"],
                ["We sell gift cards for €10, €25 and €50.", "Gift cards are available for €10, €25 and €50."],
                "€10", "€25", "€50"),
        ];
    }
}
