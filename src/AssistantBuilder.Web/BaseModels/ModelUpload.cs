using System.IO.Compression;
using System.Text.RegularExpressions;

namespace AssistantBuilder.Web.BaseModels;

/// <summary>
/// One upload in progress: files (a .zip of an HF model folder, or the folder's files one by one) land in a staging
/// folder; <see cref="CommitAsync"/> checks the model and registers it. Disposing removes whatever is left in staging,
/// so a failed upload leaves nothing behind.
/// </summary>
public sealed partial class ModelUpload : IAsyncDisposable
{
    readonly string _staging, _content;
    readonly long _maxBytes;
    readonly Func<string, string, CancellationToken, Task<ModelSummary>> _register;
    readonly HashSet<string> _plainFiles = new(StringComparer.Ordinal);
    string? _zipStem;
    long _bytes;

    internal ModelUpload(string staging, long maxBytes, Func<string, string, CancellationToken, Task<ModelSummary>> register)
    {
        (_staging, _maxBytes, _register) = (staging, maxBytes, register);
        _content = Path.Combine(staging, "model");
        Directory.CreateDirectory(_content);
    }

    /// <summary>Bytes stored so far (files as written, zips as extracted).</summary>
    public long Bytes => _bytes;

    /// <summary>Adds one uploaded file: a .zip is extracted (every entry checked first), any other file is stored by its name.</summary>
    public async Task AddFileAsync(string fileName, Stream content, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        string name = Path.GetFileName(fileName.Replace('\\', '/'));
        if (name.Length == 0 || name is "." or ".." || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw Bad($"'{fileName}' is not a usable file name.");
        if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            if (_zipStem is not null) throw Bad("Send one .zip per upload.");
            _zipStem = Path.GetFileNameWithoutExtension(name);
            string zip = Path.Combine(_staging, "upload.zip");
            await using (var file = File.Create(zip)) await CopyLimitedAsync(content, file, _maxBytes, progress, ct);
            await ExtractAsync(zip, ct);
            File.Delete(zip);
            return;
        }
        if (!_plainFiles.Add(name)) throw Bad($"'{name}' was sent twice.");
        await using var output = File.Create(Path.Combine(_content, name));
        _bytes += await CopyLimitedAsync(content, output, _maxBytes - _bytes, progress, ct);
    }

    async Task ExtractAsync(string zipPath, CancellationToken ct)
    {
        ZipArchive archive;
        try { archive = ZipFile.OpenRead(zipPath); }
        catch (InvalidDataException) { throw Bad("The uploaded .zip is not a valid zip archive."); }
        using (archive)
        {
            var entries = new List<(ZipArchiveEntry Entry, string Target)>();
            foreach (var entry in archive.Entries)
            {
                string path = entry.FullName.Replace('\\', '/');
                if (path.StartsWith("__MACOSX/", StringComparison.Ordinal) || Path.GetFileName(path) == ".DS_Store") continue;
                string target = Path.GetFullPath(Path.Combine(_content, path));
                if (path.StartsWith('/') || DriveLetter().IsMatch(path) || path.Split('/').Contains("..") || !ModelCatalog.IsInside(_content, target))
                    throw Bad($"The zip entry '{entry.FullName}' points outside the model folder (an absolute path or '..'); nothing was stored.");
                entries.Add((entry, target));
            }
            long declared = entries.Sum(e => e.Entry.Length);
            if (_bytes + declared > _maxBytes) throw TooBig(_bytes + declared);
            foreach (var (entry, target) in entries)
            {
                ct.ThrowIfCancellationRequested();
                if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\')) { Directory.CreateDirectory(target); continue; }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await using var from = entry.Open();
                await using var to = File.Create(target);
                // Entry sizes can lie; count what is actually inflated.
                _bytes += await CopyLimitedAsync(from, to, _maxBytes - _bytes, null, ct);
            }
        }
    }

    /// <summary>
    /// Checks the gathered folder (clear messages for PyTorch .bin, GGUF, adapters, unsupported architectures and a
    /// missing tokenizer) and registers it as <c>models/&lt;name&gt;</c>. The name defaults to the zip's.
    /// </summary>
    public async Task<ModelSummary> CommitAsync(string? name, CancellationToken ct = default)
    {
        name = string.IsNullOrWhiteSpace(name) ? _zipStem ?? SingleFolderName() : name.Trim();
        if (name is null) throw Bad("Name the model: the 'name' field is required when the files are sent one by one.");
        if (!NamePattern().IsMatch(name) || name.EndsWith(".partial", StringComparison.OrdinalIgnoreCase))
            throw Bad($"'{name}' is not a usable model name: use letters, digits, '.', '-' and '_' (at most 100, starting with a letter or digit).");
        string dir = UploadedModelCheck.ModelFolder(_content);
        UploadedModelCheck.Check(dir);
        return await _register(name, dir, ct);
    }

    string? SingleFolderName()
    {
        var dir = UploadedModelCheck.ModelFolder(_content);
        return dir == _content ? null : Path.GetFileName(dir);
    }

    async Task<long> CopyLimitedAsync(Stream from, Stream to, long budget, IProgress<long>? progress, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > budget) throw TooBig(_maxBytes - budget + total);
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
            progress?.Report(total);
        }
        return total;
    }

    ModelRequestException TooBig(long bytes) => new(StatusCodes.Status413PayloadTooLarge,
        $"The upload is larger than the limit of {Size(_maxBytes)} (at least {Size(bytes)}); raise Uploads:MaxModelBytes to allow it.");

    static string Size(long bytes) => bytes >= 1 << 30 ? $"{bytes / (double)(1 << 30):0.##} GiB" : bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):0.##} MiB" : $"{bytes} bytes";

    static ModelRequestException Bad(string message) => new(StatusCodes.Status400BadRequest, message);

    public ValueTask DisposeAsync()
    {
        try { if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true); }
        catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z]:")]
    private static partial Regex DriveLetter();
}
