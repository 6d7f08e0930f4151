using System.CommandLine;
using System.Text.Json;
using AssistantBuilder.Engine.Tokenization.Training;

namespace AssistantBuilder.Cli.Commands;

/// <summary><c>ab tokenizer train</c>: learns a byte-level BPE tokenizer from text files and writes it in HF format.</summary>
static class TokenizerCommand
{
    public static Command Create()
    {
        var tokenizer = new Command("tokenizer", "Tokenizer tools.");
        tokenizer.Subcommands.Add(Train());
        return tokenizer;
    }

    static Command Train()
    {
        var corpus = new Option<string[]>("--corpus") { Description = "UTF-8 text file to learn from; repeat for several.", Required = true, Arity = ArgumentArity.OneOrMore };
        var vocabSize = new Option<int>("--vocab-size") { Description = "Vocabulary size, counting the special tokens and the 256 byte tokens.", Required = true };
        var minFrequency = new Option<long>("--min-frequency") { Description = "Stop when the most frequent pair occurs fewer times than this.", DefaultValueFactory = _ => 2 };
        var specials = new Option<string>("--special-tokens")
        {
            Description = "Comma-separated special tokens, given ids 0, 1, ... (empty for none).",
            DefaultValueFactory = _ => string.Join(',', BpeTrainerOptions.ChatMlSpecialTokens),
        };
        var maxLines = new Option<long?>("--max-lines") { Description = "Read at most this many lines, all files together." };
        var maxLength = new Option<int>("--model-max-length") { Description = "model_max_length for tokenizer_config.json.", DefaultValueFactory = _ => 8192 };
        var outDir = new Option<string>("--out") { Description = "Folder for tokenizer.json, tokenizer_config.json and special_tokens_map.json.", Required = true };
        var json = CommonOptions.Json("Print JSON lines: progress events, then a done event with the summary.");
        var command = new Command("train",
            "Train a byte-level BPE tokenizer (GPT-2 byte alphabet, Llama 3 split regex, ChatML special tokens) and write it in Hugging Face format.")
        {
            corpus, vocabSize, minFrequency, specials, maxLines, maxLength, outDir, json,
        };
        command.SetAction((r, ct) => CliErrors.Run(() =>
        {
            var options = new BpeTrainerOptions
            {
                VocabSize = r.GetValue(vocabSize),
                MinFrequency = r.GetValue(minFrequency),
                SpecialTokens = r.GetValue(specials)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                MaxLines = r.GetValue(maxLines),
                ModelMaxLength = r.GetValue(maxLength),
            };
            bool asJson = r.GetValue(json);
            var trained = BpeTrainer.TrainFiles(r.GetValue(corpus)!, options, p => Report(p, asJson), ct);
            string path = trained.Save(r.GetValue(outDir)!);
            Summary(trained, Path.GetDirectoryName(Path.GetFullPath(path))!, asJson);
            return Task.FromResult(0);
        }));
        return command;
    }

    static void Report(BpeTrainingProgress p, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                @event = p.Stage, lines = p.Lines, words = p.Words, merges = p.Merges, max_merges = p.MaxMerges, seconds = Math.Round(p.Seconds, 3),
            }, JsonDefaults.Snake));
            return;
        }
        Console.Error.WriteLine(p.Stage == "count"
            ? $"read {p.Lines:N0} lines, {p.Words:N0} words ({p.Seconds:F1} s)"
            : $"merges {p.Merges:N0}/{p.MaxMerges:N0} ({p.Seconds:F1} s)");
    }

    static void Summary(TrainedBpeTokenizer t, string dir, bool json)
    {
        var s = t.Statistics;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                @event = "done", out_dir = dir, vocab_size = t.Vocab.Count, merges = t.Merges.Count, special_tokens = t.SpecialTokens,
                lines = s.Lines, characters = s.Characters, words = s.Words, unique_words = s.UniqueWords, tokens = s.Tokens,
                characters_per_token = Math.Round(s.CharactersPerToken, 4), seconds = Math.Round(s.Seconds, 3),
            }, JsonDefaults.Snake));
            return;
        }
        Console.WriteLine(string.Join(Environment.NewLine,
            $"tokenizer   {dir} (tokenizer.json, tokenizer_config.json, special_tokens_map.json)",
            $"vocab       {t.Vocab.Count:N0} tokens: {t.SpecialTokens.Count} special, 256 bytes, {t.Merges.Count:N0} merges",
            $"corpus      {s.Lines:N0} lines, {s.Characters:N0} characters, {s.Words:N0} words ({s.UniqueWords:N0} distinct)",
            $"compression {s.CharactersPerToken:F2} characters per token ({s.Tokens:N0} tokens)",
            $"time        {s.Seconds:F1} s"));
    }
}
