using AssistantBuilder.Engine.Lora;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>
/// A Llama-family causal language model (HF's LlamaForCausalLM / Qwen2ForCausalLM / MistralForCausalLM):
/// <c>model</c> then <c>lm_head</c>, or the embedding matrix when <c>tie_word_embeddings</c> is set.
/// </summary>
public sealed class CausalLm : nn.Module<Tensor, Tensor>
{
    readonly Model model;
    readonly Linear? lm_head;
    readonly Rotary _rotary;

    public ModelConfig Config { get; }
    public Device Device { get; private set; }
    public ScalarType DType { get; }
    /// <summary>The LoRA adapter layout, when the projections carry adapters.</summary>
    public LoraConfig? Lora { get; }
    /// <summary>Chooses adapters per row at run time, when the model was built to serve several (no LoRA config then).</summary>
    public LoraRouter? Router { get; }

    public CausalLm(ModelConfig config, Device? device = null, ScalarType dtype = ScalarType.Float32, LoraConfig? lora = null, LoraRouter? router = null) : base(nameof(CausalLm))
    {
        if (lora is not null && router is not null) throw new ArgumentException("a model has either one trainable LoRA adapter or a router for several, not both");
        (Config, Device, DType, Lora, Router) = (config, device ?? CPU, dtype, lora, router);
        model = new Model(config, lora, Device, dtype, router);
        if (!config.TieWordEmbeddings) lm_head = nn.Linear(config.HiddenSize, config.VocabSize, hasBias: false, Device, dtype);
        _rotary = new Rotary(config);
        RegisterComponents();
        if (lora is not null) // as PEFT: with an adapter, only the adapter trains
            foreach (var (name, p) in named_parameters()) p.requires_grad = Projection.IsLoraParameter(name);
    }

    public override Tensor forward(Tensor inputIds) => Forward(inputIds);

    /// <summary>
    /// Logits [B, T, V] for input ids [B, T] (or [B, 1, V] with <paramref name="lastTokenOnly"/>).
    /// With a cache, the inputs continue the cached sequence and are appended to it.
    /// <paramref name="keyMask"/> [B, S] marks real (true) and padding (false) keys; right padding needs none.
    /// </summary>
    public Tensor Forward(Tensor inputIds, KvCache? cache = null, Tensor? keyMask = null, bool lastTokenOnly = false)
    {
        var hidden = Hidden(inputIds, cache, keyMask);                    // [B, T, C]
        if (lastTokenOnly) hidden = hidden.narrow(1, hidden.shape[1] - 1, 1);
        return Logits(hidden.reshape(-1, Config.HiddenSize)).view(hidden.shape[0], hidden.shape[1], -1);
    }

    /// <summary>The final hidden states [B, T, C] (after the last norm), before the language-model head.</summary>
    public Tensor Hidden(Tensor inputIds, KvCache? cache = null, Tensor? keyMask = null)
    {
        long t = inputIds.shape[1], start = cache?.Length ?? 0;
        var (cos, sin) = _rotary.Range(start, t, Device);
        // A fresh sequence without padding keys is plain causal attention: no mask tensor, the fused kernel's fast path.
        bool causal = start == 0 && t > 1 && keyMask is null;
        var ctx = new ForwardContext(cos.to_type(DType), sin.to_type(DType), causal ? null : AttentionMask(start, t, keyMask), cache, start, causal);
        var hidden = model.forward(inputIds, ctx);
        cache?.Advance(t);
        return hidden;
    }

    /// <summary>
    /// Logits [B, V] for one new token per row, where each row is a sequence of its own at its own position
    /// (continuous batching): ids [B, 1]; positions [B], the number of tokens each row has cached so far;
    /// mask [B, 1, S] bool over the cached keys each row may see (null: all S); the cache stores each row apart.
    /// </summary>
    public Tensor DecodeRows(Tensor inputIds, Tensor positions, long maxPosition, Tensor? mask, IKvCache cache)
    {
        var (cos, sin) = _rotary.At(positions, maxPosition, Device);                         // [B, 1, 1, D]
        var ctx = new ForwardContext(cos.to_type(DType), sin.to_type(DType), mask, cache, Start: -1);
        var hidden = model.forward(inputIds, ctx);                                             // [B, 1, C]
        return Logits(hidden.view(-1, Config.HiddenSize));                                     // [B, V]
    }

