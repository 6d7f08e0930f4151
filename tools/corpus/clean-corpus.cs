// Turns the raw sources that build-corpus.sh fetched into one plain-text pretraining corpus.
//
//   dotnet run tools/corpus/clean-corpus.cs -- --raw artifacts/corpus/raw --out artifacts/corpus
//       [--sotu-max-bytes 3000000] [--seed 1] [--skip fortunes,elements]
//
// Writes, under --out:
//   pretrain.txt      every document, then a blank line, then the line <|endoftext|>; documents in a seeded shuffle
//   wordnet-defs.tsv  word <TAB> pos <TAB> count <TAB> one-sentence definition of the word's most common sense,
//                     most frequent words first (make-chat.cs reads it for "What is a ...?" questions)
//   stats.tsv         documents and bytes contributed by each source
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

const string Separator = "<|endoftext|>";

string? raw = null, outDir = null;
long sotuMaxBytes = 3_000_000;
int seed = 1;
var skip = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
for (int i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--raw": raw = Value(); break;
        case "--out": outDir = Value(); break;
        case "--sotu-max-bytes": sotuMaxBytes = long.Parse(Value()); break;
        case "--seed": seed = int.Parse(Value()); break;
        case "--skip": skip.UnionWith(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}
if (raw is null || outDir is null)
{
    Console.Error.WriteLine("usage: clean-corpus.cs --raw DIR --out DIR [--sotu-max-bytes N] [--seed N] [--skip SOURCE,...]");
    return 2;
}
Directory.CreateDirectory(outDir);

var docs = new List<(string Source, string Text)>();
void Add(string source, IEnumerable<string> texts)
{
    if (skip.Contains(source)) { Console.WriteLine($"{source,-12} skipped"); return; }
    int before = docs.Count;
    foreach (string t in texts)
        if (t.Length > 0) docs.Add((source, t));
    Console.WriteLine($"{source,-12} {docs.Count - before,7} documents");
}

Add("sotu", Sources.Sotu(Path.Combine(raw, "npm/datasets-sotu/package/data"), sotuMaxBytes));
Add("moby-dick", Sources.MobyDick(Path.Combine(raw, "npm/datasets-moby-dick/package/data")));
var wordnet = new WordNet(Path.Combine(raw, "deb/wordnet-base/usr/share/wordnet"));
Add("wordnet", wordnet.Documents());
Add("fortunes", Sources.Fortunes(Path.Combine(raw, "deb/fortunes-min/usr/share/games/fortunes"), Sources.FortuneMinFiles)
    .Concat(Sources.Fortunes(Path.Combine(raw, "deb/fortunes/usr/share/games/fortunes"), Sources.FortuneFiles)));
Add("elements", Sources.Elements(Path.Combine(raw, "deb/dict-elements/usr/share/dictd/elements.dict.dz")));

// Exact duplicates (a fortune in two files, say) go; then a seeded shuffle so the sources interleave.
var seen = new HashSet<string>(StringComparer.Ordinal);
docs = docs.Where(d => seen.Add(d.Text)).ToList();
var rng = new Random(seed);
for (int i = docs.Count - 1; i > 0; i--)
{
    int j = rng.Next(i + 1);
    (docs[i], docs[j]) = (docs[j], docs[i]);
}

var utf8 = new UTF8Encoding(false);
using (var w = new StreamWriter(Path.Combine(outDir, "pretrain.txt"), false, utf8))
{
    w.NewLine = "\n";
    foreach (var d in docs)
    {
        w.Write(d.Text);
        w.Write("\n\n" + Separator + "\n");
    }
}

File.WriteAllLines(Path.Combine(outDir, "wordnet-defs.tsv"),
    wordnet.Definitions().Select(d => $"{d.Word}\t{d.Pos}\t{d.Count}\t{d.Sentence}"), utf8);

var stats = docs.GroupBy(d => d.Source)
    .Select(g => (Source: g.Key, Docs: g.Count(), Bytes: g.Sum(d => (long)utf8.GetByteCount(d.Text))))
    .OrderByDescending(s => s.Bytes).ToList();
var lines = new List<string> { "source\tdocuments\tbytes" };
lines.AddRange(stats.Select(s => $"{s.Source}\t{s.Docs}\t{s.Bytes}"));
lines.Add($"total\t{docs.Count}\t{stats.Sum(s => s.Bytes)}");
File.WriteAllLines(Path.Combine(outDir, "stats.tsv"), lines, utf8);
Console.WriteLine(string.Join("\n", lines));
return 0;

/// <summary>Whitespace and punctuation normalisation shared by every source.</summary>
static class Text
{
    static readonly Regex Spaces = new(@"[ \t\f\v\u00A0\u2000-\u200A\u202F\u205F\u3000]+", RegexOptions.Compiled);
    static readonly Regex BlankRuns = new(@"\n{3,}", RegexOptions.Compiled);
    // An em dash, or a double hyphen after text ("ago--never", "work -- American"), not "-- Author" at a line start.
    static readonly Regex Dash = new(@"[ \t]*(?:\u2014|\u2015)[ \t]*|(?<=\S[ \t]*)[ \t]*--+[ \t]*", RegexOptions.Compiled);
    static readonly Regex MissingSpace = new(@";(?=[A-Za-z])", RegexOptions.Compiled);
    static readonly Regex DashRun = new(@"( - ?)+ - ", RegexOptions.Compiled);
    static readonly Regex Sentence = new(@"(?<=[.!?][""')]?)\s+(?=[""(]?[A-Z])", RegexOptions.Compiled);

    /// <summary>
    /// ASCII quotes and dashes (em dash becomes " - "), no control characters, single spaces, trimmed lines,
    /// at most one blank line in a row. Case and all other punctuation stay as they are.
    /// </summary>
    public static string Clean(string s)
    {
        s = s.Replace("\r\n", "\n").Replace('\r', '\n').Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            switch (c)
            {
                case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032': sb.Append('\''); break;
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033': sb.Append('"'); break;
                case '`': sb.Append('\''); break; // `quoted' in old plain-text files
                case '\u2013' or '\u2010' or '\u2011' or '\u2212': sb.Append('-'); break;
                case '\u2026': sb.Append("..."); break;
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF': break;
                case '\n' or '\t': sb.Append(c); break;
                default:
                    if (!char.IsControl(c)) sb.Append(c);
                    break;
            }
        }
        s = DashRun.Replace(Dash.Replace(sb.ToString(), " - "), " - ");
        s = MissingSpace.Replace(s, "; ");
        var lines = s.Split('\n').Select(l => Spaces.Replace(l, " ").Trim());
        return BlankRuns.Replace(string.Join("\n", lines), "\n\n").Trim();
    }

    /// <summary>Splits one long line of prose into paragraphs of whole sentences, about <paramref name="target"/> characters each.</summary>
    public static string Paragraphs(string line, int target = 700)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (string sentence in Sentence.Split(line))
        {
            if (current.Length > 0 && current.Length + sentence.Length > target)
            {
                paragraphs.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(sentence);
        }
        if (current.Length > 0) paragraphs.Add(current.ToString());
        return string.Join("\n\n", paragraphs);
    }

    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string EndSentence(string s) => s.Length > 0 && ".!?".Contains(s[^1]) ? s : s + ".";
}

