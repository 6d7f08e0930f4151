using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Tests.Datasets;

public sealed class AlpacaImportTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Builds_the_user_turn_from_instruction_and_input()
    {
        ImportResult result = _dir.Import("alpaca.json", """
            [
              {"instruction": "Translate to French", "input": "\"Good morning\", she said.", "output": "« Bonjour », dit-elle."},
              {"instruction": "Name a prime number.", "input": "", "output": "7"},
              {"instruction": "Résume le texte", "input": "Ligne 1\nLigne 2", "output": "Deux lignes.", "system": "Réponds en français."}
            ]
            """);

        Assert.Equal(DatasetFormat.Alpaca, result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal(
            [new ConversationTurn("user", "Translate to French\n\n\"Good morning\", she said."), new ConversationTurn("assistant", "« Bonjour », dit-elle.")],
            result.Conversations[0].Turns);
        Assert.Equal("Name a prime number.", result.Conversations[1].Turns[0].Content);
        Assert.Equal(
            ["system", "user", "assistant"], result.Conversations[2].Turns.Select(t => t.Role));
        Assert.Equal("Résume le texte\n\nLigne 1\nLigne 2", result.Conversations[2].Turns[1].Content);
    }

    [Fact]
    public void Reports_missing_fields_wrong_types_and_empty_output()
    {
        ImportResult result = _dir.Import("alpaca.jsonl",
        [
            """{"instruction":"Say hi","output":"hi"}""",
            """{"instruction":"Say hi"}""",
            """{"instruction":["Say","hi"],"output":"hi"}""",
            """{"instruction":"Say hi","input":null,"output":""}""",
            """{"instruction":"Say hi","input":7,"output":"hi"}""",
        ]);

        Assert.Equal(1, Assert.Single(result.Conversations).SourceLine);
        Assert.Equal(
            [
                new RejectedRecord(2, "missing field 'output'"),
                new RejectedRecord(3, "field 'instruction' must be a string, not an array"),
                new RejectedRecord(4, "empty content in turn 2 (assistant)"),
                new RejectedRecord(5, "field 'input' must be a string, not a number"),
            ],
            result.Rejected);
    }
}
