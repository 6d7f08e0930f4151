using AssistantBuilder.Engine.Modeling;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace AssistantBuilder.Engine.Tests.Modeling;

/// <summary>The managed inference kernels against the libtorch operations they replace (which run when gradients are on).</summary>
public class CpuKernelsTests
{
    static void Close(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        double error = (expected - actual).abs().max().item<float>();
        Assert.True(error < 1e-5, $"max |managed - libtorch| = {error}");
        Assert.True(expected.abs().max().item<float>() > 0.1, "the inputs should not be trivial");
    }

    [Fact]
    public void RmsNorm_with_gradients_off_matches_the_libtorch_path()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var norm = new RmsNorm(48, 1e-5);
        using (no_grad()) norm.parameters().First().copy_(rand(48) + 0.5);
        var x = randn(2, 3, 48) * 3;
        var expected = norm.forward(x).detach();
        Assert.False(CpuKernels.Applies(x), "gradients on: libtorch's path");
        using var noGrad = no_grad();
        Assert.True(CpuKernels.Applies(x));
        Close(expected, norm.forward(x));
    }

    [Theory]
    [InlineData(2, 4, 1, false)] // decoding one token, shared position
    [InlineData(3, 4, 1, true)]  // continuous batching: a position per row
    [InlineData(2, 1, 5, false)] // several tokens of one head: contiguous after the transpose
    public void Rotary_with_gradients_off_matches_the_libtorch_path(int batch, int heads, int tokens, bool perRow)
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        var x = randn(batch, heads, tokens, 16);
        var (cos, sin) = perRow ? (randn(batch, 1, tokens, 16), randn(batch, 1, tokens, 16)) : (randn(tokens, 16), randn(tokens, 16));
        var expected = Rotary.Apply(x, cos, sin);
        using var noGrad = no_grad();
        Assert.True(CpuKernels.Applies(x, cos, sin));
        Close(expected, Rotary.Apply(x, cos, sin));
        Close(expected, CpuKernels.Rotate(x, cos, sin));
    }

    [Fact]
    public void Rotary_on_a_transposed_view_keeps_the_libtorch_path()
    {
        using var scope = NewDisposeScope();
        var x = randn(1, 5, 2, 16).transpose(1, 2); // [B, H, T, D] as Attention makes it for several tokens
        var (cos, sin) = (randn(5, 16), randn(5, 16));
        var expected = Rotary.Apply(x, cos, sin);
        using var noGrad = no_grad();
        Assert.False(CpuKernels.Applies(x, cos, sin));
        Close(expected, Rotary.Apply(x, cos, sin));
    }

    [Fact]
    public void SwiGlu_matches_silu_times_up()
    {
        using var scope = NewDisposeScope();
        var (gate, up) = (randn(3, 40) * 4, randn(3, 40));
        using var noGrad = no_grad();
        Close(F.silu(gate) * up, CpuKernels.SwiGlu(gate, up));
    }

    [Fact]
    public void WriteAt_writes_the_new_positions_of_every_row_and_head_only()
    {
        using var scope = NewDisposeScope();
        var whole = randn(3, 2, 10, 4);
        var buffer = whole.narrow(0, 1, 2);            // a slot cache's view: [2, 2, 10, 4], contiguous
        var before = whole.clone();
        var x = randn(2, 2, 3, 4);
        using var noGrad = no_grad();
        CpuKernels.WriteAt(buffer, 6, x);
        var expected = before.clone();
        expected.narrow(0, 1, 2).narrow(2, 6, 3).copy_(x);
        Assert.True(expected.equal(whole).all().item<bool>(), "only positions 6..8 of slots 1 and 2 change");
    }
}
