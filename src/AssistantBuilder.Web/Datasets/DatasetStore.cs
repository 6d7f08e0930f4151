using System.Text.Json;
using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Core.Storage;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssistantBuilder.Web.Datasets;

/// <summary>
/// Imports, lists, renames and deletes datasets. An upload is streamed to datasets/.incoming/ (size-limited),
/// imported with the Core importer, then stored in the artifact store as datasets/&lt;id&gt;/&lt;file&gt; and only then
/// given its row; a refused or failed import leaves neither a file nor a row.
/// </summary>
public sealed class DatasetStore(
    IDbContextFactory<AppDbContext> dbs, DataPaths paths, IArtifactStore artifacts, IOptions<UploadLimits> limits, LabelMasks masks,
    ILogger<DatasetStore> log)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    const int MaxNameLength = 100;

    public UploadLimits Limits => limits.Value;
    string Incoming => Path.Combine(paths.Datasets, ".incoming");

    public async Task<IReadOnlyList<DatasetSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Datasets.AsNoTracking().ToListAsync(ct);
        return rows.OrderByDescending(d => d.CreatedAt).Select(DatasetSummary.From).ToList();
    }

    public async Task<DatasetDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is { } row ? Detail(row) : null;
    }

    /// <summary>Receives and imports an upload in one go.</summary>
    /// <exception cref="DatasetProblem">Bad file name (400), too large (413), or nothing usable in it (422).</exception>
    public async Task<DatasetDetail> ImportAsync(Stream content, string fileName, string? name, string? format, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var parsed = ParseFormat(format);
        using var staged = await StageAsync(content, fileName, progress, ct);
        return await ImportStagedAsync(staged, name, parsed, ct);
    }

    /// <summary>Streams <paramref name="content"/> into datasets/.incoming/, reporting the bytes copied so far.</summary>
    /// <exception cref="DatasetProblem">Bad file name (400) or more than <see cref="UploadLimits.MaxBytes"/> (413).</exception>
    public async Task<StagedUpload> StageAsync(Stream content, string fileName, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        string clean = DatasetFileName.Clean(fileName);
        Directory.CreateDirectory(Incoming);
        string temp = Path.Combine(Incoming, $"{Guid.NewGuid():N}.part");
        long total = 0;
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > Limits.MaxBytes) throw DatasetProblem.TooLarge(Limits.TooLarge(clean, null));
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    progress?.Report(total);
                }
            }
            return new StagedUpload(temp, clean, total);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Imports a staged upload: refused (422, with every rejected record) when no conversation is usable.</summary>
    /// <param name="mapping">The user's CSV column and transcript speaker names; with one, the conversations are stored as OpenAI chat JSONL.</param>
    public async Task<DatasetDetail> ImportStagedAsync(StagedUpload staged, string? name, DatasetFormat format, CancellationToken ct = default, ImportMapping? mapping = null)
    {
        string datasetName = CleanName(name) ?? Path.GetFileNameWithoutExtension(staged.FileName);
        bool convert = mapping is { IsEmpty: false };
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (options, tokenizerModel) = await OptionsAsync(db, format, ct);
        if (convert)
        {
            try { options = mapping!.Apply(options); }
            catch (ArgumentException ex) { throw DatasetProblem.BadRequest(ex.Message); }
        }
        ImportResult result;
        try
        {
            result = await Task.Run(() =>
            {
                using var stream = File.OpenRead(staged.TempPath);
                return DatasetImporter.Import(stream, staged.FileName, options);
            }, ct);
        }
        catch (DatasetException e)
        {
            throw DatasetProblem.Unusable(e.Message, e.Rejected);
        }

        var row = new Dataset
        {
            Name = datasetName, Format = convert ? FormatName(DatasetFormat.OpenAi) : FormatName(result.Format), OriginalFileName = staged.FileName, StoredFile = "",
            SizeBytes = staged.SizeBytes, Conversations = result.Conversations.Count, RejectedCount = result.Rejected.Count,
            ReportJson = JsonSerializer.Serialize(new DatasetReport(result.Statistics, result.Rejected, tokenizerModel), Json),
        };
        string folder = FolderKey(row.Id);
        string key = $"{folder}/{(convert ? Path.GetFileNameWithoutExtension(staged.FileName) + ".jsonl" : staged.FileName)}";
        if (ArtifactKey.Problem(key) is not null)
            throw DatasetProblem.BadRequest($"the file name '{staged.FileName}' cannot be stored (it would leave the dataset folder)");
        row.StoredFile = key; // the artifact key is also the path relative to the data directory

        // Store, then insert: if the insert fails the artifact goes too, so nothing is half-stored.
        try
        {
            await artifacts.PutFileAsync(key, convert ? Converted(staged, result) : staged.TempPath, CancellationToken.None);
            db.Datasets.Add(row);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            await DeleteFolderAsync(folder);
            throw;
        }
        log.LogInformation("Imported dataset {Name} ({Id}): {Conversations} conversations, {Rejected} rejected", row.Name, row.Id, row.Conversations, row.RejectedCount);
        return Detail(row);
    }

    // The conversations as OpenAI chat JSONL beside the staged file (disposed with it if storing fails).
    static string Converted(StagedUpload staged, ImportResult result)
    {
        string path = staged.TempPath + ".jsonl";
        using (var file = File.Create(path)) OpenAiJsonlWriter.Write(result.Conversations, file);
        return path;
    }

    /// <summary>Imports a shipped sample (null when there is no sample of that name).</summary>
    public async Task<DatasetDetail?> ImportSampleAsync(SampleDataset? sample, CancellationToken ct = default)
    {
        if (sample is null) return null;
        await using var stream = File.OpenRead(sample.Path);
        return await ImportAsync(stream, sample.FileName, sample.Name, null, null, ct);
    }

    /// <summary>Renames a dataset; null when it does not exist.</summary>
    /// <exception cref="DatasetProblem">400: the name is empty or too long.</exception>
    public async Task<DatasetSummary?> RenameAsync(Guid id, string? name, CancellationToken ct = default)
    {
        string clean = CleanName(name) ?? throw DatasetProblem.BadRequest("name: give the dataset a name (it may not be empty)");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Datasets.FindAsync([id], ct) is not { } row) return null;
        row.Name = clean;
        await db.SaveChangesAsync(ct);
        return DatasetSummary.From(row);
    }

    /// <summary>Deletes the row, then the folder with the file; false when there is no such dataset.</summary>
    /// <exception cref="DatasetProblem">409: fine-tuning jobs use it.</exception>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Datasets.FindAsync([id], ct) is not { } row) return false;
        int jobs = await db.TrainingJobs.CountAsync(j => j.DatasetId == id, ct);
        if (jobs > 0)
            throw DatasetProblem.Conflict($"'{row.Name}' is used by {jobs} fine-tuning job{(jobs == 1 ? "" : "s")}; delete those jobs first.");
        db.Datasets.Remove(row);
        await db.SaveChangesAsync(ct);
        await DeleteFolderAsync(FolderKey(id));
        return true;
    }

    /// <summary>The conversations of a stored dataset, imported again from its file (same format; word-count statistics).</summary>
    public async Task<(Dataset Row, ImportResult Import)?> ReadAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is not { } row) return null;
        var format = ParseFormat(row.Format);
        var options = new ImportOptions { Format = format, MaxBytes = long.MaxValue };
        // Rows made by tests or older versions may hold an absolute path outside the data directory.
        if (Path.IsPathRooted(row.StoredFile))
            return (row, await Task.Run(() => DatasetImporter.Import(row.StoredFile, options), ct));
        await using var stream = await artifacts.OpenReadAsync(row.StoredFile, ct)
            ?? throw new FileNotFoundException($"the file of dataset '{row.Name}' ({row.StoredFile}) is missing from the artifact store");
        var result = await Task.Run(() => DatasetImporter.Import(stream, Path.GetFileName(row.StoredFile), options), ct);
        return (row, result);
    }

    /// <summary>Removes uploads a crash left in datasets/.incoming/.</summary>
    public void CleanIncoming()
    {
        if (!Directory.Exists(Incoming)) return;
        foreach (var file in Directory.EnumerateFiles(Incoming))
        {
            try { File.Delete(file); }
            catch (IOException e) { log.LogWarning(e, "Could not remove the partial upload {File}", file); }
        }
    }

    /// <summary>auto (or empty), openai, sharegpt, alpaca, csv or transcript.</summary>
    /// <exception cref="DatasetProblem">400: another value.</exception>
    public static DatasetFormat ParseFormat(string? format) =>
        string.IsNullOrWhiteSpace(format) ? DatasetFormat.Auto
        : format.All(char.IsLetter) && Enum.TryParse<DatasetFormat>(format.Trim(), ignoreCase: true, out var parsed) ? parsed
        : throw DatasetProblem.BadRequest($"format: '{format}' is not a dataset format; use auto, {string.Join(", ", Enum.GetValues<DatasetFormat>().Skip(1).Select(FormatName))}");

    public static string FormatName(DatasetFormat format) => format.ToString().ToLowerInvariant();

    static string? CleanName(string? name)
    {
        string trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0) return null;
        return trimmed.Length <= MaxNameLength ? trimmed : throw DatasetProblem.BadRequest($"name: {trimmed.Length} characters; the limit is {MaxNameLength}");
    }

    async Task<(ImportOptions Options, string? TokenizerModel)> OptionsAsync(AppDbContext db, DatasetFormat format, CancellationToken ct)
    {
        var options = new ImportOptions { Format = format, MaxBytes = Limits.MaxBytes + 1 };
        if (await DatasetModels.DefaultAsync(db, ct) is not { } model) return (options, null);
        try
        {
            var mask = masks.For(paths.Resolve(model.Path));
            return (options with { CountTokens = mask.CountTokens }, model.Name);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Token counts fall back to word estimates: the tokenizer of {Model} could not be read", model.Name);
            return (options, null);
        }
    }

    static DatasetDetail Detail(Dataset row) => new(DatasetSummary.From(row), ReadReport(row));

    static DatasetReport ReadReport(Dataset row)
    {
        try
        {
            if (JsonSerializer.Deserialize<DatasetReport>(row.ReportJson, Json) is { Statistics: not null } report) return report;
        }
        catch (JsonException) { }
        return new DatasetReport(new DatasetStatistics(row.Conversations, 0, 0, 0, 0, [], 0, 0, true), [], null);
    }

    static string FolderKey(Guid id) => $"datasets/{id}";

    async Task DeleteFolderAsync(string folder)
    {
        try { await artifacts.DeleteAsync(folder, CancellationToken.None); }
        catch (IOException e) { log.LogWarning(e, "Could not remove the dataset folder {Folder}", folder); }
    }
}
