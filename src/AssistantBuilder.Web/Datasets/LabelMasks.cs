using System.Collections.Concurrent;
using AssistantBuilder.Core.Training;

namespace AssistantBuilder.Web.Datasets;

/// <summary>
/// The label-mask previews of model folders, loaded once (tokenizer and template only, no weights) and reloaded
/// when the folder's tokenizer files change.
/// </summary>
public sealed class LabelMasks
{
    readonly ConcurrentDictionary<string, (DateTime Stamp, LabelMaskPreview Preview)> _loaded = new(StringComparer.Ordinal);

    /// <summary>The preview for a model folder; throws what <see cref="LabelMaskPreview.Load"/> throws (nothing is cached then).</summary>
    public LabelMaskPreview For(string modelDirectory)
    {
        string dir = Path.GetFullPath(modelDirectory);
        var stamp = new[] { "tokenizer.json", "tokenizer_config.json", "config.json", "generation_config.json" }
            .Select(f => File.GetLastWriteTimeUtc(Path.Combine(dir, f))).Max();
        if (_loaded.TryGetValue(dir, out var cached) && cached.Stamp == stamp) return cached.Preview;
        var preview = LabelMaskPreview.Load(dir);
        _loaded[dir] = (stamp, preview);
        return preview;
    }
}
