using System.Text;
using System.Text.Json;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Checkpoints;

/// <summary>Writes tensors to a .safetensors file (header padded to 8 bytes, tensors in the given order).</summary>
public static class SafeTensorsWriter
{
    public static void Write(string path, IEnumerable<(string Name, Tensor Tensor)> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var list = tensors.Select(t => (t.Name, Tensor: t.Tensor.detach().cpu().contiguous())).ToList();
        try
        {
            var header = BuildHeader(list, metadata);
            string tmp = path + ".tmp";
            using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write))
            {
                stream.Write(BitConverter.GetBytes((long)header.Length));
                stream.Write(header);
                foreach (var (_, tensor) in list) WriteData(stream, tensor);
            }
            File.Move(tmp, path, overwrite: true); // never leave a half-written checkpoint under the real name
        }
        finally { foreach (var (_, t) in list) t.Dispose(); }
    }

    static byte[] BuildHeader(List<(string Name, Tensor Tensor)> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        var root = new Dictionary<string, object>();
        if (metadata is { Count: > 0 }) root["__metadata__"] = metadata;
        long offset = 0;
        foreach (var (name, tensor) in tensors)
        {
            long bytes = tensor.numel() * tensor.ElementSize;
            root[name] = new { dtype = SafeTensorsDType.NameOf(tensor.dtype), shape = tensor.shape, data_offsets = new[] { offset, offset + bytes } };
            offset += bytes;
        }
        var json = JsonSerializer.Serialize(root);
        int padded = (Encoding.UTF8.GetByteCount(json) + 7) / 8 * 8;
        return Encoding.UTF8.GetBytes(json.PadRight(json.Length + padded - Encoding.UTF8.GetByteCount(json)));
    }

    static void WriteData(Stream stream, Tensor tensor)
    {
        const long Chunk = 1 << 28;
        using var contiguous = tensor.contiguous(); // a copy only for strided tensors (column-major weights)
        var flat = contiguous.view(-1);
        long perChunk = Math.Max(1, Chunk / tensor.ElementSize);
        for (long start = 0; start < flat.numel(); start += perChunk)
        {
            using var slice = flat.narrow(0, start, Math.Min(perChunk, flat.numel() - start));
            stream.Write(slice.bytes);
        }
    }
}
