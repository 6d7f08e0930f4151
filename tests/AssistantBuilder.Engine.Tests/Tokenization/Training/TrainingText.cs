using System.Text;
using AssistantBuilder.Engine.Tokenization;
using AssistantBuilder.Engine.Tokenization.Training;

namespace AssistantBuilder.Engine.Tests.Tokenization.Training;

/// <summary>Corpora for the trainer tests, and a naive BPE encoder to check the trained tokenizer against.</summary>
internal static class TrainingText
{
    private static readonly string[] Vocabulary =
    [
        "the", "a", "tokenizer", "learns", "merges", "from", "text", "and", "then", "encodes", "it", "with", "fewer", "tokens",
        "model", "assistant", "user", "hello", "world", "isn't", "we're", "they'll", "café", "naïve", "中文", "東京", "🙂", "👍🏽",
        "2024", "12345", "3.14", "(x)", "->", "==", "\"quoted\"", "don't", "C#", ".NET", "HF's", "über", "Ωmega",
    ];

    /// <summary>A deterministic mixed text: words, numbers, punctuation, unicode and emoji, blank lines, indented lines, CRLF, special tokens.</summary>
    public static string Mixed(int sentences, int seed = 7)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (int s = 0; s < sentences; s++)
        {
            int words = random.Next(3, 12);
            for (int w = 0; w < words; w++)
            {
                if (w > 0)
                    text.Append(random.Next(10) == 0 ? "  " : " ");
                text.Append(Vocabulary[random.Next(Vocabulary.Length)]);
            }
            text.Append(random.Next(4) switch { 0 => "!", 1 => "?", _ => "." });
            text.Append(random.Next(12) switch
            {
                0 => "\n\n",
                1 => "\n    ",
                2 => "\r\n",
                3 => "<|im_end|>\n<|im_start|>user\n",
                4 => "\t",
                _ => random.Next(3) == 0 ? "\n" : " ",
            });
        }
        return text.ToString();
    }

    public static BpeTrainerOptions Options(int vocabSize, long minFrequency = 1) =>
        new() { VocabSize = vocabSize, MinFrequency = minFrequency };

    /// <summary>A trainer fed one text per word: each text is exactly one pre-token.</summary>
    public static TrainedBpeTokenizer TrainOnWords(BpeTrainerOptions options, params (string Word, int Count)[] words)
    {
        var trainer = new BpeTrainer(options);
        foreach ((string word, int count) in words)
            for (int i = 0; i < count; i++)
                trainer.AddText(word);
        return trainer.Train();
    }

    /// <summary>
    /// Encodes as byte-level BPE is defined, independently of the loader's BPE: split off the special tokens,
    /// pre-tokenize with the Split regex, write each pre-token in the GPT-2 byte alphabet, then repeatedly merge the
    /// leftmost occurrence of the adjacent pair with the lowest merge rank.
    /// </summary>
    public static List<int> NaiveEncode(string text, TrainedBpeTokenizer tokenizer)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int id = 0; id < tokenizer.Vocab.Count; id++)
            ids[tokenizer.Vocab[id]] = id;
        var ranks = new Dictionary<(string, string), int>();
        for (int r = 0; r < tokenizer.Merges.Count; r++)
            ranks.TryAdd(tokenizer.Merges[r], r);
        var regex = new UnicodeRegex(BpeTrainerOptions.SplitPattern);

        var result = new List<int>();
        int start = 0;
        while (start < text.Length)
        {
            // The earliest special token (the longest at that position); the text before it is ordinary text.
            (int at, string? special) = (text.Length, null);
            foreach (string s in tokenizer.SpecialTokens)
            {
                int i = text.IndexOf(s, start, StringComparison.Ordinal);
                if (i >= 0 && (i < at || (i == at && s.Length > special!.Length)))
                    (at, special) = (i, s);
            }
            string piece = text[start..at];
            int last = 0;
            foreach ((int from, int to) in regex.Matches(piece))
            {
                if (from > last)
                    EncodeWord(piece[last..from]);
                EncodeWord(piece[from..to]);
                last = to;
            }
            if (last < piece.Length)
                EncodeWord(piece[last..]);
            if (special is null)
                break;
            result.Add(ids[special]);
            start = at + special.Length;
        }
        return result;

        void EncodeWord(string word)
        {
            List<string> symbols = ByteLevelAlphabet.Encode(word).Select(c => c.ToString()).ToList();
            while (true)
            {
                int best = -1, bestRank = int.MaxValue;
                for (int i = 0; i + 1 < symbols.Count; i++)
                    if (ranks.TryGetValue((symbols[i], symbols[i + 1]), out int rank) && rank < bestRank)
                        (best, bestRank) = (i, rank);
                if (best < 0)
                    break;
                symbols[best] += symbols[best + 1];
                symbols.RemoveAt(best + 1);
            }
            result.AddRange(symbols.Select(s => ids[s]));
        }
    }
}
