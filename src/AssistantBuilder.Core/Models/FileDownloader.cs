using System.Diagnostics;
using System.Net;

namespace AssistantBuilder.Core.Models;

/// <summary>
/// Fetches one file into <c>FILE.incomplete</c>, resuming from what is already there with
/// <c>Range: bytes=N-</c> (within this pull after a broken transfer, or in a later pull), then checks its size and
/// checksum and renames it to <c>FILE</c>. A file whose checksum does not match is deleted.
/// </summary>
sealed class FileDownloader(HubClient client, PullOptions options, Action<PullEvent> report)
{
    public const string IncompleteSuffix = ".incomplete";
    static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>Returns the size of the verified file and how it was verified.</summary>
    public async Task<(long Size, string Verified)> DownloadAsync(string name, HubFileMetadata meta, string path, CancellationToken ct)
    {
        string incomplete = path + IncompleteSuffix;
        long existing = File.Exists(incomplete) ? new FileInfo(incomplete).Length : 0;
        if (meta.Size is long expected && existing > expected) { File.Delete(incomplete); existing = 0; }
        report(new FileStarted(name, meta.Size, existing));
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await TransferAsync(name, meta, incomplete, ct);
                break;
            }
            catch (IOException ex) when (attempt < options.MaxAttempts && !ct.IsCancellationRequested)
            {
                report(new FileRetry(name, attempt, ex.Message));
                var delay = options.RetryDelay * Math.Pow(2, attempt - 1);
                await Task.Delay(delay < TimeSpan.FromSeconds(8) ? delay : TimeSpan.FromSeconds(8), ct);
            }
            catch (IOException ex)
            {
                throw new HubException($"{name}: download failed after {attempt} attempt{(attempt == 1 ? "" : "s")} ({ex.Message}); " +
                    "run the same pull again to resume it", ex);
            }
        }
        var verified = Verify(name, meta, incomplete);
        File.Move(incomplete, path, overwrite: true);
        return (new FileInfo(path).Length, verified);
    }

    async Task TransferAsync(string name, HubFileMetadata meta, string incomplete, CancellationToken ct)
    {
        long offset = File.Exists(incomplete) ? new FileInfo(incomplete).Length : 0;
        if (meta.Size is long size && offset == size && size > 0) return;
        using var response = await client.GetContentAsync(meta.DownloadUrl, offset, ct);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // Nothing left after offset: complete if the size agrees; otherwise the bytes here are not this file's.
            if (meta.Size is long s && offset == s) return;
            File.Delete(incomplete);
            throw new IOException($"the server refused to resume at byte {offset}; starting over");
        }
        if (HubErrors.IsTransient(response.StatusCode)) throw new IOException($"{(int)response.StatusCode} {response.ReasonPhrase}");
        if (!response.IsSuccessStatusCode) throw new HubException($"{name}: GET {meta.DownloadUrl} failed: {(int)response.StatusCode} {response.ReasonPhrase}");
        // 206 continues our bytes; a plain 200 means the server ignored the Range header and sends the file whole.
        bool append = response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == offset;
        if (!append) offset = 0;
        await using var file = new FileStream(incomplete, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        long? total = meta.Size ?? (response.Content.Headers.ContentLength is long n ? offset + n : null);
        var buffer = new byte[1 << 18];
        var sinceReport = Stopwatch.StartNew();
        long done = offset;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        while (true)
        {
            idle.CancelAfter(options.ReadIdleTimeout);
            int read;
            try { read = await body.ReadAsync(buffer, idle.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new IOException($"no data for {options.ReadIdleTimeout.TotalSeconds:F0} s");
            }
            if (read == 0) break;
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
            done += read;
            if (sinceReport.Elapsed >= ReportEvery) { report(new FileProgress(name, done, total)); sinceReport.Restart(); }
        }
        await file.FlushAsync(ct);
        report(new FileProgress(name, done, total));
        if (total is long t && done < t) throw new IOException($"the transfer ended at byte {done} of {t}");
    }

    static string Verify(string name, HubFileMetadata meta, string incomplete)
    {
        long length = new FileInfo(incomplete).Length;
        if (meta.Size is long size && length != size)
        {
            File.Delete(incomplete);
            throw new HubException($"{name}: got {length} bytes where the Hub announced {size}; the file was deleted, run the pull again");
        }
        if (meta.Expected is not { } expected) return "size";
        string actual = expected.Compute(incomplete);
        if (actual == expected.Hex) return expected.Name;
        File.Delete(incomplete);
        throw new HubException($"{name}: checksum mismatch: the Hub's {expected.Name} is {expected.Hex} but the downloaded file's is {actual}; " +
            "the corrupt file was deleted, run the pull again");
    }
}
