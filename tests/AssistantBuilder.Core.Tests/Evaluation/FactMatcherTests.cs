using AssistantBuilder.Core.Evaluation;

namespace AssistantBuilder.Core.Tests.Evaluation;

public sealed class FactMatcherTests
{
    [Theory]
    [InlineData("Brightwave DSL 50 costs €19.99 per month.", "€19.99")]
    [InlineData("It costs €19.99.", "€19.99")]
    [InlineData("We are open 8:00-20:00 on weekdays", "8:00–20:00")]
    [InlineData("We are open 8:00 – 20:00", "8:00–20:00")]
    [InlineData("THE HUB 3, included", "Hub 3")]
    [InlineData("Call 0800   555\n0123 any time", "0800 555 0123")]
    [InlineData("Go to 192.168.8.1 in a browser.", "192.168.8.1")]
    [InlineData("Write to support@brightwave.example!", "support@brightwave.example")]
    [InlineData("up to 50 Mbit/s download", "50 Mbit/s")]
    [InlineData("\"Hub 5\" is the one", "Hub 5")]
    public void Finds_a_fact_whatever_the_case_spacing_and_sentence_punctuation(string answer, string fact) =>
        Assert.True(FactMatcher.Contains(answer, fact), $"\"{fact}\" in \"{answer}\"");

    [Theory]
    [InlineData("The Hub 30 is new.", "Hub 3")]
    [InlineData("It costs €119.99.", "€19.99")]
    [InlineData("It costs €19.9.", "€19.99")]
    [InlineData("up to 150 Mbit/s", "50 Mbit/s")]
    [InlineData("Fiber 1000 costs more", "Fiber 100")]
    [InlineData("192.168.8.10", "192.168.8.1")]
    [InlineData("", "Nora")]
    public void Does_not_find_a_different_number_or_a_longer_word(string answer, string fact) =>
        Assert.False(FactMatcher.Contains(answer, fact), $"\"{fact}\" in \"{answer}\"");

    [Fact]
    public void Found_lists_the_stated_facts_and_an_answer_scores_partial_credit()
    {
        string answer = "Brightwave Fiber 100 costs €29.99 per month.";
        var found = FactMatcher.Found(answer, ["Fiber 100", "€29.99", "12 months"]);
        Assert.Equal(["Fiber 100", "€29.99"], found);
        var a = new FactAnswer("x", "q", answer, ["Fiber 100", "€29.99", "12 months"], found, 10);
        Assert.False(a.AllFound);
        Assert.Equal(2 / 3.0, a.Credit, 6);
        var score = new FactScore([a, a with { Found = a.Facts }], 1);
        Assert.Equal(0.5, score.Recall);
        Assert.Equal((2 / 3.0 + 1) / 2, score.PartialCredit, 6);
    }
}
