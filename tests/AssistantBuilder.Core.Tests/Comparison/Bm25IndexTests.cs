using AssistantBuilder.Core.Comparison;

namespace AssistantBuilder.Core.Tests.Comparison;

/// <summary>BM25 scores against the formula worked by hand for three tiny documents.</summary>
public sealed class Bm25IndexTests
{
    // N = 3, lengths 2, 2, 3: avgdl = 7/3. For a two-word document |D|/avgdl = 6/7, so a term seen once weighs
    // 2.2 / (1 + 1.2 · (0.25 + 0.75 · 6/7)) = 1.0620690.
    readonly Bm25Index _index = new(["Reset router", "router price?", "opening hours today"]);

    [Fact]
    public void Idf_is_lucenes_non_negative_form()
    {
        Assert.Equal(Math.Log(8.0 / 3), _index.Idf("reset"), 10);   // n = 1: ln(1 + 2.5/1.5)
        Assert.Equal(Math.Log(1.6), _index.Idf("router"), 10);      // n = 2: ln(1 + 1.5/2.5)
        Assert.Equal(Math.Log(8.0), _index.Idf("absent"), 10);      // n = 0: ln(1 + 3.5/0.5)
    }

    [Fact]
    public void Scores_match_the_hand_computed_values()
    {
        var scores = _index.Scores("How do I RESET my router");
        Assert.Equal(1.5408846, scores[0], 6); // (idf(reset) + idf(router)) · 1.0620690
        Assert.Equal(0.4991763, scores[1], 6); // idf(router) · 1.0620690
        Assert.Equal(0.0, scores[2]);
    }

    [Fact]
    public void Top_returns_best_first_and_leaves_out_documents_with_no_shared_word()
    {
        Assert.Equal([0, 1], _index.Top("reset router", 5));
        Assert.Equal([1], _index.Top("price", 5));
        Assert.Empty(_index.Top("nothing in common", 5));
        Assert.Single(_index.Top("reset router", 1));
    }
}
