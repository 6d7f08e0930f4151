using AssistantBuilder.Data;
using AssistantBuilder.Jobs;

namespace AssistantBuilder.Web.UnitTests.Training;

public sealed class TrainerCommandLineTests
{
    [Fact]
    public void A_blank_learning_rate_is_left_to_the_trainer_and_the_job_runs_bounded_and_tied_to_the_app()
    {
        var args = TrainerCommandLine.Arguments(new TrainingSettings { Epochs = 2, LoraDropout = 0.1 }, "/m", "/d.jsonl", "/out", "cpu", threads: 3, resume: false);
        Assert.DoesNotContain("--learning-rate", args);
        Assert.DoesNotContain("--resume", args);
        Assert.Contains("--exit-with-parent", args);
        Assert.Equal("3", args[args.IndexOf("--threads") + 1]);
        Assert.Equal("2", args[args.IndexOf("--epochs") + 1]);
        Assert.Equal("0.1", args[args.IndexOf("--lora-dropout") + 1]);

        var resumed = TrainerCommandLine.Arguments(new TrainingSettings { LearningRate = 2e-4 }, "/m", "/d.jsonl", "/out", "cpu", 1, resume: true);
        Assert.Equal("0.0002", resumed[resumed.IndexOf("--learning-rate") + 1]);
        Assert.Equal("--resume", resumed[^1]);
    }

    [Fact]
    public void Blank_epochs_and_batch_size_are_left_to_the_trainer_which_picks_them_by_model_size()
    {
        var defaults = TrainerCommandLine.Arguments(new TrainingSettings(), "/m", "/d.jsonl", "/out", "cpu", 1, resume: false);
        Assert.DoesNotContain("--epochs", defaults);
        Assert.DoesNotContain("--batch-size", defaults);

        var set = TrainerCommandLine.Arguments(new TrainingSettings { Epochs = 5, BatchSize = 2 }, "/m", "/d.jsonl", "/out", "cpu", 1, resume: false);
        Assert.Equal("5", set[set.IndexOf("--epochs") + 1]);
        Assert.Equal("2", set[set.IndexOf("--batch-size") + 1]);
    }

    [Fact]
    public void Trainer_lines_become_events_and_anything_else_a_log_line()
    {
        var step = TrainerLine.FromStdout("""{"event":"step","step":7,"total_steps":9,"loss":1.25}""");
        Assert.Equal(("step", 7, 1.25), (step.Kind, step.Step, step.Number("loss")));
        Assert.Equal("step 7/9  loss 1.2500  lr ?  ? tokens/s", step.Describe());
        var noise = TrainerLine.FromStdout("{ not json");
        Assert.Equal("log", noise.Kind);
        Assert.Equal("{ not json", noise.Describe());
    }
}