static class Sources
{
    // Crowd reactions in the transcripts of spoken addresses: "(Applause.)", "[Laughter]", "--(applause)--".
    static readonly Regex Reaction = new(@"\s*(\u2014\s*)?[\(\[]\s*(applause|laughter|cheers|boos)[^\)\]]{0,30}[\)\]](\s*\u2014)?",
        RegexOptions.Compiled | RegexOptions.IgnoreCase);

    /// <summary>State of the Union addresses, newest first, until <paramref name="maxBytes"/> of text.</summary>
    public static IEnumerable<string> Sotu(string dir, long maxBytes)
    {
        var speeches = Directory.GetFiles(dir, "*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .Select(e => (Year: e.GetProperty("year").GetInt32(), Text: e.GetProperty("text").GetString() ?? ""))
            .OrderByDescending(s => s.Year);
        long total = 0;
        foreach (var (_, text) in speeches)
        {
            string cleaned = Text.Clean(Reaction.Replace(text, m => m.Groups[1].Success && m.Groups[3].Success ? " \u2014 " : ""));
            cleaned = string.Join("\n\n", cleaned.Split("\n", StringSplitOptions.RemoveEmptyEntries).Select(l => Text.Paragraphs(l)));
            if (total + cleaned.Length > maxBytes) yield break;
            total += cleaned.Length;
            yield return cleaned;
        }
    }

    /// <summary>Moby-Dick's 135 chapters and the epilogue; the contents, etymology and extracts are left out.</summary>
    public static IEnumerable<string> MobyDick(string dir)
    {
        var files = Enumerable.Range(1, 135).Select(n => $"chapter_{n}.json").Append("epilogue.json");
        foreach (string name in files)
        {
            string text = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, name))).RootElement.GetProperty("text").GetString() ?? "";
            if (name == "epilogue.json") text = text[(text.IndexOf('\n') + 1)..]; // its first line is the heading
            yield return Text.Clean(text);
        }
    }

    public static readonly string[] FortuneMinFiles = ["fortunes", "literature", "riddles"];

    // Everyday humour and sayings. Left out: offensive or edgy sets (drugs, ethnic, men-women, politics), song lyrics
    // and quotes from copyrighted fiction or comics (songs-poems, startrek, zippy, pratchett, tao), chat logs and
    // jargon (knghtbrd, debian, linux, linuxcookie, perl, computers), ascii-art, news, disclaimer, translate-me.
    public static readonly string[] FortuneFiles =
    [
        "art", "cookie", "definitions", "education", "food", "goedel", "humorists", "kids", "law", "love", "magic",
        "medicine", "miscellaneous", "paradoxum", "people", "pets", "platitudes", "science", "sports", "wisdom", "work",
    ];

    static readonly Regex Blocked = new(
        @"\b(fuck|shit|cunt|nigg|fag|rape|raping|whore|slut|bitch|bastard|penis|vagina|orgasm|porn|sex|sexual|genital|nazi|hitler|suicide|kill yourself)",
        RegexOptions.Compiled | RegexOptions.IgnoreCase);
    static readonly Regex Overstrike = new(@".\x08", RegexOptions.Compiled);
    static readonly Regex Layout = new(@"\S {3,}\S|_{3,}|[|\\/]{2,}|[=*#~^]{3,}", RegexOptions.Compiled);
    static readonly Regex LineStart = new(@"^([QA]:|\(?\d+[.)]|[-*] |[A-Z][a-z]*:\s)", RegexOptions.Compiled);
    static readonly Regex Attribution = new(@"^\s*--\s*", RegexOptions.Compiled);

    /// <summary>
    /// One document per fortune cookie. Hard-wrapped prose is unwrapped; short lines (verse, dialogue, lists) stay.
    /// A "-- Author" attribution becomes a last line "- Author". Drops cookies with ascii layout, mojibake or a blocked word.
    /// </summary>
    public static IEnumerable<string> Fortunes(string dir, string[] files)
    {
        foreach (string file in files)
        {
            string all = Overstrike.Replace(File.ReadAllText(Path.Combine(dir, file), Encoding.UTF8), "");
            foreach (string cookie in Regex.Split(all, @"^%\n", RegexOptions.Multiline))
            {
                if (cookie.Length < 20 || cookie.Length > 1200 || cookie.Contains('\uFFFD') || cookie.Contains('\u00C2')
                    || cookie.Contains('\u00C3') || Blocked.IsMatch(cookie) || Layout.IsMatch(cookie.Replace("\t", " ")))
                    continue;
                var body = new List<string>();
                bool inCredit = false;
                foreach (string rawLine in cookie.TrimEnd().Split('\n'))
                {
                    string line = rawLine.Replace('\t', ' ');
                    bool indented = line.StartsWith(' ');
                    string trimmed = line.Trim();
                    if (Attribution.IsMatch(line)) { body.Add("- " + Attribution.Replace(line, "").Trim()); inCredit = true; continue; }
                    if (inCredit && indented && trimmed.Length > 0) { body[^1] += " " + trimmed; continue; } // a credit's second line
                    inCredit = false;
                    if (trimmed.Length == 0) { body.Add(""); continue; }
                    if (body.Count > 0 && !indented && body[^1].Length >= 40 && !body[^1].StartsWith("- ") && !LineStart.IsMatch(trimmed))
                        body[^1] += " " + trimmed;
                    else
                        body.Add(trimmed);
                }
                string text = Text.Clean(string.Join("\n", body));
                if (text.Count(char.IsLetter) < 12) continue;
                yield return text;
            }
        }
    }

    /// <summary>
    /// One short paragraph per chemical element up to uranium (Z = 92). The heavier entries are left out: some of
    /// their texts were added later from Wikipedia (CC BY-SA), unlike the public-domain database they came with.
    /// </summary>
    public static IEnumerable<string> Elements(string dictzip)
    {
        string all;
        using (var gz = new GZipStream(File.OpenRead(dictzip), CompressionMode.Decompress))
        using (var reader = new StreamReader(gz, Encoding.UTF8))
            all = reader.ReadToEnd();
        var seenNumbers = new HashSet<int>();
        foreach (string entry in all.Split("\n\n"))
        {
            var lines = entry.Trim().Split('\n');
            if (lines.Length < 5 || !lines[1].StartsWith("Symbol: ") || !lines[2].StartsWith("Atomic number: ")) continue;
            if (!int.TryParse(lines[2]["Atomic number: ".Length..], out int z) || z > 92 || !seenNumbers.Add(z)) continue;
            string name = Text.Capitalize(lines[0].Trim());
            string symbol = lines[1]["Symbol: ".Length..].Trim();
            string description = Text.Clean(string.Join(" ", lines.Skip(lines[3].StartsWith("Atomic weight") ? 4 : 3)))
                .Replace("{", "").Replace("}", ""); // {platinum}: a cross-reference in the dictionary
            yield return $"{name} is a chemical element. Its symbol is {symbol} and its atomic number is {z}. {description}";
        }
    }
}

