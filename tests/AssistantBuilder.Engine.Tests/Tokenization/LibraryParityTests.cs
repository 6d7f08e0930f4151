using System.Text.Json;
using System.Text.Json.Nodes;
using AssistantBuilder.Engine.Tokenization;
using Microsoft.ML.Tokenizers;

namespace AssistantBuilder.Engine.Tests.Tokenization;

/// <summary>
/// Cross-checks the hand-written BPE merge step against Microsoft.ML.Tokenizers' BpeTokenizer (a port of the
/// same HF algorithm) on a vocabulary trained here, word by word, including words where merge order and ties
/// matter ("aaaa", "abab").
/// </summary>
public class LibraryParityTests
{
    private const string Corpus =
        "the cat sat on the mat and the dog sat on the log. a banana, an apple and another banana! " +
        "aaaa abab abba baab 1234 12 123 4444 the theme of these theses: there, their, they're. " +
        "naïve café résumé 中文中文 中国 🙂🙂 emoji 👍 tokenizers tokenize tokens token tok to t";

    [Fact]
    public void Bpe_merge_step_matches_the_library()
    {
        (JsonObject vocab, List<string> merges) = TrainByteLevelBpe(PreTokens(Corpus), mergeCount: 120);
        BpeModel ours = CreateModel(vocab, merges);
        BpeTokenizer library = BpeTokenizer.Create(new BpeOptions(vocab.Select(kv => new KeyValuePair<string, int>(kv.Key, (int)kv.Value!)))
        {
            Merges = merges,
        });

        var words = PreTokens(Corpus + " thesis thematic cathedral bananas aaaaaaa abababab 中中中 🙂🙂🙂 1234567").ToList();
        var random = new Random(1234);
        const string alphabet = "abtheno ";
        for (int i = 0; i < 300; i++)
            words.Add(ByteLevelAlphabet.Encode(new string(Enumerable.Range(0, random.Next(1, 14)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())));

        foreach (string word in words)
        {
            var ids = new List<int>();
            ours.Tokenize(word, ids);
            Assert.Equal(library.EncodeToIds(word, considerPreTokenization: false, considerNormalization: false), ids);
        }
    }

    private static BpeModel CreateModel(JsonObject vocab, List<string> merges)
    {
        using JsonDocument document = JsonDocument.Parse(Json.BpeModel(vocab, merges).ToJsonString());
        return BpeModelFactory.Create(document.RootElement, new LoadContext("parity"));
    }

    private static IEnumerable<string> PreTokens(string text) =>
        new UnicodeRegex(ByteLevelPreTokenizer.Gpt2Pattern).Matches(text).Select(m => ByteLevelAlphabet.Encode(text[m.Start..m.End]));

    /// <summary>Textbook BPE training: repeatedly merge the most frequent adjacent pair (ties: ordinal order).</summary>
    private static (JsonObject Vocab, List<string> Merges) TrainByteLevelBpe(IEnumerable<string> words, int mergeCount)
    {
        var vocab = new JsonObject();
        for (int b = 0; b < 256; b++)
            vocab[ByteLevelAlphabet.CharFor((byte)b).ToString()] = b;
        List<List<string>> split = words.Select(w => w.Select(c => c.ToString()).ToList()).ToList();
        var merges = new List<string>();
        for (int m = 0; m < mergeCount; m++)
        {
            var counts = new Dictionary<(string, string), int>();
            foreach (List<string> word in split)
                for (int i = 0; i + 1 < word.Count; i++)
                    counts[(word[i], word[i + 1])] = counts.GetValueOrDefault((word[i], word[i + 1])) + 1;
            if (counts.Count == 0)
                break;
            ((string left, string right), _) = counts.OrderByDescending(kv => kv.Value)
                .ThenBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal).First();
            merges.Add($"{left} {right}");
            if (!vocab.ContainsKey(left + right))
                vocab[left + right] = vocab.Count;
            foreach (List<string> word in split)
                for (int i = 0; i + 1 < word.Count; i++)
                    if (word[i] == left && word[i + 1] == right)
                    {
                        word[i] = left + right;
                        word.RemoveAt(i + 1);
                    }
        }
        return (vocab, merges);
    }
}
