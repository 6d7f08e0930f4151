using AssistantBuilder.Core.Comparison;

namespace AssistantBuilder.Core.Tests.Comparison;

/// <summary>Token F1, ROUGE-L and perplexity against values worked out by hand.</summary>
public sealed class AnswerMetricsTests
{
    [Fact]
    public void Token_f1_counts_shared_words_as_a_multiset()
    {
        // answer: the cat sat on the mat (6); reference: the cat is on the mat today (7); shared: the×2, cat, on, mat = 5
        // P = 5/6, R = 5/7, F1 = 2PR/(P+R) = 10/13
        Assert.Equal(10.0 / 13, AnswerMetrics.TokenF1("The cat sat on the mat.", "the cat is on the mat today"), 10);
    }

    [Fact]
    public void Rouge_l_uses_word_order_where_f1_does_not()
    {
        // same words, so F1 = 1; LCS of [mat the cat] and [the cat mat] is "the cat" = 2: P = R = 2/3, F = 2/3
        Assert.Equal(1.0, AnswerMetrics.TokenF1("mat the cat", "the cat mat"), 10);
        Assert.Equal(2.0 / 3, AnswerMetrics.RougeL("mat the cat", "the cat mat"), 10);
        // 6 vs 7 words with LCS "the cat on the mat" = 5: 10/13 as for F1
        Assert.Equal(10.0 / 13, AnswerMetrics.RougeL("the cat sat on the mat", "the cat is on the mat today"), 10);
    }

    [Fact]
    public void Case_and_punctuation_do_not_count_and_empty_texts_are_edge_cases()
    {
        Assert.Equal(1.0, AnswerMetrics.TokenF1("It costs €19.99!", "it COSTS 19 99"), 10);
        Assert.Equal(0.0, AnswerMetrics.TokenF1("", "something"));
        Assert.Equal(0.0, AnswerMetrics.RougeL("something", "?!"));
        Assert.Equal(1.0, AnswerMetrics.RougeL("", ""));
        Assert.Equal(0.0, AnswerMetrics.TokenF1("alpha beta", "gamma delta"));
    }

    [Fact]
    public void Longest_common_subsequence_is_not_a_substring()
    {
        Assert.Equal(3, AnswerMetrics.LongestCommonSubsequence(["a", "x", "b", "y", "c"], ["a", "b", "c"]));
        Assert.Equal(0, AnswerMetrics.LongestCommonSubsequence([], ["a"]));
    }

    [Fact]
    public void Perplexity_is_exp_of_the_mean_negative_log_probability()
    {
        // p = 1/2 then 1/4: mean NLL = ln 8 / 2, perplexity = √8
        Assert.Equal(Math.Sqrt(8), AnswerMetrics.Perplexity([Math.Log(0.5), Math.Log(0.25)])!.Value, 10);
        Assert.Equal(1.0, AnswerMetrics.Perplexity([0.0, 0.0])!.Value, 10);
        Assert.Null(AnswerMetrics.Perplexity([]));
    }
}
