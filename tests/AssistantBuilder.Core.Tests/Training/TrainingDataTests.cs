using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Core.Training;
using AssistantBuilder.Engine;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Training;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Core.Tests.Training;

/// <summary>From each import format to labelled examples: only assistant tokens (with weight 1) and their end-of-turn token are trained.</summary>
public sealed class TrainingDataTests : IDisposable
{
    readonly TinyModel _tiny = TinyModel.Create(TinyModel.DefaultConfig() with { MaxPositionEmbeddings = 2048 });
    readonly ChatModel _chat;
    readonly string _dir = Testing.TempDir.Create("training-data");

    public TrainingDataTests() => _chat = ChatModel.LoadForTraining(_tiny.Directory, new LoraConfig { R = 2 });

    string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The trained spans of an example, decoded: one string per contiguous run of labels.</summary>
    List<string> TrainedSpans(TrainingExample e)
    {
        var spans = new List<string>();
        var run = new List<int>();
        for (int i = 0; i <= e.Labels.Length; i++)
        {
            if (i < e.Labels.Length && e.Labels[i] != TrainingExample.IgnoreIndex) { run.Add(e.Labels[i]); continue; }
            if (run.Count > 0) spans.Add(_chat.Tokenizer.Decode(run, skipSpecialTokens: false));
            run.Clear();
        }
        return spans;
    }

    public static TheoryData<string, string, string[]> Formats() => new()
    {
        { "chat.jsonl", """
            {"messages":[{"role":"system","content":"Be kind."},{"role":"user","content":"hi"},{"role":"assistant","content":"hello!"}]}
            {"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"skip me","weight":0},{"role":"user","content":"b"},{"role":"assistant","content":"train me"}]}
            """, ["hello!<|im_end|>", "train me<|im_end|>"] },
        { "share.json", """[{"conversations":[{"from":"human","value":"q1"},{"from":"gpt","value":"a1"},{"from":"human","value":"q2"},{"from":"gpt","value":"a2"}]}]""",
            ["a1<|im_end|>", "a2<|im_end|>"] },
        { "alpaca.json", """[{"instruction":"Add","input":"2 and 2","output":"4"}]""", ["4<|im_end|>"] },
        { "pairs.csv", "prompt,response\n\"hello, you\",\"hi, there\"\n", ["hi, there<|im_end|>"] },
        { "talk.txt", "User: where is it?\nAgent: over there\nUser: thanks\nAgent: any time\n", ["over there<|im_end|>", "any time<|im_end|>"] },
    };

    [Theory, MemberData(nameof(Formats))]
    public void Only_assistant_turns_and_their_end_token_are_trained(string file, string content, string[] expected)
    {
        var data = TrainingData.Prepare(_chat, Write(file, content), new ImportOptions(), null, 512, seed: 1);
        Assert.Empty(data.Rejected);
        Assert.Equal(expected, data.Train.SelectMany(TrainedSpans));
        Assert.All(data.Train, e => Assert.Equal(TinyTokenizer.ImStart, e.InputIds[0]));
    }

    [Fact]
    public void Too_long_conversations_are_rejected_with_their_line_and_the_rest_is_kept()
    {
        string longAnswer = string.Join(" ", Enumerable.Repeat("word", 200));
        string path = Write("mixed.jsonl", $$"""
            {"messages":[{"role":"user","content":"short"},{"role":"assistant","content":"ok"}]}
            {"messages":[{"role":"user","content":"long"},{"role":"assistant","content":"{{longAnswer}}"}]}
            {"messages":[{"role":"user","content":"bad role"},{"role":"robot","content":"x"}]}
            """);
        var data = TrainingData.Prepare(_chat, path, new ImportOptions(), null, 128, seed: 1);
        Assert.Single(data.Train);
        Assert.Contains(data.Rejected, r => r.Line == 2 && r.Reason.Contains("> max_seq_len 128"));
        Assert.Contains(data.Rejected, r => r.Line == 3 && r.Reason.Contains("robot"));
    }

    [Fact]
    public void A_validation_set_is_split_off_by_seed_when_none_is_given()
    {
        string path = Write("many.jsonl", string.Join("\n", Enumerable.Range(0, 30).Select(i =>
            $$"""{"messages":[{"role":"user","content":"question {{i}}"},{"role":"assistant","content":"answer {{i}}"}]}""")));
        var a = TrainingData.Prepare(_chat, path, new ImportOptions(), null, 256, seed: 3);
        var b = TrainingData.Prepare(_chat, path, new ImportOptions(), null, 256, seed: 3);
        Assert.Equal(3, a.Validation.Count);
        Assert.Equal(27, a.Train.Count);
        Assert.Equal(a.Validation.Select(e => e.SourceIndex), b.Validation.Select(e => e.SourceIndex));
        Assert.Empty(a.Train.Select(e => e.SourceIndex).Intersect(a.Validation.Select(e => e.SourceIndex)));
    }

    [Fact]
    public void A_file_with_nothing_usable_is_an_error()
    {
        string path = Write("none.jsonl", """{"messages":[{"role":"user","content":"only a question"}]}""");
        Assert.Throws<DatasetException>(() => TrainingData.Prepare(_chat, path, new ImportOptions(), null, 256, seed: 1));
    }

    public void Dispose()
    {
        _chat.Dispose();
        _tiny.Dispose();
        Testing.TempDir.Delete(_dir);
    }
}
