using System.Runtime.CompilerServices;
using AssistantBuilder.Engine.Modeling;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Generation;

/// <summary>
/// Autoregressive decoding over token ids: one prefill of the prompt, then one forward pass per new token,
/// with the KV cache (or, for checking, without it: the whole sequence again each step).
/// Yields each new id as soon as it is chosen, the final end-of-sequence id included.
/// </summary>
public sealed class TokenGenerator(CausalLm model)
{
    public CausalLm Model => model;

    public async IAsyncEnumerable<int> GenerateAsync(IReadOnlyList<int> prompt, GenerationOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options.Validate();
        int maxNew = Budget(prompt.Count, options.MaxNewTokens);
        using var cache = options.UseKvCache ? model.NewCache(1, prompt.Count + maxNew) : null;
        var sampler = new Sampler(options);
        var sequence = new List<int>(prompt);
        for (int i = 0; i < maxNew; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var input = cache is null || i == 0 ? sequence : sequence.GetRange(sequence.Count - 1, 1);
            int next = Step(input, cache, sampler, sequence);
            sequence.Add(next);
            yield return next;
            if (options.EosTokenIds.Contains(next)) yield break;
            await Task.Yield();
        }
    }

    int Step(List<int> input, KvCache? cache, Sampler sampler, List<int> seen)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = tensor(input.Select(i => (long)i).ToArray(), device: model.Device).unsqueeze(0); // [1, T]
        var logits = model.Forward(ids, cache, lastTokenOnly: true);                              // [1, 1, V]
        return sampler.Next(logits[0, 0], seen);
    }

    /// <summary>The number of new tokens that fit the model's context after a prompt of this length.</summary>
    public int Budget(int promptLength, int maxNew)
    {
        int context = model.Config.MaxPositionEmbeddings;
        if (promptLength == 0) throw new ArgumentException("the prompt is empty: at least one token is needed");
        if (promptLength >= context)
            throw new ArgumentException($"the prompt has {promptLength} tokens but the model's context holds {context}: shorten it");
        return Math.Min(maxNew, context - promptLength);
    }
}
