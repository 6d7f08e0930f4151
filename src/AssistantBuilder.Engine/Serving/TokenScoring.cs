using AssistantBuilder.Engine.Modeling;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Serving;

/// <summary>Teacher-forced scoring: how likely the model finds given tokens, one forward pass without a cache.</summary>
public static class TokenScoring
{
    /// <summary>log p(ids[t] | ids[..t]) for t = from .. ids.Count-1 (natural log), as CausalLoss reads logits: position t-1 predicts t.</summary>
    public static double[] LogProbs(CausalLm model, IReadOnlyList<int> ids, int from)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var input = tensor(ids.Select(i => (long)i).ToArray(), device: model.Device).unsqueeze(0);  // [1, T]
        var hidden = model.Hidden(input);                                                           // [1, T, C]
        int n = ids.Count - from;
        var rows = hidden[0].narrow(0, from - 1, n);                                                // [n, C]
        var logProbs = model.Logits(rows).to_type(ScalarType.Float32).log_softmax(1);               // [n, V]
        var targets = tensor(ids.Skip(from).Select(i => (long)i).ToArray(), device: model.Device).unsqueeze(1);
        var picked = logProbs.gather(1, targets).squeeze(1).to(ScalarType.Float64, CPU);
        return picked.data<double>().ToArray();
    }
}
