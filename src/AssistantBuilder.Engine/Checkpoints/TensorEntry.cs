using TorchSharp;

namespace AssistantBuilder.Engine.Checkpoints;

/// <summary>One tensor in a safetensors header: dtype, shape and its byte range in the data section.</summary>
public sealed record TensorEntry(string Name, string DType, torch.ScalarType ScalarType, long[] Shape, long Begin, long End)
{
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);
    public long ByteCount => End - Begin;
    public string ShapeText => $"[{string.Join(", ", Shape)}]";
}
