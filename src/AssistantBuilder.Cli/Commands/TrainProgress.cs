using AssistantBuilder.Engine.Training;
using Spectre.Console;

namespace AssistantBuilder.Cli.Commands;

/// <summary>A terminal progress bar with loss, learning rate, tokens/s and the time left.</summary>
static class TrainProgress
{
    public static DoneEvent Run(Trainer trainer, bool resume, CancellationToken ct)
    {
        DoneEvent? done = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("training", maxValue: trainer.TotalSteps);
                done = trainer.Run(e =>
                {
                    switch (e)
                    {
                        case StepEvent s:
                            task.Value = s.Step;
                            task.Description = $"step {s.Step}/{s.TotalSteps} loss {s.Loss:F4} lr {s.LearningRate:G3} {s.TokensPerSecond:F0} tok/s";
                            break;
                        case EvalEvent v:
                            AnsiConsole.MarkupLineInterpolated($"[grey]step {v.Step}: validation loss {v.EvalLoss:F4}, perplexity {v.Perplexity:F2}[/]");
                            break;
                        case CheckpointEvent c:
                            AnsiConsole.MarkupLineInterpolated($"[grey]checkpoint {c.Path}[/]");
                            break;
                    }
                }, resume, ct);
            });
        var d = done!;
        Console.WriteLine(d.Completed
            ? $"done: adapter in {d.AdapterDir}; train loss {d.TrainLoss:F4}{(d.EvalLoss is double v ? $", validation loss {v:F4}" : "")}; {d.TrainedTokens} trained tokens, {d.TokensPerSecond:F0} tokens/s, {d.Seconds:F0} s{(d.StoppedBecause is null ? "" : $" ({d.StoppedBecause})")}"
            : $"stopped at step {d.Step} ({d.StoppedBecause}); checkpoint written: rerun with --resume to continue");
        return d;
    }
}
