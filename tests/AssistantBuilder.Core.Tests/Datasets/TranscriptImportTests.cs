using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Tests.Datasets;

public sealed class TranscriptImportTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_the_common_speaker_labels_and_continuation_lines()
    {
        ImportResult result = _dir.Import("chats.txt",
        [
            /* 1 */ "Customer: My router blinks red.",
            /* 2 */ "Support: Please unplug it for 30 seconds.",
            /* 3 */ "Then plug it back in: it should turn green.",
            /* 4 */ "customer: It's green now, merci! 🎉",
            /* 5 */ "SUPPORT:Great, glad it works.",
            /* 6 */ "",
            /* 7 */ "",
            /* 8 */ "Q: Opening hours?",
            /* 9 */ "A: 9–17h, \"Mon-Fri\".",
            /* 10 */ "   ",
            /* 11 */ "System: You are terse.",
            /* 12 */ "Human: Hi",
            /* 13 */ "Assistant: Hello.",
        ]);

        Assert.Equal(DatasetFormat.Transcript, result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal([1, 8, 11], result.Conversations.Select(c => c.SourceLine));
        Assert.Equal(
            [
                new ConversationTurn("user", "My router blinks red."),
                new ConversationTurn("assistant", "Please unplug it for 30 seconds.\nThen plug it back in: it should turn green."),
                new ConversationTurn("user", "It's green now, merci! 🎉"),
                new ConversationTurn("assistant", "Great, glad it works."),
            ],
            result.Conversations[0].Turns);
        Assert.Equal("9–17h, \"Mon-Fri\".", result.Conversations[1].Turns[1].Content);
        Assert.Equal(["system", "user", "assistant"], result.Conversations[2].Turns.Select(t => t.Role));
    }

    [Fact]
    public void Uses_the_callers_speaker_mapping()
    {
        var options = new ImportOptions
        {
            Format = DatasetFormat.Transcript,
            SpeakerRoles = new Dictionary<string, string> { ["Kunde"] = "user", ["Berater"] = "Assistant" },
        };

        ImportResult result = _dir.Import("de.txt", ["KUNDE: Wann kommt die Lieferung?", "Berater: Morgen."], options);

        Assert.Equal(["user", "assistant"], Assert.Single(result.Conversations).Turns.Select(t => t.Role));
    }

    [Fact]
    public void A_mapping_to_an_unknown_role_is_an_argument_error()
    {
        var options = new ImportOptions { SpeakerRoles = new Dictionary<string, string> { ["Bot"] = "robot" } };

        var e = Assert.Throws<ArgumentException>(() => _dir.Import("x.txt", ["Bot: hi"], options));

        Assert.Contains("'robot'", e.Message);
    }

    [Fact]
    public void Reports_unknown_speakers_missing_labels_and_bad_shapes()
    {
        ImportResult result = _dir.Import("mixed.txt",
        [
            /* 1 */ "User: good",
            /* 2 */ "Agent: kept",
            /* 3 */ "",
            /* 4 */ "Manager: who am I?",
            /* 5 */ "Agent: hm",
            /* 6 */ "",
            /* 7 */ "no label at all",
            /* 8 */ "",
            /* 9 */ "User: only a question",
            /* 10 */ "",
            /* 11 */ "Agent: answer first",
            /* 12 */ "User: then question",
        ]);

        Assert.Equal(1, Assert.Single(result.Conversations).SourceLine);
        Assert.Equal(4, result.Rejected[0].Line);
        Assert.StartsWith("unknown speaker 'Manager' (known: system, user, human, customer,", result.Rejected[0].Reason);
        Assert.Equal(
            [
                new RejectedRecord(7, "the conversation does not start with a speaker label such as 'User:'"),
                new RejectedRecord(9, "no assistant turn"),
                new RejectedRecord(11, "assistant turn 1 does not follow a user turn"),
            ],
            result.Rejected.Skip(1));
    }
}
