using TorchSharp;
using AssistantBuilder.Engine.Lora;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>
/// Causal self-attention with rotary positions and grouped-query attention (Ainslie et al. 2023, arXiv:2305.13245):
/// H query heads share KVH key/value heads, G = H / KVH query heads per key/value head.
/// </summary>
public sealed class Attention : nn.Module<Tensor, ForwardContext, Tensor>
{
    readonly nn.Module<Tensor, Tensor> q_proj, k_proj, v_proj, o_proj;
    readonly int _layer, _heads, _kvHeads, _headDim;

    public Attention(ModelConfig c, int layer, LoraConfig? lora = null, Device? device = null, ScalarType? dtype = null, LoraRouter? router = null) : base(nameof(Attention))
    {
        (_layer, _heads, _kvHeads, _headDim) = (layer, c.NumAttentionHeads, c.NumKeyValueHeads, c.HeadDim);
        string path = $"model.layers.{layer}.self_attn.";
        q_proj = Projection.Create(path + "q_proj", c.HiddenSize, _heads * _headDim, c.QkvBias, lora, device, dtype, router);
        k_proj = Projection.Create(path + "k_proj", c.HiddenSize, _kvHeads * _headDim, c.QkvBias, lora, device, dtype, router);
        v_proj = Projection.Create(path + "v_proj", c.HiddenSize, _kvHeads * _headDim, c.QkvBias, lora, device, dtype, router);
        o_proj = Projection.Create(path + "o_proj", _heads * _headDim, c.HiddenSize, c.OutputBias, lora, device, dtype, router);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, ForwardContext ctx) // [B, T, C] -> [B, T, C]
    {
        long b = x.shape[0], t = x.shape[1], g = _heads / _kvHeads;
        var rows = x.view(b * t, -1); // [B*T, C]: libtorch's linear is several times slower on 3-D inputs at T = 1
        var q = Rotary.Apply(Heads(q_proj.forward(rows), b, _heads), ctx.Cos, ctx.Sin);   // [B, H, T, D]
        var k = Rotary.Apply(Heads(k_proj.forward(rows), b, _kvHeads), ctx.Cos, ctx.Sin); // [B, KVH, T, D]
        var v = Heads(v_proj.forward(rows), b, _kvHeads);                                 // [B, KVH, T, D]
        if (ctx.Cache is { } cache) (k, v) = cache.Append(_layer, ctx.Start, k, v);   // [B, KVH, S, D]
        if (ctx.Causal) return o_proj.forward(CausalAttention(q, k, v, g)).view(b, t, -1);
        // Fold the G query heads of each key/value head into the query axis, so K and V are never copied G times.
        var folded = q.reshape(b, _kvHeads, g * t, _headDim);                       // [B, KVH, G*T, D]
        var mask = ctx.Mask?.unsqueeze(1).repeat(1, 1, g, 1);                      // [B|1, 1, G*T, S]
        var y = F.scaled_dot_product_attention(folded, k, v, mask);                  // [B, KVH, G*T, D]
        y = t == 1 ? y.view(b, _heads * _headDim) // one token: the head order already matches
            : y.reshape(b, _heads, t, _headDim).transpose(1, 2).reshape(b * t, _heads * _headDim);
        return o_proj.forward(y).view(b, t, -1);
    }

    // Causal attention with each key/value head repeated for its G query heads, so that libtorch's fused
    // (flash) kernel runs with is_causal and keeps memory linear in T: the training and prefill path.
    Tensor CausalAttention(Tensor q, Tensor k, Tensor v, long g) // -> [B*T, H*D]
    {
        long b = q.shape[0], t = q.shape[2];
        if (g > 1) (k, v) = (k.repeat_interleave(g, dim: 1), v.repeat_interleave(g, dim: 1)); // [B, H, T, D]
        var y = F.scaled_dot_product_attention(q, k, v, is_casual: true);                       // [B, H, T, D]
        return y.transpose(1, 2).reshape(b * t, _heads * _headDim);
    }

    // [B*T, heads*D] -> [B, heads, T, D]; decoding one token needs no transpose (and so no copies later on).
    Tensor Heads(Tensor rows, long b, int heads) => rows.shape[0] == b
        ? rows.view(b, heads, 1, _headDim)
        : rows.view(b, -1, heads, _headDim).transpose(1, 2);
}
