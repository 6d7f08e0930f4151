using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Tests.Datasets;

public sealed class CsvImportTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_newlines_and_unicode()
    {
        ImportResult result = _dir.Import("faq.csv",
        [
            /* 1 */ "id,Question,Answer",
            /* 2 */ "1,\"How much is shipping, roughly?\",\"About 5 €, or free over 50 €.\"",
            /* 3 */ "2,\"What does \"\"express\"\" mean?\",\"Delivery in 24h.",
            /* 4 */ "",
            /* 5 */ "Order before 2pm.\"",
            /* 6 */ "3,Wo ist mein Paket?,Prüfen Sie die Sendungsnummer 🚚",
        ]);

        Assert.Equal(DatasetFormat.Csv, result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal([2, 3, 6], result.Conversations.Select(c => c.SourceLine));
        Assert.Equal(
            [new ConversationTurn("user", "How much is shipping, roughly?"), new ConversationTurn("assistant", "About 5 €, or free over 50 €.")],
            result.Conversations[0].Turns);
        Assert.Equal("What does \"express\" mean?", result.Conversations[1].Turns[0].Content);
        Assert.Equal("Delivery in 24h.\n\nOrder before 2pm.", result.Conversations[1].Turns[1].Content);
        Assert.Equal("Prüfen Sie die Sendungsnummer 🚚", result.Conversations[2].Turns[1].Content);
    }

    [Fact]
    public void Uses_the_columns_the_caller_names_including_a_system_column()
    {
        var options = new ImportOptions { PromptColumn = "Kundenfrage", ResponseColumn = "antwort", SystemColumn = "Rolle" };

        ImportResult result = _dir.Import("de.csv",
        [
            "Rolle,Kundenfrage,Antwort,Notiz",
            "Du bist höflich.,Hallo?,Guten Tag!,egal",
            ",Tschüss?,Auf Wiedersehen!,",
        ], options);

        Assert.Equal(["system", "user", "assistant"], result.Conversations[0].Turns.Select(t => t.Role));
        Assert.Equal("Du bist höflich.", result.Conversations[0].Turns[0].Content);
        Assert.Equal(["user", "assistant"], result.Conversations[1].Turns.Select(t => t.Role));
    }

    [Fact]
    public void Reports_empty_fields_wrong_field_counts_and_broken_quotes_at_their_lines()
    {
        ImportResult result = _dir.Import("mixed.csv",
        [
            /* 1 */ "prompt,response",
            /* 2 */ "good one,kept",
            /* 3 */ "no answer,",
            /* 4 */ "one,two,three",
            /* 5 */ "\"multi",
            /* 6 */ "line\",kept too",
            /* 7 */ "bad \"quote\" here,x",
            /* 8 */ "\"never closed,y",
            /* 9 */ "lost,z",
        ]);

        Assert.Equal([2, 5], result.Conversations.Select(c => c.SourceLine));
        Assert.Equal(
            [
                new RejectedRecord(3, "empty content in column 'response'"),
                new RejectedRecord(4, "wrong number of fields: the header has 2"),
                new RejectedRecord(7, "malformed CSV: a quote inside an unquoted field"),
                new RejectedRecord(8, "malformed CSV: a quoted field is never closed (the rest of the file was not read)"),
            ],
            result.Rejected);
    }

    [Fact]
    public void A_header_without_a_response_column_is_an_error_naming_the_columns()
    {
        var e = Assert.Throws<DatasetException>(() => _dir.Import("nope.csv", ["question,reply", "a,b"]));

        Assert.Equal(
            "nope.csv: no response column in the CSV header: expected one of response, answer, output, completion, assistant " +
            "(rename it, or name it with ab train --response-column); columns: question, reply",
            e.Message);
    }

    [Fact]
    public void Reads_tab_and_semicolon_separated_files()
    {
        ImportResult tsv = _dir.Import("pairs.tsv", ["input\toutput", "a, b\tc; d"]);
        ImportResult semicolon = _dir.Import("pairs.csv", ["Question;Answer", "a, b;c"]);

        Assert.Equal("c; d", tsv.Conversations[0].Turns[1].Content);
        Assert.Equal("a, b", semicolon.Conversations[0].Turns[0].Content);
    }
}
