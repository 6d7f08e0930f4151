using AssistantBuilder.Engine.Generation;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Tests.Generation;

public sealed class SamplerTests
{
    static readonly GenerationOptions[] Mixed =
    [
        new() { },                                                                                   // greedy
        new() { Temperature = 1.3, Seed = 1 },                                                       // plain draw
        new() { Temperature = 0.8, TopP = 0.9, RepetitionPenalty = 1.1, Seed = 2 },                  // the app's defaults
        new() { RepetitionPenalty = 3 },                                                             // greedy, penalised
        new() { Temperature = 1.1, TopK = 5, Seed = 3 },
        new() { Temperature = 2, TopK = 40, TopP = 0.5, RepetitionPenalty = 0.8, Seed = 4 },
        new() { Temperature = 1.5, TopK = 3, Seed = 5 },
    ];

    [Fact]
    public void A_batch_of_rows_picks_what_each_row_picks_alone()
    {
        var random = new Random(7);
        var seen = Mixed.Select((_, i) => (IReadOnlyCollection<int>)Enumerable.Range(0, 12 + i).Select(_ => random.Next(64)).ToList()).ToList();
        var batched = Mixed.Select(o => new Sampler(o)).ToList();
        var alone = Mixed.Select(o => new Sampler(o)).ToList();
        manual_seed(0);
        var picked = new List<int[]>();
        for (int step = 0; step < 25; step++)
        {
            using var scope = NewDisposeScope();
            var logits = randn(Mixed.Length, 64) * 3;                                                 // [B, V]
            var together = Sampler.NextRows(logits, batched.Select((s, i) => (s, seen[i])).ToList());
            var separately = alone.Select((s, i) => s.Next(logits[i], seen[i])).ToArray();
            Assert.Equal(separately, together);
            picked.Add(together);
        }
        Assert.True(picked.Select(p => p[1]).Distinct().Count() > 3, "the sampled rows should draw different tokens across steps");
    }

    [Fact]
    public void Top_k_and_top_p_keep_only_the_allowed_tokens_of_each_row()
    {
        using var scope = NewDisposeScope();
        var row = new float[] { 5, 4, 3, 2, 1, 0 };                                                     // tokens 0..5, most likely first
        var logits = tensor(row.Concat(row).Concat(row).ToArray()).view(3, 6);
        // Probabilities at temperature 1: 0.634, 0.233, 0.086, 0.032, 0.012, 0.004.
        var topK = new Sampler(new GenerationOptions { Temperature = 5, TopK = 2, Seed = 1 });
        var topHalf = new Sampler(new GenerationOptions { Temperature = 1, TopP = 0.5, Seed = 2 });
        var top80 = new Sampler(new GenerationOptions { Temperature = 1, TopP = 0.8, Seed = 3 });
        var draws = Enumerable.Range(0, 300).Select(_ => Sampler.NextRows(logits, [(topK, []), (topHalf, []), (top80, [])])).ToList();
        Assert.Equal([0, 1], draws.Select(d => d[0]).Distinct().Order());                            // only the two best at any temperature
        Assert.Equal([0], draws.Select(d => d[1]).Distinct());                                        // token 0 alone holds 63 % >= 50 %
        Assert.Equal([0, 1], draws.Select(d => d[2]).Distinct().Order());                            // 63 % < 80 %, then 87 % >= 80 %
    }
}
