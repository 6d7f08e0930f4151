using System.Runtime.InteropServices;
using static TorchSharp.torch;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>
/// The small elementwise steps of inference (RMSNorm, rotary, SwiGLU) on managed spans, for fp32 tensors on the CPU
/// with gradients off. Decoding one token runs each of them on a few hundred numbers, where libtorch's per-operation
/// cost (dispatch, TensorIterator set-up, an allocation for each of the 3 to 6 operations a step takes) is most of
/// the time: one output allocation and a vectorised loop (TensorPrimitives) do the same work several times faster.
/// Training (gradients on), CUDA and other dtypes keep the libtorch operations, which autograd needs.
/// </summary>
static class CpuKernels
{
    /// <summary>True when every tensor is fp32, contiguous and on the CPU, and no gradient is being recorded.</summary>
    public static bool Applies(params ReadOnlySpan<Tensor> tensors)
    {
        if (is_grad_enabled()) return false;
        foreach (var t in tensors) if (!Fits(t)) return false;
        return true;
    }

    static bool Fits(Tensor t) => t.dtype == ScalarType.Float32 && t.device_type == TorchSharp.DeviceType.CPU && t.is_contiguous()
        && t.numel() < int.MaxValue / sizeof(float);

    static Span<float> Floats(Tensor t) => MemoryMarshal.Cast<byte, float>(t.bytes);

    /// <summary>weight * x / sqrt(mean(x^2) + eps) over the last axis: x [..., C], weight [C].</summary>
    public static Tensor RmsNorm(Tensor x, Tensor weight, double eps)
    {
        var y = empty_like(x);
        Span<float> xs = Floats(x), ys = Floats(y), w = Floats(weight);
        int c = w.Length;
        for (int row = 0; row < xs.Length; row += c)
        {
            Span<float> xr = xs.Slice(row, c), yr = ys.Slice(row, c);
            float scale = 1f / MathF.Sqrt(TensorPrimitives.SumOfSquares(xr) / c + (float)eps);
            TensorPrimitives.Multiply(xr, scale, yr);
            TensorPrimitives.Multiply(yr, w, yr);
        }
        return y;
    }

    /// <summary>
    /// x * cos + rotate_half(x) * sin (see <see cref="Rotary.Apply"/>) for x [B, H, T, D] and cos, signedSin [T, D]
    /// (shared positions) or [B, 1, T, D] (a position per row).
    /// </summary>
    public static Tensor Rotate(Tensor x, Tensor cos, Tensor signedSin)
    {
        var y = empty_like(x);
        Span<float> xs = Floats(x), ys = Floats(y), cs = Floats(cos), ss = Floats(signedSin);
        int d = (int)x.shape[3], half = d / 2, t = (int)x.shape[2], heads = (int)x.shape[1];
        bool perRow = cos.dim() == 4;
        for (int row = 0; row < xs.Length / d; row++) // row = (b * H + h) * T + i
        {
            int at = (perRow ? row / (heads * t) * t : 0) + row % t;
            Span<float> xr = xs.Slice(row * d, d), yr = ys.Slice(row * d, d), c = cs.Slice(at * d, d), s = ss.Slice(at * d, d);
            TensorPrimitives.Multiply(xr[half..], s[..half], yr[..half]);                  // -x2 * sin
            TensorPrimitives.FusedMultiplyAdd(xr[..half], c[..half], yr[..half], yr[..half]); // + x1 * cos
            TensorPrimitives.Multiply(xr[..half], s[half..], yr[half..]);                  // x1 * sin
            TensorPrimitives.FusedMultiplyAdd(xr[half..], c[half..], yr[half..], yr[half..]); // + x2 * cos
        }
        return y;
    }

    /// <summary>buffer[:, :, start:start + T] = x, for buffer [B, H, capacity, D] and x [B, H, T, D] (the KV cache's write).</summary>
    public static void WriteAt(Tensor buffer, long start, Tensor x)
    {
        Span<float> dst = Floats(buffer), src = Floats(x);
        int block = (int)(x.shape[2] * x.shape[3]), stride = (int)(buffer.shape[2] * buffer.shape[3]), offset = (int)(start * buffer.shape[3]);
        for (int i = 0; i < src.Length / block; i++) src.Slice(i * block, block).CopyTo(dst.Slice(i * stride + offset, block));
    }

    /// <summary>silu(gate) * up = gate * sigmoid(gate) * up, elementwise; both [N, F].</summary>
    public static Tensor SwiGlu(Tensor gate, Tensor up)
    {
        var y = empty_like(gate);
        Span<float> g = Floats(gate), u = Floats(up), ys = Floats(y);
        TensorPrimitives.Sigmoid(g, ys);
        TensorPrimitives.Multiply(ys, g, ys);
        TensorPrimitives.Multiply(ys, u, ys);
        return y;
    }
}