    /// <summary>Logits [N, V] for hidden-state rows [N, C] (2-D: the fast path of libtorch's linear).</summary>
    public Tensor Logits(Tensor rows) => lm_head is null ? nn.functional.linear(rows, model.EmbeddingWeight) : lm_head.forward(rows);

    // [B|1, T, S] bool: query at position start+i may attend to key j when j <= start+i and key j is real.
    // Every query keeps its own position, so a padding row never attends to nothing (which would give NaN).
    Tensor? AttentionMask(long start, long t, Tensor? keyMask)
    {
        if (t == 1 && keyMask is null) return null;
        var queries = arange(start, start + t, device: Device).unsqueeze(1); // [T, 1]
        var keys = arange(start + t, device: Device).unsqueeze(0);           // [1, S]
        var mask = (keys <= queries).unsqueeze(0);                           // [1, T, S]
        if (keyMask is null) return mask;
        return (mask & keyMask.to(ScalarType.Bool).unsqueeze(1)) | (keys == queries).unsqueeze(0);
    }

    /// <summary>
    /// Fresh weights for training from scratch, as HF's LlamaPreTrainedModel._init_weights: every Linear and the
    /// embedding drawn from N(0, std), biases zero, norm weights one (std is config.json's initializer_range, 0.02).
    /// </summary>
    public void InitializeWeights(double std = 0.02)
    {
        using var noGrad = no_grad();
        foreach (var (name, p) in named_parameters())
        {
            if (name.EndsWith("norm.weight", StringComparison.Ordinal)) p.fill_(1);
            else if (name.EndsWith(".bias", StringComparison.Ordinal)) p.zero_();
            else p.normal_(0, std);
        }
    }

    /// <summary>Every LoRA-wrapped projection with its module path, e.g. "model.layers.0.self_attn.q_proj".</summary>
    public IEnumerable<(string Path, LoraLinear Layer)> LoraLayers() =>
        named_modules().Where(m => m.module is LoraLinear).Select(m => (m.name, (LoraLinear)m.module));

    /// <summary>Every routed projection with its module path (a model built with a <see cref="Router"/>).</summary>
    public IEnumerable<(string Path, RoutedLinear Layer)> RoutedLayers() =>
        modules().OfType<RoutedLinear>().Select(l => (l.Path, l));

    public KvCache NewCache(long batch, long capacity) => new(Config, batch, capacity, Device, DType);

    /// <summary>
    /// For inference on the CPU: stores every weight matrix (projections, LM head, embeddings) column-major, as an
    /// [out, in] view of a contiguous [in, out] buffer. Names, shapes and values stay; libtorch's linear (x·Wᵀ) then
    /// hands MKL a plain row-major Wᵀ, which at a few rows (batched decode) runs about a third faster than the
    /// transposed case that repacks W on every call (docs/benchmarks.md, issue 6). Training works on either layout.
    /// </summary>
    public void UseColumnMajorWeights()
    {
        using var noGrad = no_grad();
        foreach (var module in modules())
        {
            if (module is Linear linear) ToColumnMajor(linear.weight!, w => linear.weight = w);
            else if (module is Embedding embedding) ToColumnMajor(embedding.weight!, w => embedding.weight = w);
        }
    }

    // The old buffer is freed at once, not when the GC gets to it: a large model holds one extra matrix at a time.
    static void ToColumnMajor(Parameter old, Action<Parameter> replace)
    {
        using (var transposed = old.t().contiguous()) replace(new Parameter(transposed.t(), old.requires_grad)); // over [in, out]
        old.Dispose();
    }

    public CausalLm MoveTo(Device device)
    {
        this.to(device);
        Device = device;
        return this;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _rotary.Dispose();
        base.Dispose(disposing);
    }
}
