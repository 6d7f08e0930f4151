using AssistantBuilder.Engine.Tokenization;
using AssistantBuilder.Engine.Tokenization.Training;
using AssistantBuilder.Testing;
using static AssistantBuilder.Engine.Tests.Tokenization.Training.TrainingText;

namespace AssistantBuilder.Engine.Tests.Tokenization.Training;

public sealed class BpeTrainerTests : IDisposable
{
    private readonly string _dir = TempDir.Create("bpe-trainer");

    public void Dispose() => TempDir.Delete(_dir);

    // Ids: 0..2 the ChatML specials, 3..258 the byte alphabet sorted by character, 259.. the merges.
    private const int FirstMergeId = 3 + 256;

    [Fact]
    public void Vocab_starts_with_the_specials_then_the_byte_alphabet_in_gpt2_order()
    {
        var t = TrainOnWords(Options(300), ("ab", 2));
        Assert.Equal(["<|endoftext|>", "<|im_start|>", "<|im_end|>"], t.Vocab.Take(3));
        Assert.Equal("!", t.Vocab[3]);             // GPT-2's id 0
        Assert.Equal("~", t.Vocab[3 + 93]);        // GPT-2's id 93
        Assert.Equal("Ā", t.Vocab[3 + 188]);       // byte 0x00, GPT-2's id 188
        Assert.Equal("Ġ", t.Vocab[3 + 220]);       // ' ', GPT-2's id 220
        Assert.Equal("Ċ", t.Vocab[3 + 198]);       // '\n', GPT-2's id 198
        Assert.Equal(256, t.Vocab.Skip(3).Take(256).Distinct().Count());
        Assert.Equal([("a", "b")], t.Merges);
        Assert.Equal("ab", t.Vocab[FirstMergeId]);
    }

    [Fact]
    public void First_merges_are_the_most_frequent_pairs_worked_out_by_hand()
    {
        // Pre-tokens: hug | Ġhug ×2 | Ġpug | Ġpun | Ġbun | Ġhugs.
        // Pair counts: u g 5, h u 4, Ġ h 3, ...  -> "ug"
        // then h ug 4 -> "hug"; Ġ hug 3 -> "Ġhug"; then u n 2 and Ġ p 2 tie: 'u' has the smaller id -> "un";
        // then Ġ p 2 -> "Ġp"; every other pair occurs once, under min_frequency 2.
        var trainer = new BpeTrainer(Options(1000, minFrequency: 2));
        trainer.AddText("hug hug hug pug pun bun hugs");
        var t = trainer.Train();
        Assert.Equal([("u", "g"), ("h", "ug"), ("Ġ", "hug"), ("u", "n"), ("Ġ", "p")], t.Merges);
        Assert.Equal(["ug", "hug", "Ġhug", "un", "Ġp"], t.Vocab.Skip(FirstMergeId));
        Assert.Equal(7, t.Statistics.Words);
        Assert.Equal(6, t.Statistics.UniqueWords);
        // hug | Ġhug Ġhug | Ġp ug | Ġp un | Ġ b un | Ġhug s
        Assert.Equal(1 + 2 + 2 + 2 + 3 + 2, t.Statistics.Tokens);
    }

    [Fact]
    public void Ties_go_to_the_pair_with_the_smaller_ids_as_in_hf_not_to_the_smaller_strings()
    {
        // z z (5) makes "zz" first, then a a (3, ties with a b, z b: smallest ids) makes "aa". Then "zz b" and "aa b"
        // both occur 3 times: "zz" was made first, so it has the smaller id and wins although "aa" < "zz".
        var t = TrainOnWords(Options(1000), ("zzb", 3), ("aab", 3), ("zz", 2));
        Assert.Equal([("z", "z"), ("a", "a"), ("zz", "b"), ("aa", "b")], t.Merges);
    }

