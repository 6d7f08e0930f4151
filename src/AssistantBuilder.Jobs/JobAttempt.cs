using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using AssistantBuilder.Core.Storage;
using AssistantBuilder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AssistantBuilder.Jobs;

/// <summary>
/// One run of a job's <c>ab train</c> process by a worker that has claimed it: starts it (resuming when a checkpoint
/// exists), turns its output into job events, progress and train.log, and records how it ended. Every save is
/// conditional on the worker still holding the job's lease (<see cref="TrainingJob.LeaseOwner"/> is a concurrency
/// token): once another worker has taken the job over, this one stops its trainer and writes nothing more. Its inputs
/// and outputs go through the artifact store (<see cref="JobFiles"/>).
/// </summary>
sealed class JobAttempt(JobClaim claim, Worker worker, IDbContextFactory<AppDbContext> dbs, IArtifactStore store, IJobFeed feed,
    TrainingOptions options, ILogger log)
{
    readonly Guid jobId = claim.JobId;
    readonly string device = worker.Device;
    readonly Stopwatch _watch = new();
    readonly Queue<string> _lastErrors = new();
    Process? _process;
    volatile bool _cancel, _lost;
    double _elapsedBefore;
    int _logEvents;
    string? _errorLine;
    StreamWriter? _logFile;
    JobFiles? _files;

    public Guid JobId => jobId;

    /// <summary>True once another worker took the job over (this one's lease had expired).</summary>
    public bool Lost => _lost;

    /// <summary>The lease is gone: stop the trainer (it checkpoints; the new owner waits for its lock) and save nothing more.</summary>
    public void LeaseLost()
    {
        if (_lost) return;
        _lost = true;
        log.LogWarning("Training job {Job}: another worker took it over (this worker's lease expired); stopping the local trainer", jobId);
        Signal();
    }

    public void RequestCancel()
    {
        _cancel = true;
        Signal();
    }

    void Signal()
    {
        var process = _process;
        try
        {
            if (process is null || process.HasExited) return;
            if (OperatingSystem.IsWindows()) process.Kill(entireProcessTree: true);
            else kill(process.Id, SigTerm); // ab writes a checkpoint and exits 130
        }
        catch (InvalidOperationException) { } // exited meanwhile
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        string outDir;
        List<string> args;
        await using (var db = await dbs.CreateDbContextAsync(stopping))
        {
            var job = await db.TrainingJobs.Include(j => j.BaseModel).Include(j => j.Dataset).FirstAsync(j => j.Id == jobId, stopping);
            var files = _files = await JobFiles.OpenAsync(store, options.ScratchDir, job.OutputDir, stopping);
            outDir = files.Folder;
            Directory.CreateDirectory(outDir);
            if (!JobFolder.IsUnlocked(outDir))
            {
                await AddLogAsync($"waiting for the previous trainer of this job to write its checkpoint and release {outDir}/.lock");
                while (!JobFolder.IsUnlocked(outDir)) await Task.Delay(250, stopping);
            }
            await files.RestoreAsync(stopping);
            _logFile = new StreamWriter(Path.Combine(outDir, JobFolder.LogFile), append: true) { AutoFlush = true };
            string modelDir = await store.LocalPathOfAsync(job.BaseModel!.Path, stopping), dataFile = await store.LocalPathOfAsync(job.Dataset!.StoredFile, stopping);
            string? problem = !Directory.Exists(modelDir) ? $"the base model's folder {modelDir} is missing"
                : !File.Exists(dataFile) ? $"the dataset's file {dataFile} is missing"
                : !File.Exists(AbPath) ? $"the trainer {AbPath} is missing"
                : null;
            if (problem is not null)
            {
                await FinishAsync(JobStatus.Failed, problem, exitCode: null);
                return;
            }
            if (job.CancelRequested) _cancel = true; // asked while no worker was running it
            if (claim.TakenOver)
                await AddLogAsync(claim.PreviousOwner is { } previous
                    ? $"taken over from worker {previous}, whose lease expired (it stopped renewing: killed, or cut off); the job resumes from its last checkpoint"
                    : "the job was left running without a worker (the app stopped while it ran); it resumes from its last checkpoint");
            bool resume = JobFolder.HasCheckpoint(outDir);
            args = TrainerCommandLine.Arguments(job.Settings, modelDir, dataFile, outDir, device, Math.Max(1, options.Threads), resume);
            _elapsedBefore = job.ElapsedSeconds;
            job.Attempts++;
            job.StartedAt ??= DateTime.UtcNow;
            job.Error = null;
            if (!await SaveAsync(db, stopping)) return;
            feed.ProgressChanged(job);
            await AddLogAsync($"attempt {job.Attempts}: {(resume ? "resuming from the last checkpoint" : "starting")} on {device} with {Math.Max(1, options.Threads)} threads, worker {worker.Name} on {worker.Host} (pid {worker.Pid})");
        }
        if (_cancel)
        {
            await FinishAsync(JobStatus.Cancelled, null, exitCode: null);
            return;
        }

        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(AbPath);
        foreach (var a in args) start.ArgumentList.Add(a);
        try { _process = Process.Start(start)!; }
        catch (Win32Exception ex)
        {
            await FinishAsync(JobStatus.Failed, $"could not start the trainer ({DotnetHost} {AbPath}): {ex.Message}", exitCode: null);
            return;
        }
        using var process = _process;
        _watch.Start();
        if (_cancel) Signal();
        log.LogInformation("Training job {Job} started: pid {Pid}", jobId, process.Id);

        var lines = Channel.CreateUnbounded<(TrainerLine Line, bool Stderr)>(new UnboundedChannelOptions { SingleReader = true });
        var readers = Task.WhenAll(
            Pump(process.StandardOutput, l => (TrainerLine.FromStdout(l), false)),
            Pump(process.StandardError, l => (TrainerLine.Log(l), true)));
        _ = readers.ContinueWith(_ => lines.Writer.TryComplete(), TaskScheduler.Default);

        try
        {
            while (await lines.Reader.WaitToReadAsync(stopping))
            {
                var batch = new List<(TrainerLine, bool)>();
                while (batch.Count < 500 && lines.Reader.TryRead(out var item)) batch.Add(item);
                await ApplyAsync(batch, stopping);
            }
            await process.WaitForExitAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await DetachAsync(process);
            return;
        }
        await FinishAsync(process.ExitCode);

        async Task Pump(StreamReader reader, Func<string, (TrainerLine, bool)> parse)
        {
            try
            {
                while (await reader.ReadLineAsync() is string line) await lines.Writer.WriteAsync(parse(line));
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException) { }
        }
    }

    /// <summary>
    /// The worker is stopping: close the trainer's stdin (it checkpoints and exits), then give the job back to the queue
    /// (or mark it cancelled when that was asked), so that a worker resumes it at once from that checkpoint.
    /// </summary>
    async Task DetachAsync(Process process)
    {
        try { process.StandardInput.Close(); } catch (IOException) { }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(0, options.StopWaitSeconds)));
        try { await process.WaitForExitAsync(wait.Token); } catch (OperationCanceledException) { }
        log.LogInformation("Training job {Job} given back to the queue (trainer {State})", jobId, process.HasExited ? "stopped" : "still stopping");
        if (process.HasExited && !_lost && _files is { } files) await PublishAsync(() => files.PublishAsync(CancellationToken.None));
        await ReleaseAsync();
    }

    async Task ReleaseAsync()
    {
        if (_lost) return;
        await using var db = await dbs.CreateDbContextAsync();
        var job = await db.TrainingJobs.FirstAsync(j => j.Id == jobId);
        bool cancelled = job.CancelRequested || _cancel;
        job.Status = cancelled ? JobStatus.Cancelled : JobStatus.Queued;
        if (cancelled) (job.FinishedAt, job.CancelRequested) = (DateTime.UtcNow, false);
        (job.LeaseOwner, job.LeaseExpiresAt) = (null, null);
        if (_watch.IsRunning) job.ElapsedSeconds = _elapsedBefore + _watch.Elapsed.TotalSeconds;
        var line = TrainerLine.Log(cancelled
            ? $"worker {worker.Name} stopped while this job was being cancelled; it stays cancelled (resume continues from its last checkpoint)"
            : $"worker {worker.Name} stopped while this job was running; it is queued again and resumes from its last checkpoint");
        var row = new TrainingJobEvent { JobId = jobId, Kind = line.Kind, Json = line.Json, Step = job.Step, WorkerId = worker.Id };
        db.TrainingJobEvents.Add(row);
        if (!await SaveAsync(db, CancellationToken.None)) return;
        _logFile?.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} {line.Describe()}");
        _logFile?.Dispose();
        if (_files is { } stored) await PublishAsync(() => stored.PublishLogAsync(CancellationToken.None));
        feed.EventAdded(row);
        feed.ProgressChanged(job);
    }

    /// <summary>Saves unless the lease was lost meanwhile (then nothing is saved and the trainer is stopped).</summary>
    async Task<bool> SaveAsync(AppDbContext db, CancellationToken ct)
    {
        if (_lost) return false;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            LeaseLost();
            return false;
        }
    }

    async Task ApplyAsync(List<(TrainerLine Line, bool Stderr)> batch, CancellationToken ct)
    {
        if (_lost) return;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var job = await db.TrainingJobs.FirstAsync(j => j.Id == jobId, ct);
        var rows = new List<TrainingJobEvent>();
        foreach (var (line, stderr) in batch)
        {
            _logFile?.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} {line.Describe()}");
            if (stderr) RememberError(line);
            if (line.Kind == "log" && ++_logEvents > options.MaxLogEventsPerAttempt) continue;
            rows.Add(new TrainingJobEvent { JobId = jobId, Kind = line.Kind, Step = line.Step, Json = line.Json, WorkerId = worker.Id });
            switch (line.Kind)
            {
                case "step":
                    job.Step = line.Step;
                    if (line.Number("total_steps") is double total) job.TotalSteps = (int)total;
                    job.TrainLoss = line.Number("loss") ?? job.TrainLoss;
                    break;
                case "eval":
                    job.EvalLoss = line.Number("eval_loss") ?? job.EvalLoss;
                    break;
                case "done":
                    job.Step = line.Step;
                    job.TrainLoss = line.Number("train_loss") ?? job.TrainLoss;
                    job.EvalLoss = line.Number("eval_loss") ?? job.EvalLoss;
                    break;
            }
        }
        if (_watch.IsRunning) job.ElapsedSeconds = _elapsedBefore + _watch.Elapsed.TotalSeconds;
        db.TrainingJobEvents.AddRange(rows);
        if (!await SaveAsync(db, ct)) return;
        foreach (var row in rows) feed.EventAdded(row);
        feed.ProgressChanged(job);
        foreach (var (line, _) in batch)
            if (line.Kind == "checkpoint" && line.Text("path") is { } checkpoint && _files is { InPlace: false } files) await PublishAsync(() => files.PublishCheckpointAsync(checkpoint, ct));
    }

    /// <summary>Stores the trainer's files (scratch mode); a store that fails is logged, and the job goes on (the next checkpoint tries again).</summary>
    async Task PublishAsync(Func<Task> publish)
    {
        try { await publish(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or HttpRequestException)
        {
            log.LogWarning(ex, "Training job {Job}: could not store its files", jobId);
            _logFile?.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} could not store the job's files: {ex.Message}");
        }
    }

    Task AddLogAsync(string text) => ApplyAsync([(TrainerLine.Log(text), false)], CancellationToken.None);

    void RememberError(TrainerLine line)
    {
        string text = TrainerLine.Describe(line.Kind, line.Json);
        if (text.StartsWith("error: ", StringComparison.Ordinal)) _errorLine = text["error: ".Length..];
        if (string.IsNullOrWhiteSpace(text)) return;
        _lastErrors.Enqueue(text);
        if (_lastErrors.Count > 5) _lastErrors.Dequeue();
    }

    Task FinishAsync(int exitCode)
    {
        if (exitCode == 0) return FinishAsync(JobStatus.Completed, null, exitCode);
        if (_cancel) return FinishAsync(JobStatus.Cancelled, null, exitCode);
        string why = _errorLine
            ?? (exitCode == 130 ? "the trainer was stopped from outside (exit code 130); resume continues from its last checkpoint" : null)
            ?? (_lastErrors.Count > 0 ? string.Join(Environment.NewLine, _lastErrors) : $"the trainer exited with code {exitCode}");
        return FinishAsync(JobStatus.Failed, why, exitCode);
    }

    async Task FinishAsync(JobStatus status, string? error, int? exitCode)
    {
        if (_lost)
        {
            _logFile?.Dispose();
            log.LogInformation("Training job {Job}: this worker's trainer stopped (exit code {Code}) after the job was taken over", jobId, exitCode);
            return;
        }
        if (_files is { } files)
        {
            _logFile?.Flush();
            await PublishAsync(() => files.PublishAsync(CancellationToken.None));
        }
        await using var db = await dbs.CreateDbContextAsync();
        var job = await db.TrainingJobs.FirstAsync(j => j.Id == jobId);
        if (status == JobStatus.Completed && (_files is null || !await _files.HasAdapterAsync(CancellationToken.None)))
            (status, error) = (JobStatus.Failed, "the trainer finished without writing an adapter");
        job.Status = status;
        job.Error = error;
        job.CancelRequested = false;
        job.FinishedAt = DateTime.UtcNow;
        (job.LeaseOwner, job.LeaseExpiresAt) = (null, null);
        if (_watch.IsRunning) job.ElapsedSeconds = _elapsedBefore + _watch.Elapsed.TotalSeconds;
        string summary = $"{status.ToString().ToLowerInvariant()}{(exitCode is int c ? $" (exit code {c})" : "")}{(error is null ? "" : $": {error}")}";
        var line = TrainerLine.Log(summary);
        var row = new TrainingJobEvent { JobId = jobId, Kind = line.Kind, Json = line.Json, Step = job.Step, WorkerId = worker.Id };
        db.TrainingJobEvents.Add(row);
        if (!await SaveAsync(db, CancellationToken.None))
        {
            _logFile?.Dispose();
            return;
        }
        _logFile?.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} {summary}");
        _logFile?.Dispose();
        if (_files is { } stored)
        {
            await PublishAsync(() => stored.PublishLogAsync(CancellationToken.None));
            await PublishAsync(() => Task.Run(stored.DeleteLocal));
        }
        log.LogInformation("Training job {Job}: {Summary}", jobId, summary);
        feed.EventAdded(row);
        feed.ProgressChanged(job);
    }

    string AbPath => options.AbPath is { Length: > 0 } p ? Path.GetFullPath(p) : Path.Combine(AppContext.BaseDirectory, "ab.dll");

    string DotnetHost
    {
        get
        {
            if (options.DotnetPath is { Length: > 0 } configured) return configured;
            if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
            return "dotnet";
        }
    }

    const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);
}
