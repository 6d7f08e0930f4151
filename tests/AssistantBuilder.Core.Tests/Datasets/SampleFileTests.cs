using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Tests.Datasets;

/// <summary>Imports the realistic sample files shipped under Data/.</summary>
public sealed class SampleFileTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    [Fact]
    public void Imports_the_openai_support_chats()
    {
        ImportResult result = DatasetImporter.Import(Sample("support_chats.jsonl"), new ImportOptions());

        Assert.Equal(DatasetFormat.OpenAi, result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal(5, result.Conversations.Count);
        Assert.All(result.Conversations, c => Assert.Equal("system", c.Turns[0].Role));
        Assert.False(result.Conversations[2].Turns[2].Train);
        Assert.Equal("Can I get a static IP?\nI run a small web server at home.", result.Conversations[3].Turns[1].Content);
    }

    [Fact]
    public void Imports_the_faq_csv()
    {
        ImportResult result = DatasetImporter.Import(Sample("faq.csv"), new ImportOptions());

        Assert.Equal(DatasetFormat.Csv, result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal([2, 3, 4, 6, 7, 8], result.Conversations.Select(c => c.SourceLine));
        Assert.Equal("How do I reset my password, if I forgot my e-mail too?", result.Conversations[1].Turns[0].Content);
        Assert.StartsWith("Yes. Our \"Fibre 1000\" plan gives up to 1 Gbit/s down and 500 Mbit/s up.\nIt is available", result.Conversations[2].Turns[1].Content);
    }

    [Fact]
    public void Imports_the_helpdesk_transcripts_and_splits_them()
    {
        ImportResult result = DatasetImporter.Import(Sample("helpdesk_transcripts.txt"), new ImportOptions());

        Assert.Equal(DatasetFormat.Transcript, result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal([1, 10, 15], result.Conversations.Select(c => c.SourceLine));
        Assert.Equal(6, result.Conversations[0].Turns.Count);
        Assert.Equal(
            "Thank you. I can see two payments of 39.90 € on 3 March.\nThe second one is a duplicate: I have refunded it just now.\nIt will appear on your account within 3–5 working days.",
            result.Conversations[0].Turns[3].Content);

        var (train, validation) = DatasetSplitter.Split(result.Conversations, 0.1, seed: 3);
        Assert.Equal((2, 1), (train.Count, validation.Count));
    }
}
