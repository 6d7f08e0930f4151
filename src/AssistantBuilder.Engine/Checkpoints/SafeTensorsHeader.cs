using System.Text.Json;

namespace AssistantBuilder.Engine.Checkpoints;

/// <summary>Parses and validates the JSON header of a safetensors file against the size of its data section.</summary>
static class SafeTensorsHeader
{
    public static (Dictionary<string, TensorEntry> Tensors, Dictionary<string, string> Metadata) Parse(string path, byte[] header, long dataLength)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(header); }
        catch (JsonException ex) { throw new CheckpointException($"{path}: the header is not valid JSON ({ex.Message})", ex); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new CheckpointException($"{path}: the header is not a JSON object");
            var tensors = new Dictionary<string, TensorEntry>(StringComparer.Ordinal);
            var metadata = new Dictionary<string, string>();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                    foreach (var m in property.Value.EnumerateObject()) metadata[m.Name] = m.Value.ToString();
                else
                    tensors[property.Name] = ParseEntry(path, property.Name, property.Value, dataLength);
            }
            return (tensors, metadata);
        }
    }

    static TensorEntry ParseEntry(string path, string name, JsonElement e, long dataLength)
    {
        try
        {
            string dtype = e.GetProperty("dtype").GetString() ?? "";
            if (!SafeTensorsDType.TryParse(dtype, out var type, out int size))
                throw new CheckpointException($"{path}: tensor '{name}' has unsupported dtype '{dtype}'");
            long[] shape = e.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            long[] offsets = e.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            if (shape.Any(d => d < 0) || offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0])
                throw new CheckpointException($"{path}: tensor '{name}' has an invalid shape or data_offsets");
            var entry = new TensorEntry(name, dtype, type, shape, offsets[0], offsets[1]);
            if (entry.ByteCount != entry.ElementCount * size)
                throw new CheckpointException($"{path}: tensor '{name}' {dtype}{entry.ShapeText} needs {entry.ElementCount * size} bytes but data_offsets give {entry.ByteCount}");
            if (entry.End > dataLength)
                throw new CheckpointException($"{path}: truncated: tensor '{name}' ends at byte {entry.End} of the data section, which holds only {dataLength} bytes");
            return entry;
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new CheckpointException($"{path}: tensor '{name}' has a malformed header entry ({ex.Message})", ex);
        }
    }
}
