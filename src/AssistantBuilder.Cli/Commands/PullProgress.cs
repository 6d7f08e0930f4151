using AssistantBuilder.Core.Models;
using Spectre.Console;

namespace AssistantBuilder.Cli.Commands;

/// <summary>A terminal progress bar per file of a pull: bytes, speed and time left; retries and cached files noted.</summary>
static class PullProgress
{
    public static async Task<PullDone> RunAsync(Func<Action<PullEvent>, Task<PullDone>> pull)
    {
        PullDone? done = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                done = await pull(e =>
                {
                    switch (e)
                    {
                        case PullStarted s:
                            AnsiConsole.MarkupLineInterpolated($"pulling [bold]{s.Repo}[/] at {s.Revision} ({s.Commit[..Math.Min(12, s.Commit.Length)]}) into {s.Out}");
                            foreach (var f in s.Files) tasks[f.Name] = ctx.AddTask(f.Name, autoStart: false, maxValue: Math.Max(1, f.Size ?? 1));
                            break;
                        case FileStarted f when tasks.TryGetValue(f.File, out var t):
                            t.StartTask();
                            if (f.Size is long size) t.MaxValue = Math.Max(1, size);
                            t.Value = f.ResumedFrom;
                            if (f.ResumedFrom > 0) t.Description = $"{f.File} (resumed)";
                            break;
                        case FileProgress p when tasks.TryGetValue(p.File, out var t):
                            if (p.Size is null && p.Downloaded > t.MaxValue) t.MaxValue = p.Downloaded;
                            t.Value = p.Downloaded;
                            break;
                        case FileRetry r:
                            AnsiConsole.MarkupLineInterpolated($"[yellow]{r.File}: {r.Error}; resuming (attempt {r.Attempt + 1})[/]");
                            break;
                        case FileDone d when tasks.TryGetValue(d.File, out var t):
                            if (!t.IsStarted) t.StartTask();
                            t.MaxValue = Math.Max(1, d.Size);
                            t.Value = t.MaxValue;
                            if (d.Cached) t.Description = $"{d.File} (already here)";
                            t.StopTask();
                            break;
                    }
                });
            });
        return done!;
    }
}
