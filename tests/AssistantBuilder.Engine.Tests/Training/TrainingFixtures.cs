using System.Text.Json.Nodes;
using AssistantBuilder.Engine.Chat;
using AssistantBuilder.Engine.Templates;
using AssistantBuilder.Engine.Tests.Support;
using AssistantBuilder.Testing;
using AssistantBuilder.Engine.Tests.Tokenization;
using AssistantBuilder.Engine.Tokenization;

namespace AssistantBuilder.Engine.Tests.Training;

/// <summary>Tokenizers with the special tokens of real chat templates, templates and conversations for the example tests.</summary>
internal static class TrainingFixtures
{
    /// <summary>Special tokens of the real templates under Templates/goldens, added to the fixtures from id 310 on.</summary>
    public static readonly string[] ExtraSpecialTokens =
    [
        "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>", "<s>", "</s>", "<bos>", "<eos>", "<start_of_turn>",
        "<end_of_turn>", "<|user|>", "<|assistant|>", "<|system|>", "<|end|>", "<|end_of_turn|>", "<|EOT|>",
        "<｜begin▁of▁sentence｜>",
    ];

    /// <summary>The byte-level fixture (Qwen / Llama 3 shape) plus <see cref="ExtraSpecialTokens"/>.</summary>
    public static HfTokenizer ByteLevel() =>
        Load(ByteLevelFixture.Document(ByteLevelFixture.QwenPreTokenizer(ByteLevelFixture.Llama3Pattern), ByteLevelFixture.ByteLevelProcessor()),
            ExtraSpecialTokens, firstId: 310);

    /// <summary>The SentencePiece fixture (Llama 2 / Mistral shape); its &lt;s&gt; and &lt;/s&gt; are ids 1 and 2.</summary>
    public static HfTokenizer SentencePiece() => SentencePieceFixture.Llama2();

    /// <summary>TinyTokenizer: byte-level BPE with the ChatML special tokens.</summary>
    public static HfTokenizer Tiny() => HfTokenizer.FromJson(TinyTokenizer.TokenizerJson(), "tiny-tokenizer.json");

    public static ChatTemplate TinyChatMl() => new(TinyTokenizer.ChatMlTemplate, bosToken: null, eosToken: "<|im_end|>", name: "tiny-chatml");

    public static ChatTemplate Golden(string fileName) =>
        ChatTemplate.FromTokenizerConfig(Templates.GoldenFiles.TemplatePath($"templates/{fileName}"));

    public static int Id(this HfTokenizer tokenizer, string token) =>
        tokenizer.TokenToId(token) ?? throw new ArgumentException($"{token} is not in the tokenizer");

    public static ChatMessage SystemMessage(string content) => new("system", content);

    public static ChatMessage User(string content) => new("user", content);

    public static ChatMessage Assistant(string content) => new("assistant", content);

    /// <summary>The runs of trained labels, in order: one per trained turn.</summary>
    public static List<int[]> TrainedRuns(int[] labels)
    {
        var runs = new List<int[]>();
        for (int t = 0; t < labels.Length;)
        {
            if (labels[t] == -100)
            {
                t++;
                continue;
            }
            int start = t;
            while (t < labels.Length && labels[t] != -100)
                t++;
            runs.Add(labels[start..t]);
        }
        return runs;
    }

    private static HfTokenizer Load(JsonObject document, IEnumerable<string> extra, int firstId)
    {
        var added = (JsonArray)document["added_tokens"]!;
        int id = firstId;
        foreach (string token in extra)
            added.Add(Json.Added(id++, token));
        return HfTokenizer.FromJson(document.ToJsonString(), "training-fixture.json");
    }
}
