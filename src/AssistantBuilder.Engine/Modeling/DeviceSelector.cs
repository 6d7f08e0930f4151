using TorchSharp;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>Resolves <c>--device auto|cpu|cuda[:N]</c> and the compute dtype that goes with it.</summary>
public static class DeviceSelector
{
    public static Device Resolve(string name) => name.ToLowerInvariant() switch
    {
        "auto" => cuda.is_available() ? CUDA : CPU,
        "cpu" => CPU,
        var s when s.StartsWith("cuda") => cuda.is_available()
            ? new Device(s)
            : throw new ArgumentException($"--device {name}: CUDA is not available (this build has no CUDA libtorch, or no GPU is visible)"),
        _ => throw new ArgumentException($"--device {name}: expected auto, cpu or cuda"),
    };

    /// <summary>bf16 on CUDA, fp32 on CPU, unless asked otherwise ("fp32", "bf16", "fp16").</summary>
    public static ScalarType ComputeDtype(Device device, string? requested = null) => requested?.ToLowerInvariant() switch
    {
        null or "" or "auto" => device.type == DeviceType.CUDA ? ScalarType.BFloat16 : ScalarType.Float32,
        "fp32" or "float32" => ScalarType.Float32,
        "bf16" or "bfloat16" => ScalarType.BFloat16,
        "fp16" or "float16" => ScalarType.Float16,
        _ => throw new ArgumentException($"--dtype {requested}: expected auto, fp32, bf16 or fp16"),
    };
}
