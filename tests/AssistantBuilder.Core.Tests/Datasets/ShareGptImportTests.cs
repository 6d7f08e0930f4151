using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Tests.Datasets;

public sealed class ShareGptImportTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_a_pretty_printed_json_array_with_every_accepted_shape()
    {
        ImportResult result = _dir.Import("share.json", """
            [
              {
                "conversations": [
                  {"from": "system", "value": "You answer in \"plain\" words."},
                  {"from": "human", "value": "Wie geht's?\nGut?"},
                  {"from": "gpt", "value": "Sehr gut, danke! 😀"}
                ]
              },
              {"conversations": [{"from": "user", "value": "x"}, {"from": "assistant", "value": "y"}], "system": "top-level system"},
              {
                "messages": [{"role": "user", "content": "role/content export"}, {"role": "assistant", "content": "fine"}]
              }
            ]
            """);

        Assert.Equal(DatasetFormat.ShareGpt, result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal([2, 9, 10], result.Conversations.Select(c => c.SourceLine));
        Assert.Equal(
            [new ConversationTurn("system", "You answer in \"plain\" words."), new ConversationTurn("user", "Wie geht's?\nGut?"), new ConversationTurn("assistant", "Sehr gut, danke! 😀")],
            result.Conversations[0].Turns);
        Assert.Equal(new ConversationTurn("system", "top-level system"), result.Conversations[1].Turns[0]);
        Assert.Equal("role/content export", result.Conversations[2].Turns[0].Content);
    }

    [Fact]
    public void Reads_jsonl()
    {
        ImportResult result = _dir.Import("share.jsonl",
        [
            """{"conversations":[{"from":"human","value":"1+1?"},{"from":"gpt","value":"2"}]}""",
            """{"conversations":[{"from":"human","value":"2+2?"},{"from":"gpt","value":"4"}]}""",
        ]);

        Assert.Equal(DatasetFormat.ShareGpt, result.Format);
        Assert.Equal(["2", "4"], result.Conversations.Select(c => c.Turns[1].Content));
    }

    [Fact]
    public void Rejects_bad_elements_of_an_array_at_the_line_where_they_start()
    {
        ImportResult result = _dir.Import("mixed.json", """
            [
              {"conversations": [{"from": "human", "value": "ok"}, {"from": "gpt", "value": "kept"}]},
              {
                "conversations": [
                  {"from": "human", "value": "call the tool"},
                  {"from": "function_call", "value": "{}"}
                ]
              },
              {"conversations": [{"from": "human", "value": 3}, {"from": "gpt", "value": "x"}]},
              "just a string",
              {"conversations": [{"value": "no from"}, {"from": "gpt", "value": "x"}]},
              {"conversations": [{"from": "human", "value": "also"}, {"from": "gpt", "value": "kept"}]}
            ]
            """);

        Assert.Equal([2, 12], result.Conversations.Select(c => c.SourceLine));
        Assert.Equal(
            [
                new RejectedRecord(3, "unknown role 'function_call' in conversations[1] (expected system, user or assistant)"),
                new RejectedRecord(9, "field 'conversations[0].value' must be a string, not a number"),
                new RejectedRecord(10, "record must be a JSON object, not a string"),
                new RejectedRecord(11, "missing field 'conversations[0].from'"),
            ],
            result.Rejected);
    }

    [Fact]
    public void A_syntax_error_in_an_array_keeps_the_elements_before_it_and_reports_its_line()
    {
        ImportResult result = _dir.Import("broken.json", """
            [
              {"conversations": [{"from": "human", "value": "ok"}, {"from": "gpt", "value": "kept"}]},
              {"conversations": [{"from": "human", "value": "ok"} {"from": "gpt", "value": "lost"}]},
              {"conversations": [{"from": "human", "value": "after"}, {"from": "gpt", "value": "not read"}]}
            ]
            """);

        Assert.Equal(2, Assert.Single(result.Conversations).SourceLine);
        RejectedRecord rejected = Assert.Single(result.Rejected);
        Assert.Equal(3, rejected.Line);
        Assert.StartsWith("invalid JSON at column 55: ", rejected.Reason);
        Assert.EndsWith("(the rest of the array was not read)", rejected.Reason);
    }
}
