using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Lora;

/// <summary>
/// A base Linear whose output gets the low-rank updates of whichever adapters the <see cref="LoraRouter"/> assigns
/// to the rows of the current forward pass: one copy of the base weights serves many adapters, none merged.
/// </summary>
public sealed class RoutedLinear : nn.Module<Tensor, Tensor>
{
    readonly Linear base_layer; // [out, in], as PEFT names the wrapped Linear
    readonly LoraRouter _router;

    public string Path { get; }
    public long InFeatures => base_layer.weight!.shape[1];
    public long OutFeatures => base_layer.weight!.shape[0];

    public RoutedLinear(Linear baseLayer, string path, LoraRouter router) : base(nameof(RoutedLinear))
    {
        (base_layer, Path, _router) = (baseLayer, path, router);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) // [N, in] -> [N, out]
    {
        var y = base_layer.forward(x);
        return _router.Active ? _router.Apply(Path, x, y) : y;
    }
}
