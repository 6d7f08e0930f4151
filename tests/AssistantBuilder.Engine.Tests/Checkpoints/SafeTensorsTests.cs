using System.Text;
using AssistantBuilder.Engine.Checkpoints;
using AssistantBuilder.Engine.Tests.Support;
using AssistantBuilder.Testing;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Tests.Checkpoints;

public class SafeTensorsTests
{
    static string WriteRaw(string header, byte[] data)
    {
        string path = Path.Combine(TempDir.Create("st"), "x.safetensors");
        var h = Encoding.UTF8.GetBytes(header);
        File.WriteAllBytes(path, [.. BitConverter.GetBytes((long)h.Length), .. h, .. data]);
        return path;
    }

    [Fact]
    public void Reads_a_hand_assembled_file()
    {
        var data = new[] { 1.5f, -2f, 3.25f, 0f, 7f, 8f }.SelectMany(BitConverter.GetBytes)
            .Concat(new ushort[] { 0x3F80, 0xC000 }.SelectMany(BitConverter.GetBytes)).ToArray(); // bf16 1.0, -2.0
        string path = WriteRaw("""{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"b":{"dtype":"BF16","shape":[2],"data_offsets":[24,28]}}""", data);
        using var file = SafeTensorsFile.Open(path);
        Assert.Equal("pt", file.Metadata["format"]);
        using var a = file.Load("a");
        using var b = file.Load("b");
        Assert.Equal([2L, 3L], a.shape);
        Assert.Equal([1.5f, -2f, 3.25f, 0f, 7f, 8f], a.data<float>().ToArray());
        Assert.Equal(ScalarType.BFloat16, b.dtype);
        Assert.Equal([1f, -2f], b.to_type(ScalarType.Float32).data<float>().ToArray());
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.BFloat16)]
    [InlineData(ScalarType.Float16)]
    public void Writer_round_trips_values_shapes_and_dtypes(ScalarType dtype)
    {
        string path = Path.Combine(TempDir.Create("st"), "y.safetensors");
        using var x = randn(3, 5).to_type(dtype);
        using var y = arange(7).to_type(dtype);
        SafeTensorsWriter.Write(path, [("layer.x", x), ("y", y)], new Dictionary<string, string> { ["format"] = "pt" });
        using var file = SafeTensorsFile.Open(path);
        Assert.Equal(2, file.Tensors.Count);
        Assert.Equal(0, BitConverter.ToInt64(File.ReadAllBytes(path)[..8]) % 8); // header padded to 8 bytes
        using var x2 = file.Load("layer.x");
        Assert.Equal(dtype, x2.dtype);
        Assert.True(x2.equal(x).all().item<bool>());
        using var y2 = file.Load("y");
        Assert.True(y2.equal(y).all().item<bool>());
    }

    [Fact]
    public void Truncated_file_names_the_tensor_that_does_not_fit()
    {
        string path = WriteRaw("""{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", new byte[10]);
        var ex = Assert.Throws<CheckpointException>(() => SafeTensorsFile.Open(path));
        Assert.Contains("truncated", ex.Message);
        Assert.Contains("'w'", ex.Message);
    }

    [Theory]
    [InlineData("""{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,12]}}""", "needs 16 bytes")]
    [InlineData("""{"w":{"dtype":"Q4","shape":[4],"data_offsets":[0,16]}}""", "unsupported dtype 'Q4'")]
    [InlineData("""{"w":{"dtype":"F32","shape":[4]}}""", "malformed header entry")]
    [InlineData("""{"w": [1, 2""", "not valid JSON")]
    public void Bad_headers_are_rejected_with_the_reason(string header, string reason)
    {
        string path = WriteRaw(header, new byte[16]);
        var ex = Assert.Throws<CheckpointException>(() => SafeTensorsFile.Open(path));
        Assert.Contains(reason, ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void Too_short_and_missing_files_are_rejected()
    {
        string dir = TempDir.Create("st");
        File.WriteAllBytes(Path.Combine(dir, "short.safetensors"), [1, 2, 3]);
        Assert.Contains("truncated", Assert.Throws<CheckpointException>(() => SafeTensorsFile.Open(Path.Combine(dir, "short.safetensors"))).Message);
        Assert.Contains("not found", Assert.Throws<CheckpointException>(() => SafeTensorsFile.Open(Path.Combine(dir, "none.safetensors"))).Message);
    }
}