    [Fact]
    public void Training_is_deterministic_to_the_byte()
    {
        string corpus = Path.Combine(_dir, "corpus.txt");
        File.WriteAllText(corpus, Mixed(400));
        var options = Options(420);
        string a = BpeTrainer.TrainFiles([corpus], options).Save(Path.Combine(_dir, "a"));
        string b = BpeTrainer.TrainFiles([corpus], options).Save(Path.Combine(_dir, "b"));
        foreach (string file in new[] { "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(a)!, file)), File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(b)!, file)));
    }

    [Fact]
    public void Written_tokenizer_loads_and_round_trips_any_text()
    {
        string corpus = Path.Combine(_dir, "corpus.txt");
        File.WriteAllText(corpus, Mixed(300));
        var trained = BpeTrainer.TrainFiles([corpus], Options(400));
        var tokenizer = HfTokenizer.FromFile(trained.Save(_dir));

        Assert.Equal(400, tokenizer.VocabSize);
        Assert.Equal([0, 1, 2], tokenizer.SpecialTokenIds);
        foreach (string text in new[]
        {
            "hello world", "", " ", "  leading and trailing  ", "tabs\tand\nnewlines\r\n\n\n", "Ünïcödé 中文 東京 عربى русский",
            "emoji 🙂👍🏽🇫🇷 and a lone 𝐀", "numbers 1234567 3.14159", "never seen: qwxz ½ ∑ ∞", "code: if (x == 1) { return y->z; }",
        })
        {
            var ids = tokenizer.Encode(text);
            Assert.Equal(text, tokenizer.Decode(ids));
            Assert.All(ids, id => Assert.InRange(id, 3, 399)); // no special ids from plain text
        }

        var chat = tokenizer.Encode("<|im_start|>user\nhi<|im_end|>");
        Assert.Equal(1, chat[0]);
        Assert.Equal(2, chat[^1]);
        Assert.Equal(1, chat.Count(id => id == 1));
        Assert.Equal("<|im_start|>user\nhi<|im_end|>", tokenizer.Decode(chat, skipSpecialTokens: false));
        Assert.Equal("user\nhi", tokenizer.Decode(chat));
        Assert.Equal([0], tokenizer.Encode("<|endoftext|>"));
        Assert.Equal(2, tokenizer.TokenToId("<|im_end|>"));
    }

    [Fact]
    public void Encoding_the_training_corpus_matches_a_naive_bpe_with_the_learned_merges()
    {
        string text = Mixed(600, seed: 11);
        var trainer = new BpeTrainer(Options(480));
        trainer.AddText(text);
        var trained = trainer.Train();
        Assert.Equal(480 - FirstMergeId, trained.Merges.Count);
        var tokenizer = HfTokenizer.FromJson(trained.ToTokenizerJson());

        var expected = NaiveEncode(text, trained);
        Assert.Equal(expected, tokenizer.Encode(text));
        Assert.Equal(expected.Count, trained.Statistics.Tokens);
        Assert.Equal(text, tokenizer.Decode(expected, skipSpecialTokens: false));

        string unseen = Mixed(50, seed: 99);
        Assert.Equal(NaiveEncode(unseen, trained), tokenizer.Encode(unseen));
    }

    [Fact]
    public void Special_tokens_in_the_corpus_are_not_learned_as_text()
    {
        var trainer = new BpeTrainer(Options(1000));
        for (int i = 0; i < 20; i++)
            trainer.AddText("<|im_start|>user\nhi<|im_end|>\n");
        var t = trainer.Train();
        Assert.DoesNotContain(t.Vocab.Skip(3), token => token.Contains("im_") || token.Contains("<|"));
        Assert.Equal(40, t.Statistics.SpecialTokens);
    }

    [Fact]
    public void Vocab_size_is_respected_and_counts_specials_and_bytes()
    {
        string text = Mixed(300);
        foreach (int size in new[] { 259, 260, 333 })
        {
            var trainer = new BpeTrainer(Options(size));
            trainer.AddText(text);
            var t = trainer.Train();
            Assert.Equal(size, t.Vocab.Count);
            Assert.Equal(size - FirstMergeId, t.Merges.Count);
            Assert.Equal(size, HfTokenizer.FromJson(t.ToTokenizerJson()).VocabSize);
        }
        // A corpus with few pairs runs out of merges first.
        var small = TrainOnWords(Options(5000), ("abcd", 3));
        Assert.Equal(3, small.Merges.Count);
        Assert.Equal(FirstMergeId + 3, small.Vocab.Count);
    }

    [Fact]
    public void Custom_special_tokens_take_the_first_ids()
    {
        var t = TrainOnWords(Options(300) with { SpecialTokens = ["<pad>", "<s>"] }, ("ab", 2));
        Assert.Equal(["<pad>", "<s>", "!"], t.Vocab.Take(3));
        var tokenizer = HfTokenizer.FromJson(t.ToTokenizerJson());
        Assert.Equal([1, 2 + 256], tokenizer.Encode("<s>ab"));

        var none = TrainOnWords(Options(300) with { SpecialTokens = [] }, ("ab", 2));
        Assert.Equal("!", none.Vocab[0]);
        Assert.Empty(HfTokenizer.FromJson(none.ToTokenizerJson()).SpecialTokenIds);
    }

    [Fact]
    public void Max_lines_limits_the_corpus_over_all_files()
    {
        string a = Path.Combine(_dir, "a.txt"), b = Path.Combine(_dir, "b.txt");
        File.WriteAllText(a, "one two\nthree four\n");
        File.WriteAllText(b, "five six\nseven eight\nnine");
        Assert.Equal(5, BpeTrainer.TrainFiles([a, b], Options(300)).Statistics.Lines);
        var three = BpeTrainer.TrainFiles([a, b], Options(300) with { MaxLines = 3 });
        Assert.Equal(3, three.Statistics.Lines);
        Assert.Equal("one two\nthree four\nfive six\n".Length, three.Statistics.Characters);
    }

    [Fact]
    public void Bad_input_gives_clear_errors()
    {
        string missing = Path.Combine(_dir, "missing.txt");
        var notFound = Assert.Throws<FileNotFoundException>(() => BpeTrainer.TrainFiles([missing], Options(300)));
        Assert.Contains("corpus file not found", notFound.Message);
        Assert.Contains(missing, notFound.Message);

        var small = Assert.Throws<ArgumentException>(() => new BpeTrainer(Options(258)));
        Assert.Contains("vocab size 258 is too small", small.Message);
        Assert.Contains("at least 259", small.Message);
        Assert.Throws<ArgumentException>(() => new BpeTrainer(Options(300) with { SpecialTokens = [], VocabSize = 255 }));

        string empty = Path.Combine(_dir, "empty.txt");
        File.WriteAllText(empty, "");
        Assert.Contains("corpus is empty", Assert.Throws<InvalidDataException>(() => BpeTrainer.TrainFiles([empty], Options(300))).Message);
        var onlySpecials = new BpeTrainer(Options(300));
        onlySpecials.AddText("<|im_start|><|im_end|>");
        Assert.Contains("corpus is empty", Assert.Throws<InvalidDataException>(() => onlySpecials.Train()).Message);

        Assert.Contains("listed twice", Assert.Throws<ArgumentException>(() => new BpeTrainer(Options(300) with { SpecialTokens = ["<a>", "<a>"] })).Message);
        Assert.Contains("min frequency", Assert.Throws<ArgumentException>(() => new BpeTrainer(Options(300, minFrequency: 0))).Message);
        Assert.Contains("no corpus file", Assert.Throws<ArgumentException>(() => BpeTrainer.TrainFiles([], Options(300))).Message);
    }

    [Fact]
    public void Cancellation_stops_training()
    {
        var trainer = new BpeTrainer(Options(400));
        trainer.AddText(Mixed(200));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.Throws<OperationCanceledException>(() => trainer.Train(cancellation: cancel.Token));
    }
}