/// <summary>
/// Reads WordNet 3.0's data.* and index.* files and writes each synset as plain sentences:
/// "A cat is a feline mammal ...", "To run means to move fast ...", "Hot means having a high ...",
/// followed by its example sentences (fragments such as "a hot stove" are left out).
/// </summary>
sealed class WordNet
{
    static readonly string[] Parts = ["noun", "verb", "adj", "adv"];
    // Lexicographer files whose nouns are mostly uncountable: "Water is ...", not "A water is ...".
    static readonly HashSet<int> MassNounFiles = [7, 12, 26, 27]; // noun.attribute, noun.feeling, noun.state, noun.substance
    static readonly HashSet<int> TaxonomyFiles = [5, 20]; // noun.animal, noun.plant
    static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "any", "one", "some", "someone", "something", "somebody", "anything", "anyone", "each", "every",
        "two", "three", "four", "its", "his", "her", "their", "this", "that", "these", "those", "no", "all", "more",
        "most", "much", "many", "several", "either", "neither", "another", "other", "such", "what", "whatever", "used",
    };
    // Glosses starting with these words read wrong after "a": "is in the Middle Ages ...", "is made of ...".
    static readonly HashSet<string> NoArticle = new(StringComparer.Ordinal)
    {
        "in", "of", "for", "with", "from", "on", "at", "by", "as", "when", "where", "how", "made", "found", "having",
        "measuring", "especially", "sometimes", "often", "not",
    };
    static readonly HashSet<string> NotPlural = new(StringComparer.Ordinal)
    {
        "sometimes", "includes", "comprises", "arises", "weighs", "this", "its", "his", "perhaps", "whereas", "gas",
    };
    static readonly Regex TaxonGloss = new(@"^(a |any )?(type )?(genus|family|order|suborder|subfamily|superfamily|class|subclass|phylum|division|species) (of|in|comprising|including|containing|with)\b", RegexOptions.Compiled);
    static readonly Regex Taxon = new(@"^(genus|family|order|suborder|superorder|subfamily|superfamily|class|subclass|superclass|phylum|subphylum|division|subdivision|kingdom|subkingdom|tribe) [A-Z]", RegexOptions.Compiled);
    static readonly Regex AdjectiveMarker = new(@"\((a|p|ip)\)$", RegexOptions.Compiled);
    static readonly Regex DanglingEnd = new(@"[;,:]?\s*\b(e\.g\.|i\.e\.|as in|for example|such as|as)$", RegexOptions.Compiled);
    static readonly Regex Example = new(@"""([^""]+)""", RegexOptions.Compiled);
    static readonly HashSet<string> LabelPrepositions = new(StringComparer.Ordinal)
    {
        "of", "in", "for", "with", "on", "by", "as", "at", "from", "to", "especially", "usually", "often", "used", "sometimes", "when",
    };
    static readonly Regex Label = new(@"^\(([a-z][a-z ]{2,30})\)\s+", RegexOptions.Compiled);
    static readonly HashSet<string> SentenceStarts = new(StringComparer.Ordinal)
    {
        "I", "You", "He", "She", "It", "We", "They", "The", "This", "That", "These", "Those", "There", "His", "Her",
        "My", "Your", "Our", "Their", "What", "Why", "How", "When", "Where", "Who", "Do", "Don't", "Is", "Are", "Can",
    };

    sealed record Synset(string Pos, string Offset, int LexFile, string[] Words, string Gloss, string[] Examples);

    readonly string dir;
    readonly Dictionary<(string Pos, string Offset), Synset> synsets;
    readonly HashSet<(string Pos, string Offset)> familiar = [];
    readonly List<(string Word, string Pos, string Offset)> firstSenses = [];
    bool indexed;

    public WordNet(string dir)
    {
        this.dir = dir;
        synsets = Load(dir);
    }

    static Dictionary<(string, string), Synset> Load(string dir)
    {
        var result = new Dictionary<(string, string), Synset>();
        foreach (string pos in Parts)
        {
            foreach (string line in File.ReadLines(Path.Combine(dir, "data." + pos)))
            {
                if (line.StartsWith(' ')) continue; // licence header
                int bar = line.IndexOf(" | ", StringComparison.Ordinal);
                if (bar < 0) continue;
                string[] f = line[..bar].Split(' ');
                int count = Convert.ToInt32(f[3], 16);
                string[] words = Enumerable.Range(0, count)
                    .Select(i => AdjectiveMarker.Replace(f[4 + 2 * i], "").Replace('_', ' ')).ToArray();
                string gloss = line[(bar + 3)..].Trim();
                int quote = gloss.IndexOf('"');
                string definition = DanglingEnd.Replace((quote < 0 ? gloss : gloss[..quote]).Trim().TrimEnd(';', ':', ',', ' '), "");
                string[] examples = quote < 0 ? [] : Example.Matches(gloss[quote..]).Select(m => m.Groups[1].Value.Trim()).ToArray();
                result[(pos, f[0])] = new Synset(pos, f[0], int.Parse(f[1]), words, definition, examples);
            }
        }
        return result;
    }

    /// <summary>Synsets that are a tagged (corpus-attested) sense of some word, and each word's most frequent sense.</summary>
    void Index()
    {
        if (indexed) return;
        indexed = true;
        foreach (string pos in Parts)
        {
            foreach (string line in File.ReadLines(Path.Combine(dir, "index." + pos)))
            {
                if (line.StartsWith(' ')) continue;
                string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                int pointers = int.Parse(f[3]);
                int tagged = int.Parse(f[5 + pointers]);
                string[] offsets = f[(6 + pointers)..];
                foreach (string o in offsets.Take(tagged)) familiar.Add((pos, o));
                if (tagged > 0) firstSenses.Add((f[0], pos, offsets[0]));
            }
        }
    }

    static readonly string[] AnBeforeConsonant = ["honest", "honor", "honour", "hour", "heir"];
    static readonly string[] ABeforeVowel = ["uni", "use", "usu", "uti", "one", "eu", "ewe"];

    static string Article(string word) =>
        AnBeforeConsonant.Any(p => word.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            || ("aeiouAEIOU".Contains(word[0]) && !ABeforeVowel.Any(p => word.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            ? "an " + word : "a " + word;

    /// <summary>Puts "a" or "an" before a gloss that starts like a singular noun phrase ("feline mammal ...").</summary>
    static string WithArticle(string phrase)
    {
        string[] w = phrase.Split(' ', 3);
        string first = w[0].ToLowerInvariant();
        bool plural = first.Length > 3 && first.EndsWith('s') && !first.EndsWith("ss") && !first.EndsWith("us") && !first.EndsWith("is")
            && !NotPlural.Contains(first);
        bool adverbThenDeterminer = first.EndsWith("ly") && w.Length > 1 && Determiners.Contains(w[1]);
        return Determiners.Contains(first) || NoArticle.Contains(first) || char.IsDigit(first[0]) || plural || adverbThenDeterminer
            ? phrase : Article(phrase);
    }

    string Noun(Synset s, string word) =>
        char.IsUpper(word[0]) || MassNounFiles.Contains(s.LexFile) ? word : Article(word);

    /// <summary>The definition sentence of a synset for one of its words, or null when the gloss does not fit a template.</summary>
    string? Define(Synset s, string word)
    {
        string gloss = s.Gloss;
        string? label = null;
        var m = Label.Match(gloss);
        if (m.Success) { label = m.Groups[1].Value; gloss = gloss[m.Length..]; }
        if (gloss.Length < 3 || !char.IsLetter(gloss[0])) return null;
        string sentence = s.Pos switch
        {
            "noun" => $"{Text.Capitalize(Noun(s, word))} is {WithArticle(gloss)}",
            "verb" => $"To {word} means {(gloss.StartsWith("to ") ? "" : "to ")}{gloss}",
            _ => $"{Text.Capitalize(word)} means {gloss}",
        };
        if (label is not null)
        {
            // "(botany) ..." becomes "In botany, a ..."; "(of fluids) ..." becomes "Of fluids, running means ...".
            string rest = char.IsLower(word[0]) || sentence.StartsWith("A ") || sentence.StartsWith("An ") || sentence.StartsWith("To ")
                ? char.ToLowerInvariant(sentence[0]) + sentence[1..] : sentence;
            string lead = LabelPrepositions.Contains(label.Split(' ')[0]) ? Text.Capitalize(label) : "In " + label;
            sentence = $"{lead}, {rest}";
        }
        return Text.EndSentence(Text.Clean(sentence));
    }

    string Entry(Synset s, string definition)
    {
        var sb = new StringBuilder(definition);
        string[] others = s.Words.Skip(1).Where(w => !string.Equals(w, s.Words[0], StringComparison.OrdinalIgnoreCase)).Take(3).ToArray();
        if (others.Length > 0)
        {
            sb.Append(s.Pos switch
            {
                "noun" => $" It is also called {string.Join(" or ", others.Select(w => Noun(s, w)))}.",
                "verb" => $" To {s.Words[0]} is the same as to {others[0]}.",
                _ => $" {Text.Capitalize(s.Words[0])} means the same as {others[0]}.",
            });
        }
        foreach (string example in s.Examples)
        {
            string first = example.Split(' ', 2)[0].TrimStart('\'');
            if (example.Split(' ').Length >= 4 && (SentenceStarts.Contains(first) || (char.IsUpper(first[0]) && first.Length > 1)))
                sb.Append(' ').Append(Text.EndSentence(Text.Capitalize(Text.Clean(example))));
        }
        return sb.ToString();
    }

    bool Keep(Synset s) =>
        !Taxon.IsMatch(s.Words[0]) && !TaxonGloss.IsMatch(s.Gloss) && !s.Gloss.StartsWith("(plural)", StringComparison.Ordinal) && !(TaxonomyFiles.Contains(s.LexFile) && !familiar.Contains((s.Pos, s.Offset)));

    /// <summary>Documents of up to 12 consecutive synsets of one lexicographer file (so each is on one topic: animals, foods, motions...).</summary>
    public IEnumerable<string> Documents()
    {
        Index();
        foreach (var group in synsets.Values.Where(Keep).GroupBy(s => (s.Pos, s.LexFile)))
        {
            var entries = new List<string>();
            foreach (var s in group.OrderBy(s => s.Offset, StringComparer.Ordinal))
            {
                string? definition = Define(s, s.Words[0]);
                if (definition is null) continue;
                entries.Add(Entry(s, definition));
                if (entries.Count == 12) { yield return string.Join("\n", entries); entries.Clear(); }
            }
            if (entries.Count > 0) yield return string.Join("\n", entries);
        }
    }

    /// <summary>
    /// The most frequent sense of single words (lower-case letters, tagged in WordNet's sense-tagged corpus) with a short
    /// gloss, most frequent words first. Count: how often the word was tagged in that part of speech (cntlist.rev).
    /// </summary>
    public IEnumerable<(string Word, string Pos, int Count, string Sentence)> Definitions()
    {
        Index();
        // cntlist.rev lines: "cat%1:05:00:: 1 18" (sense key, sense number, tag count); 1 noun, 2 verb, 3 and 5 adjective.
        var counts = new Dictionary<(string, string), int>();
        foreach (string line in File.ReadLines(Path.Combine(dir, "cntlist.rev")))
        {
            string[] f = line.Split(' ');
            int percent = f[0].IndexOf('%');
            if (f.Length < 3 || percent < 0) continue;
            string pos = f[0][percent + 1] switch { '1' => "noun", '2' => "verb", '3' or '5' => "adj", _ => "adv" };
            var key = (f[0][..percent], pos);
            counts[key] = counts.GetValueOrDefault(key) + int.Parse(f[2]);
        }
        var result = new List<(string Word, string Pos, int Count, string Sentence)>();
        var done = new HashSet<string>();
        foreach (var (word, pos, offset) in firstSenses.OrderBy(f => Array.IndexOf(Parts, f.Pos)).ThenBy(f => f.Word, StringComparer.Ordinal))
        {
            if (!word.All(c => c is >= 'a' and <= 'z') || word.Length < 3 || pos == "adv" || done.Contains(word)) continue;
            if (!synsets.TryGetValue((pos, offset), out var s) || s.Gloss.Length > 90 || Label.IsMatch(s.Gloss)) continue;
            string? sentence = Define(s, word);
            if (sentence is null) continue;
            done.Add(word);
            result.Add((word, pos, counts.GetValueOrDefault((word, pos)), sentence));
        }
        return result.OrderByDescending(d => d.Count).ThenBy(d => d.Word, StringComparer.Ordinal);
    }
}
