using AssistantBuilder.Engine.Chat;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Tests.Support;
using AssistantBuilder.Testing;
using AssistantBuilder.Engine.Training;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Tests.Training;

[Collection(TorchRandomCollection.Name)]
public sealed class LoraTrainerTests : IDisposable
{
    readonly TinyModel _tiny = TinyModel.Create();
    static readonly LoraConfig Lora = new() { R = 8, LoraAlpha = 16, LoraDropout = 0.1 };

    static readonly (string Q, string A)[] Pairs =
    [
        ("hi", "hello there"), ("what is two plus two?", "four"), ("name a colour", "blue"), ("bye", "goodbye"),
        ("capital of france?", "paris"), ("say yes", "yes"), ("count to three", "one two three"), ("opposite of up", "down"),
    ];

    (ChatModel Chat, List<TrainingExample> Examples) Load(LoraConfig? lora = null, int seed = 1)
    {
        manual_seed(seed);
        var chat = ChatModel.LoadForTraining(_tiny.Directory, lora ?? Lora);
        var builder = new ExampleBuilder(chat.Template, chat.Tokenizer, chat.EosTokenIds);
        var examples = Pairs.Select((p, i) => builder.Build([new ChatMessage("user", p.Q), new ChatMessage("assistant", p.A)], i)).ToList();
        return (chat, examples);
    }

    string Out(string name) => Path.Combine(_tiny.Directory, name);

    [Fact]
    public void A_tiny_model_learns_a_tiny_data_set()
    {
        var (chat, examples) = Load();
        using var _ = chat;
        double before = CausalLoss.Mean(chat.Model, examples, 4, 0);
        var losses = new List<double>();
        var done = new Trainer(chat.Model, new AdapterWeights(Lora), new TrainOptions { Epochs = 30, LearningRate = 2e-2, BatchSize = 4, WarmupRatio = 0.1, SaveEvery = 0 },
            examples, [], padId: 0, Out("learn")).Run(e => { if (e is StepEvent s) losses.Add(s.Loss); });
        double after = CausalLoss.Mean(chat.Model, examples, 4, 0);
        Assert.True(done.Completed);
        Assert.Equal(60, done.Step);
        Assert.True(after < before * 0.3, $"loss {before:F3} -> {after:F3}");
        Assert.True(losses.TakeLast(5).Average() < losses.Take(5).Average() * 0.5);
        Assert.True(File.Exists(Path.Combine(Out("learn"), "adapter_model.safetensors")));
        Assert.True(File.Exists(Path.Combine(Out("learn"), "adapter_config.json")));
    }

    [Fact]
    public void Stopping_and_resuming_gives_the_same_losses_as_training_straight_through()
    {
        var options = new TrainOptions { Epochs = 3, LearningRate = 1e-2, BatchSize = 2, GradAccum = 2, SaveEvery = 3, WarmupRatio = 0.2 };
        List<double> Straight()
        {
            var (chat, examples) = Load();
            using var _ = chat;
            var losses = new List<double>();
            new Trainer(chat.Model, new AdapterWeights(Lora), options, examples, examples.Take(2).ToList(), 0, Out("straight")).Run(e => { if (e is StepEvent s) losses.Add(s.Loss); });
            return losses;
        }
        var straight = Straight();
        Assert.Equal(6, straight.Count);

        var resumed = new List<double>();
        using (var cts = new CancellationTokenSource())
        {
            var (chat, examples) = Load();
            using var _ = chat;
            var done = new Trainer(chat.Model, new AdapterWeights(Lora), options, examples, examples.Take(2).ToList(), 0, Out("stopped"))
                .Run(e => { if (e is StepEvent s) { resumed.Add(s.Loss); if (s.Step == 3) cts.Cancel(); } }, cancellationToken: cts.Token);
            Assert.False(done.Completed);
            Assert.Equal(3, done.Step);
        }
        {
            var (chat, examples) = Load(seed: 99); // a different seed: everything must come from the checkpoint
            using var _ = chat;
            var done = new Trainer(chat.Model, new AdapterWeights(Lora), options, examples, examples.Take(2).ToList(), 0, Out("stopped"))
                .Run(e => { if (e is StepEvent s) resumed.Add(s.Loss); }, resume: true);
            Assert.True(done.Completed);
        }
        Assert.Equal(straight.Count, resumed.Count);
        for (int i = 0; i < straight.Count; i++) Assert.True(Math.Abs(straight[i] - resumed[i]) < 1e-5, $"step {i + 1}: {straight[i]} vs {resumed[i]}");
    }

    [Fact]
    public void Resume_refuses_a_checkpoint_made_with_other_settings_or_none()
    {
        var (chat, examples) = Load();
        using var _ = chat;
        var options = new TrainOptions { Epochs = 1, BatchSize = 4, SaveEvery = 1 };
        Assert.Contains("nothing to resume", Assert.Throws<ResumeException>(() =>
            new Trainer(chat.Model, new AdapterWeights(Lora), options, examples, [], 0, Out("none")).Run(resume: true)).Message);
        new Trainer(chat.Model, new AdapterWeights(Lora), options, examples, [], 0, Out("changed")).Run();
        var ex = Assert.Throws<ResumeException>(() =>
            new Trainer(chat.Model, new AdapterWeights(Lora), options with { LearningRate = 1e-3 }, examples, [], 0, Out("changed")).Run(resume: true));
        Assert.Contains("the hyperparameters differ", ex.Message);
    }

    [Fact]
    public void Early_stopping_keeps_the_best_adapter()
    {
        var (chat, examples) = Load(Lora with { LoraDropout = 0 });
        using var _ = chat;
        var validation = new List<TrainingExample> { examples[0] };
        var evals = new List<EvalEvent>();
        // A huge learning rate makes the validation loss get worse after the first evaluation.
        var done = new Trainer(chat.Model, new AdapterWeights(Lora with { LoraDropout = 0 }), new TrainOptions { Epochs = 20, LearningRate = 0.5, BatchSize = 8, WarmupRatio = 0, EarlyStoppingPatience = 2, SaveEvery = 0 },
            examples.Skip(1).ToList(), validation, 0, Out("early")).Run(e => { if (e is EvalEvent v) evals.Add(v); });
        Assert.NotNull(done.StoppedBecause);
        Assert.Contains("early stopping", done.StoppedBecause);
        Assert.True(done.Step < 20);
        using var best = ChatModel.Load(_tiny.Directory, adapterDirectory: Out("early"));
        double bestLoss = CausalLoss.Mean(best.Model, validation, 1, 0);
        Assert.Equal(evals.Min(e => e.EvalLoss), bestLoss, 3);
    }

    [Fact]
    public void Learning_rate_warms_up_then_decays_to_zero()
    {
        var schedule = new LearningRateSchedule(1.0, 10, 110);
        Assert.Equal(0.1, schedule.At(0), 9);
        Assert.Equal(1.0, schedule.At(9), 9);
        Assert.Equal(0.5, schedule.At(60), 9);
        Assert.True(schedule.At(109) < 0.001);
    }

    [Fact]
    public void Bad_hyperparameters_are_named()
    {
        Assert.Contains("learning rate must be in (0, 1)", Assert.Throws<ArgumentException>(() => new TrainOptions { LearningRate = 5 }.Validate()).Message);
        Assert.Contains("batch size", Assert.Throws<ArgumentException>(() => new TrainOptions { BatchSize = 0 }.Validate()).Message);
        Assert.Contains("LoRA rank", Assert.Throws<ArgumentException>(() => new LoraConfig { R = 0 }.Validate()).Message);
    }

    public void Dispose() => _tiny.Dispose();
}
