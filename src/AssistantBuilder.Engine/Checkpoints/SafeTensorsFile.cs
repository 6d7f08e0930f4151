using System.IO.MemoryMappedFiles;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Checkpoints;

/// <summary>
/// Reads a .safetensors file: an 8-byte little-endian header length, a JSON header, then raw tensor data.
/// The file is memory-mapped; tensors are copied straight from the mapping into their destination, so no
/// second full copy of the checkpoint is ever held in memory. Format: https://github.com/huggingface/safetensors
/// </summary>
public sealed unsafe class SafeTensorsFile : IDisposable
{
    const long MaxHeaderBytes = 100L << 20;
    readonly MemoryMappedFile _map;
    readonly MemoryMappedViewAccessor _view;
    readonly byte* _data;

    public string Path { get; }
    public IReadOnlyDictionary<string, TensorEntry> Tensors { get; }
    public IReadOnlyDictionary<string, string> Metadata { get; }

    SafeTensorsFile(string path, MemoryMappedFile map, MemoryMappedViewAccessor view, long dataStart,
        Dictionary<string, TensorEntry> tensors, Dictionary<string, string> metadata)
    {
        (Path, _map, _view, Tensors, Metadata) = (path, map, view, tensors, metadata);
        byte* basePtr = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref basePtr);
        _data = basePtr + view.PointerOffset + dataStart;
    }

    public static SafeTensorsFile Open(string path)
    {
        if (!File.Exists(path)) throw new CheckpointException($"{path}: file not found");
        long length = new FileInfo(path).Length;
        if (length < 8) throw new CheckpointException($"{path}: truncated ({length} bytes; a safetensors file starts with an 8-byte header length)");
        long headerLength = ReadHeaderLength(path);
        if (headerLength <= 0 || headerLength > MaxHeaderBytes || 8 + headerLength > length)
            throw new CheckpointException($"{path}: header length {headerLength} does not fit a {length}-byte file (truncated or not safetensors)");
        var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        try
        {
            var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            var header = new byte[headerLength];
            view.ReadArray(8, header, 0, header.Length);
            var (tensors, metadata) = SafeTensorsHeader.Parse(path, header, length - 8 - headerLength);
            return new SafeTensorsFile(path, map, view, 8 + headerLength, tensors, metadata);
        }
        catch { map.Dispose(); throw; }
    }

    static long ReadHeaderLength(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> buffer = stackalloc byte[8];
        stream.ReadExactly(buffer);
        return BitConverter.ToInt64(buffer);
    }

    /// <summary>The raw bytes of one tensor, straight from the mapping.</summary>
    public ReadOnlySpan<byte> Bytes(TensorEntry entry, long offset, int count) => new(_data + entry.Begin + offset, count);

    /// <summary>Copies a tensor into a new CPU tensor of its stored dtype.</summary>
    public Tensor Load(string name)
    {
        var entry = Tensors.TryGetValue(name, out var e) ? e : throw new CheckpointException($"{Path}: no tensor named '{name}'");
        var tensor = empty(entry.Shape, entry.ScalarType);
        CopyInto(entry, tensor);
        return tensor;
    }

    /// <summary>Copies the stored bytes into a contiguous CPU tensor of the same dtype and element count.</summary>
    public void CopyInto(TensorEntry entry, Tensor destination)
    {
        if (destination.dtype != entry.ScalarType || destination.numel() != entry.ElementCount || !destination.is_contiguous())
            throw new ArgumentException($"destination for {entry.Name} must be a contiguous {entry.ScalarType} tensor of {entry.ElementCount} elements");
        const int Chunk = 1 << 30;
        var flat = destination.view(-1);
        long elementSize = entry.ElementCount == 0 ? 1 : entry.ByteCount / entry.ElementCount;
        for (long done = 0; done < entry.ByteCount; done += Chunk)
        {
            int count = (int)Math.Min(Chunk, entry.ByteCount - done);
            using var slice = flat.narrow(0, done / elementSize, count / elementSize);
            Bytes(entry, done, count).CopyTo(slice.bytes);
        }
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _map.Dispose();
    }
}
