using System.Diagnostics;
using System.Text.RegularExpressions;
using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Core.Models;

/// <summary>
/// <c>ab models pull</c>: fetches a Hub repository's model files into a folder the engine loads. The repository is
/// checked before any weight is fetched (file list, then config.json's architecture); files are gathered and
/// verified in <c>{out}.partial/</c>, which a failed pull leaves behind for the next one to resume, and moved to
/// <c>{out}</c> only when all are complete, so <c>{out}</c> is never a half model.
/// </summary>
public sealed partial class ModelDownloader(HubClient client)
{
    public async Task<PullDone> PullAsync(string repoId, PullOptions options, Action<PullEvent>? report = null, CancellationToken ct = default)
    {
        report ??= _ => { };
        ValidateRepoId(repoId);
        var watch = Stopwatch.StartNew();
        string outDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.OutDir));
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
            throw new HubException($"{outDir} already exists: remove it first or choose another --out");

        var repo = await Retry(() => client.GetRepoInfoAsync(repoId, options.Revision, ct), options, ct);
        ModelFiles.Check(repo);
        string partial = PullOptions.PartialDirFor(outDir);
        Directory.CreateDirectory(partial);
        try { return await PullIntoAsync(repo, options, outDir, partial, report, watch, ct); }
        catch
        {
            DropIfNothingToResume(partial);
            throw;
        }
    }

    async Task<PullDone> PullIntoAsync(HubRepoInfo repo, PullOptions options, string outDir, string partial, Action<PullEvent> report,
        Stopwatch watch, CancellationToken ct)
    {
        string repoId = repo.RepoId;
        var state = PullState.Load(partial, repoId);
        var fetched = new Dictionary<string, FileDone>();

        // The small files first, silently: config.json says whether the model is usable, the index which shards to fetch.
        async Task<FileDone> Fetch(string file, Action<PullEvent> to)
        {
            if (fetched.TryGetValue(file, out var done)) return done;
            var meta = await Retry(() => client.GetFileMetadataAsync(repoId, repo.Commit, file, ct), options, ct);
            state.Expect(partial, file, meta.Etag);
            string path = Path.Combine(partial, file);
            if (File.Exists(path) && (meta.Size is null || new FileInfo(path).Length == meta.Size))
                return fetched[file] = new FileDone(file, new FileInfo(path).Length, meta.Expected?.Name ?? "size", Cached: true);
            var (size, verified) = await new FileDownloader(client, options, to).DownloadAsync(file, meta, path, ct);
            return fetched[file] = new FileDone(file, size, verified, Cached: false);
        }
        await Fetch(ModelFiles.Config, _ => { });
        ModelFiles.CheckArchitecture(repoId, Path.Combine(partial, ModelFiles.Config));
        bool sharded = repo.Find(ModelFiles.Index) is not null;
        if (sharded) await Fetch(ModelFiles.Index, _ => { });
        var files = ModelFiles.NonWeightFiles(repo).Concat(ModelFiles.WeightFiles(repo, sharded ? Path.Combine(partial, ModelFiles.Index) : null)).ToList();

        var planned = files.Select(f => new PlannedFile(f, repo.Find(f)?.Size)).ToList();
        long? total = planned.All(p => p.Size is not null) ? planned.Sum(p => p.Size!.Value) : null;
        report(new PullStarted(repoId, options.Revision, repo.Commit, outDir, planned, total));
        long bytes = 0;
        foreach (var file in files)
        {
            var done = await Fetch(file, report);
            report(done);
            bytes += done.Size;
        }

        ModelConfig.FromFile(Path.Combine(partial, ModelFiles.Config)); // the full config check the engine will make
        state.Delete();
        foreach (var stray in Directory.EnumerateFiles(partial).Where(f => !files.Contains(Path.GetFileName(f)))) File.Delete(stray);
        if (Directory.Exists(outDir)) Directory.Delete(outDir); // empty, checked above
        Directory.CreateDirectory(Path.GetDirectoryName(outDir)!);
        Directory.Move(partial, outDir);
        var result = new PullDone(outDir, files.Count, bytes, Math.Round(watch.Elapsed.TotalSeconds, 3));
        report(result);
        return result;
    }

    // Keep the partial folder only for what a later pull can reuse: weights, whole or in part.
    static void DropIfNothingToResume(string partial)
    {
        if (Directory.Exists(partial) && !Directory.EnumerateFiles(partial).Any(f => f.EndsWith(FileDownloader.IncompleteSuffix) || f.EndsWith(".safetensors")))
            Directory.Delete(partial, recursive: true);
    }

    /// <summary>Hub calls that fail to connect are tried again; answers (404, 401, ...) are final.</summary>
    static async Task<T> Retry<T>(Func<Task<T>> call, PullOptions options, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            try { return await call(); }
            catch (HubUnreachableException) when (attempt < options.MaxAttempts && !ct.IsCancellationRequested)
            {
                await Task.Delay(options.RetryDelay, ct);
            }
            catch (HubUnreachableException ex) { throw new HubException(ex.Message, ex); }
        }
    }

    static void ValidateRepoId(string repoId)
    {
        if (!RepoIdPattern().IsMatch(repoId) || repoId.Contains("..") || repoId.Contains("--") || repoId.EndsWith(".git", StringComparison.Ordinal))
            throw new HubException($"'{repoId}' is not a Hub repository id: expected ORG/NAME, such as HuggingFaceTB/SmolLM2-135M-Instruct");
    }

    [GeneratedRegex(@"^([A-Za-z0-9][\w.-]*/)?[A-Za-z0-9][\w.-]*$")]
    private static partial Regex RepoIdPattern();
}
