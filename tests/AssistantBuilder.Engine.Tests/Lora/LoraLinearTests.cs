using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Tests.Support;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Tests.Lora;

[Collection(TorchRandomCollection.Name)]
public sealed class LoraLinearTests
{
    [Fact]
    public void Output_and_gradients_are_PEFTs_formula()
    {
        manual_seed(11);
        using var scope = NewDisposeScope();
        var layer = new LoraLinear(nn.Linear(8, 6, hasBias: true), rank: 3, scaling: 1.5, dropout: 0);
        using (no_grad()) layer.B.copy_(randn_like(layer.B));
        var x = randn(5, 8).requires_grad_(true);
        var weights = randn(5, 6);
        (layer.forward(x) * weights).sum().backward();

        // The same layer written out: y = x·Wᵀ + b + scaling · (x·Aᵀ)·Bᵀ, with its own copies of the weights.
        var (w, b) = (layer.named_parameters().Single(p => p.name == "base_layer.weight").parameter.detach(), layer.named_parameters().Single(p => p.name == "base_layer.bias").parameter.detach());
        var (a, bMatrix) = (layer.A.detach().clone().requires_grad_(true), layer.B.detach().clone().requires_grad_(true));
        var x2 = x.detach().clone().requires_grad_(true);
        var expected = x2.matmul(w.t()) + b + x2.matmul(a.t()).matmul(bMatrix.t()) * 1.5;
        (expected * weights).sum().backward();

        using (no_grad()) Assert.True(layer.forward(x).allclose(expected, rtol: 1e-5, atol: 1e-5));
        Assert.True(x.grad!.allclose(x2.grad!, rtol: 1e-5, atol: 1e-5));
        Assert.True(layer.A.grad!.allclose(a.grad!, rtol: 1e-5, atol: 1e-5));
        Assert.True(layer.B.grad!.allclose(bMatrix.grad!, rtol: 1e-5, atol: 1e-5));
        Assert.Null(layer.named_parameters().Single(p => p.name == "base_layer.weight").parameter.grad); // frozen
    }
}
