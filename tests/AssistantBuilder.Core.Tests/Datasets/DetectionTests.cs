using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Tests.Datasets;

public sealed class DetectionTests : IDisposable
{
    private const string OpenAiLine = """{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"}]}""";
    private const string ShareGptLine = """{"conversations":[{"from":"human","value":"a"},{"from":"gpt","value":"b"}]}""";
    private const string AlpacaLine = """{"instruction":"a","input":"","output":"b"}""";

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("data.jsonl", OpenAiLine, DatasetFormat.OpenAi)]
    [InlineData("data.txt", OpenAiLine, DatasetFormat.OpenAi)]
    [InlineData("data.jsonl", ShareGptLine, DatasetFormat.ShareGpt)]
    [InlineData("data.json", "[" + ShareGptLine + "]", DatasetFormat.ShareGpt)]
    [InlineData("data.json", """[{"messages":[{"from":"human","value":"a"},{"from":"gpt","value":"b"}]}]""", DatasetFormat.ShareGpt)]
    [InlineData("data.jsonl", AlpacaLine, DatasetFormat.Alpaca)]
    [InlineData("data.json", "[\n" + AlpacaLine + "\n]", DatasetFormat.Alpaca)]
    [InlineData("data.csv", "question,answer\na,b", DatasetFormat.Csv)]
    [InlineData("export.dat", "Prompt,Completion\na,b", DatasetFormat.Csv)]
    [InlineData("chat.txt", "User: a\nAgent: b", DatasetFormat.Transcript)]
    [InlineData("chat.log", "Q: a\nA: b", DatasetFormat.Transcript)]
    public void Detects_the_format_from_the_extension_and_the_first_records(string name, string text, DatasetFormat expected)
    {
        Assert.Equal(expected, _dir.Import(name, text).Format);
    }

    [Fact]
    public void Looks_past_a_broken_first_record()
    {
        ImportResult result = _dir.Import("data.jsonl", ["{broken", AlpacaLine]);

        Assert.Equal(DatasetFormat.Alpaca, result.Format);
        Assert.Equal(1, Assert.Single(result.Rejected).Line);
    }

    [Fact]
    public void Undetectable_text_lists_the_formats_tried()
    {
        var e = Assert.Throws<DatasetException>(() => _dir.Import("notes.txt", "Just some notes.\nNothing else."));

        Assert.StartsWith("could not detect the format of notes.txt; tried openai, sharegpt and alpaca", e.Message);
        Assert.Contains("csv (no header with a prompt and a response column)", e.Message);
        Assert.Contains("transcript (the first line does not start with a known speaker label", e.Message);
    }

    [Fact]
    public void Json_with_unknown_fields_names_the_fields_it_found()
    {
        var e = Assert.Throws<DatasetException>(() => _dir.Import("data.jsonl", """{"text":"a","label":1}"""));

        Assert.StartsWith("could not detect the format of data.jsonl: it looks like JSON, but none of its first 1 records", e.Message);
        Assert.Contains("first: line 1: fields text, label", e.Message);
    }

    [Fact]
    public void An_explicit_format_is_used_as_given()
    {
        var e = Assert.Throws<DatasetException>(
            () => _dir.Import("data.jsonl", [OpenAiLine, OpenAiLine], new ImportOptions { Format = DatasetFormat.Alpaca }));

        Assert.Equal("no usable conversation in data.jsonl: 2 records rejected; first: line 1: missing field 'instruction'", e.Message);
    }
}
