using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Tests.Datasets;

public sealed class OpenAiImportTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_a_good_file_with_unicode_quotes_newlines_and_text_parts()
    {
        ImportResult result = _dir.Import("chats.jsonl",
        [
            """{"messages":[{"role":"system","content":"Tu es « Léa », l'assistante 🤖."},{"role":"user","content":"Quelle est l'adresse?\nMerci"},{"role":"assistant","content":"12 rue de l'Été, 75001 Paris — \"bureau 3\""}]}""",
            """{"messages":[{"role":"user","content":"日本語で答えて"},{"role":"assistant","content":"はい、わかりました。"},{"role":"user","content":"ありがとう"},{"role":"assistant","content":"どういたしまして"}]}""",
            """{"messages":[{"role":"user","content":[{"type":"text","text":"part one, "},{"type":"text","text":"part two"}]},{"role":"assistant","content":"שלום"}]}""",
        ]);

        Assert.Equal(DatasetFormat.OpenAi, result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal(3, result.Conversations.Count);
        Conversation first = result.Conversations[0];
        Assert.Equal(["system", "user", "assistant"], first.Turns.Select(t => t.Role));
        Assert.Equal("Quelle est l'adresse?\nMerci", first.Turns[1].Content);
        Assert.Equal("12 rue de l'Été, 75001 Paris — \"bureau 3\"", first.Turns[2].Content);
        Assert.Equal("Tu es « Léa », l'assistante 🤖.", first.ToMessages()[0].Content);
        Assert.Equal(4, result.Conversations[1].Turns.Count);
        Assert.Equal("part one, part two", result.Conversations[2].Turns[0].Content);
        Assert.Equal([1, 2, 3], result.Conversations.Select(c => c.SourceLine));
    }

    [Fact]
    public void Reports_every_bad_record_with_its_line_and_keeps_the_good_ones()
    {
        ImportResult result = _dir.Import("mixed.jsonl",
        [
            /* 1 */ """{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}""",
            /* 2 */ """{"messages":[{"role":"user","content":"hi"},""",
            /* 3 */ "",
            /* 4 */ """{"messages":[{"role":"user","content":"weather?"},{"role":"tool","content":"{}"}]}""",
            /* 5 */ """{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"  "}]}""",
            /* 6 */ """{"messages":[{"role":"system","content":"be nice"},{"role":"user","content":"hi"}]}""",
            /* 7 */ """{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"},{"role":"user","content":"c"}]}""",
            /* 8 */ """{"messages":[{"role":"user","content":"a"},{"role":"system","content":"b"},{"role":"assistant","content":"c"}]}""",
            /* 9 */ """{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"},{"role":"assistant","content":"c"}]}""",
            /* 10 */ """{"messages":[{"role":"user","content":42},{"role":"assistant","content":"b"}]}""",
            /* 11 */ """{"messages":"user: hi"}""",
            /* 12 */ """{"conversation":[]}""",
            /* 13 */ """{"messages":[{"role":"User","content":"second good"},{"role":"Assistant","content":"kept"}]}""",
            /* 14 */ """{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b","weight":2}]}""",
            /* 15 */ """[{"role":"user","content":"a"}]""",
            /* 16 */ """{"messages":[{"role":"user","content":"a"},{"role":"user","content":"b"},{"role":"assistant","content":"c"}]}""",
            /* 17 */ """{"messages":[{"role":"user","content":"a","weight":0},{"role":"assistant","content":"b"}]}""",
        ]);

        Assert.Equal([1, 13], result.Conversations.Select(c => c.SourceLine));
        Assert.Equal("user", result.Conversations[1].Turns[0].Role);
        Assert.Equal(2, result.Rejected[0].Line);
        Assert.StartsWith("invalid JSON at column ", result.Rejected[0].Reason);
        Assert.Equal(
            [
                new RejectedRecord(4, "unknown role 'tool' in messages[1] (expected system, user or assistant)"),
                new RejectedRecord(5, "empty content in turn 2 (assistant)"),
                new RejectedRecord(6, "no assistant turn"),
                new RejectedRecord(7, "the conversation ends with a user turn instead of an assistant turn"),
                new RejectedRecord(8, "system turn at position 2: a system message may only come first"),
                new RejectedRecord(9, "assistant turn 3 does not follow a user turn"),
                new RejectedRecord(10, "field 'messages[0].content' must be a string, not a number"),
                new RejectedRecord(11, "field 'messages' must be an array, not a string"),
                new RejectedRecord(12, "missing field 'messages'"),
                new RejectedRecord(14, "field 'messages[1].weight' must be 0 or 1, not 2"),
                new RejectedRecord(15, "record must be a JSON object, not an array"),
                new RejectedRecord(16, "two user turns in a row (turns 1 and 2)"),
                new RejectedRecord(17, "field 'messages[0].weight' is only allowed on assistant messages, not on user"),
            ],
            result.Rejected.Skip(1));
    }

    [Fact]
    public void Weight_zero_marks_an_assistant_turn_as_not_trained()
    {
        ImportResult result = _dir.Import("weights.jsonl",
        [
            """{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"old answer","weight":0},{"role":"user","content":"again"},{"role":"assistant","content":"good answer","weight":1}]}""",
            """{"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b","weight":0}]}""",
        ]);

        Conversation kept = Assert.Single(result.Conversations);
        Assert.Equal([true, false, true, true], kept.Turns.Select(t => t.Train));
        Assert.Equal(new RejectedRecord(2, "every assistant turn has weight 0: nothing to train on"), Assert.Single(result.Rejected));
    }

    [Fact]
    public void A_line_with_bytes_that_are_not_utf8_is_rejected_with_its_line()
    {
        byte[] good = "{\"messages\":[{\"role\":\"user\",\"content\":\"caf\u00e9\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\n"u8.ToArray();
        byte[] bad = [.. "{\"messages\":[{\"role\":\"user\",\"content\":\"caf"u8, 0xE9, .. "\"},{\"role\":\"assistant\",\"content\":\"latin-1\"}]}\n"u8];
        byte[] other = "{\"messages\":[{\"role\":\"user\",\"content\":\"na\u00efve\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\n"u8.ToArray();
        string path = _dir.WriteBytes("latin1.jsonl", [.. good, .. bad, .. other]);

        ImportResult result = DatasetImporter.Import(path, new ImportOptions());

        Assert.Equal([1, 3], result.Conversations.Select(c => c.SourceLine));
        Assert.Equal(new RejectedRecord(2, "invalid UTF-8 bytes on line 2 at byte 43"), Assert.Single(result.Rejected));
    }
}
