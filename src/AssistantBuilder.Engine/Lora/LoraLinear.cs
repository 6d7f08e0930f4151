using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Lora;

/// <summary>
/// A frozen Linear plus a trainable low-rank update, as PEFT's LoRA layer:
/// y = base_layer(x) + lora_B(lora_A(dropout(x))) * scaling, with A Kaiming-uniform and B zero at the start,
/// so a new adapter leaves the output unchanged. Merge folds B·A·scaling into the base weight; unmerge takes it out.
/// </summary>
public sealed class LoraLinear : nn.Module<Tensor, Tensor>
{
    readonly Linear base_layer;              // [out, in], frozen
    readonly Linear lora_A;                  // [r, in]
    readonly Linear lora_B;                  // [out, r]
    readonly nn.Module<Tensor, Tensor> lora_dropout;

    public double Scaling { get; }
    public int Rank { get; }
    public bool Merged { get; private set; }

    public LoraLinear(Linear baseLayer, int rank, double scaling, double dropout, Device? device = null, ScalarType? dtype = null) : base(nameof(LoraLinear))
    {
        long inFeatures = baseLayer.weight!.shape[1], outFeatures = baseLayer.weight.shape[0];
        (base_layer, Rank, Scaling) = (baseLayer, rank, scaling);
        lora_A = nn.Linear(inFeatures, rank, hasBias: false, device, dtype); // nn.Linear's own init is PEFT's: kaiming_uniform(a=sqrt(5))
        lora_B = nn.Linear(rank, outFeatures, hasBias: false, device, dtype);
        using (no_grad()) lora_B.weight!.zero_();
        lora_dropout = dropout > 0 ? nn.Dropout(dropout) : nn.Identity();
        RegisterComponents();
        foreach (var p in base_layer.parameters()) p.requires_grad = false;
    }

    public override Tensor forward(Tensor x) // [N, in] -> [N, out]
    {
        var y = base_layer.forward(x);
        if (Merged) return y;
        var down = lora_A.forward(lora_dropout.forward(x.to_type(lora_A.weight!.dtype))); // [N, r]
        // y += scaling · down·Bᵀ in the matmul itself (sgemm's alpha and beta): no [N, out] update, product or sum
        // tensors in the forward pass, and the backward pass scales [N, r] gradients instead of [N, out] ones.
        if (y.dtype == down.dtype && y.dim() == 2) return y.addmm_(down, lora_B.weight!.t(), beta: 1, alpha: (float)Scaling);
        var update = lora_B.forward(down);
        return y + (update * Scaling).to_type(y.dtype);
    }

    /// <summary>ΔW = B·A·scaling, [out, in].</summary>
    public Tensor Delta() => lora_B.weight!.matmul(lora_A.weight!) * Scaling;

    public void Merge()
    {
        if (Merged) return;
        using (no_grad()) using (var delta = Delta()) base_layer.weight!.add_(delta.to_type(base_layer.weight.dtype));
        Merged = true;
    }

    public void Unmerge()
    {
        if (!Merged) return;
        using (no_grad()) using (var delta = Delta()) base_layer.weight!.sub_(delta.to_type(base_layer.weight.dtype));
        Merged = false;
    }

    public Parameter A => lora_A.weight!;
    public Parameter B => lora_B.weight!;
}
