using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace AssistantBuilder.Engine.Lora;

/// <summary>
/// Which rows of the next forward pass use which adapter, for every <see cref="RoutedLinear"/> of one model.
/// Set before a forward and cleared after it, by the one thread that runs the model. Each adapter adds
/// scaling * (x A^T) B^T to its own rows only, as PEFT's LoRA layer does at inference (no dropout).
/// </summary>
public sealed class LoraRouter
{
    IReadOnlyList<(LoraWeights Adapter, Tensor? Rows)> _groups = [];

    public bool Active => _groups.Count > 0;

    /// <summary>Rows: [n] long indices into the [N, in] projection inputs (one row per sequence when decoding), or null for all rows.</summary>
    public void Route(IReadOnlyList<(LoraWeights Adapter, Tensor? Rows)> groups) => _groups = groups;

    public void Clear() => _groups = [];

    internal Tensor Apply(string path, Tensor x, Tensor y) // x [N, in], y [N, out] -> [N, out]
    {
        foreach (var (adapter, rows) in _groups)
        {
            if (!adapter.Deltas.TryGetValue(path, out var d)) continue;
            var input = (rows is null ? x : x.index_select(0, rows)).to_type(d.A.dtype); // [n, in]
            var update = (F.linear(F.linear(input, d.A), d.B) * d.Scaling).to_type(y.dtype); // [n, out]
            y = rows is null ? y + update : y.index_add(0, rows, update, 1);
        }
        return y;
    }
}
