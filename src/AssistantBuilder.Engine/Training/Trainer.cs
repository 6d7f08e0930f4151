using System.Diagnostics;
using AssistantBuilder.Engine.Modeling;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Training;

/// <summary>
/// Trains a model's trainable weights on tokenized examples: a LoRA adapter (fine-tuning) or every weight
/// (pretraining from scratch). AdamW, warmup then cosine decay, gradient accumulation and clipping, evaluation with
/// perplexity, early stopping, and resumable checkpoints (weights, optimizer, random state, position in the data order).
/// </summary>
public sealed class Trainer
{
    readonly CausalLm _model;
    readonly IWeightsStore _weights;
    readonly TrainOptions _options;
    readonly IReadOnlyList<TrainingExample> _train, _validation;
    readonly int _padId;
    readonly LengthBatcher _batcher;
    readonly TrainingCheckpoints _checkpoints;
    readonly List<Parameter> _parameters;

    public string OutputDirectory { get; }
    public int TotalSteps { get; }
    public LearningRateSchedule Schedule { get; }

    public Trainer(CausalLm model, IWeightsStore weights, TrainOptions options, IReadOnlyList<TrainingExample> train,
        IReadOnlyList<TrainingExample> validation, int padId, string outputDirectory)
    {
        options.Validate();
        if (train.Count == 0) throw new ArgumentException("nothing to train on: the training set is empty");
        (_model, _weights, _options, _train, _validation, _padId, OutputDirectory) = (model, weights, options, train, validation, padId, outputDirectory);
        _parameters = model.parameters().Where(p => p.requires_grad).ToList();
        if (_parameters.Count == 0) throw new ArgumentException("the model has no trainable weights");
        var lengths = train.Select(e => e.Length).ToList();
        int budget = options.MaxBatchTokens == 0 ? 0 : Math.Max(options.MaxBatchTokens, lengths.Max());
        _batcher = new LengthBatcher(lengths, budget, options.BatchSize, (ulong)options.Seed);
        TotalSteps = Enumerable.Range(0, options.Epochs).Sum(e => GroupsIn(e).Count);
        Schedule = new LearningRateSchedule(options.LearningRate, (int)Math.Ceiling(options.WarmupRatio * TotalSteps), TotalSteps);
        _checkpoints = new TrainingCheckpoints(outputDirectory, weights, model, TrainingFingerprint.Of(options, weights.Describe(model), train, validation));
    }

    /// <summary>
    /// Trains until done, early stopping, or cancellation (which first writes a checkpoint). With
    /// <paramref name="resume"/>, continues from the latest checkpoint in the output folder.
    /// </summary>
    public DoneEvent Run(Action<TrainingEvent>? onEvent = null, bool resume = false, CancellationToken cancellationToken = default)
    {
        onEvent ??= _ => { };
        using var optimizer = optim.AdamW(_parameters, _options.LearningRate, 0.9, 0.999, 1e-8, _options.WeightDecay);
        var state = resume ? _checkpoints.Restore(optimizer) : new TrainerState();
        if (!resume) manual_seed(_options.Seed);
        var watch = Stopwatch.StartNew();
        long processedTokens = 0;
        _model.train();
        string? stoppedBecause = null;
        for (int epoch = state.Epoch; epoch < _options.Epochs && stoppedBecause is null; epoch++)
        {
            var groups = GroupsIn(epoch);
            for (int g = state.BatchInEpoch / _options.GradAccum; g < groups.Count; g++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    onEvent(new CheckpointEvent(state.Step, EpochProgress(state), _checkpoints.Save(optimizer, state)));
                    return Done(state, watch, processedTokens, completed: false, "cancelled");
                }
                var stepWatch = Stopwatch.StartNew();
                double lr = Schedule.At(state.Step);
                foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
                var (loss, tokens, trained, gradNorm) = OptimizerStep(optimizer, groups[g]);
                processedTokens += tokens;
                bool epochEnd = g == groups.Count - 1;
                state = state with
                {
                    Step = state.Step + 1, Epoch = epochEnd ? epoch + 1 : epoch, BatchInEpoch = epochEnd ? 0 : (g + 1) * _options.GradAccum,
                    TrainedTokens = state.TrainedTokens + trained, LossSum = state.LossSum + loss, LossCount = state.LossCount + 1,
                };
                onEvent(new StepEvent(state.Step, EpochProgress(state), TotalSteps, loss, lr, tokens / stepWatch.Elapsed.TotalSeconds, gradNorm, watch.Elapsed.TotalSeconds));
                if (epochEnd || (_options.EvalEvery > 0 && state.Step % _options.EvalEvery == 0))
                    (state, stoppedBecause) = Evaluate(state, onEvent);
                if (_options.SaveEvery > 0 && state.Step % _options.SaveEvery == 0)
                    onEvent(new CheckpointEvent(state.Step, EpochProgress(state), _checkpoints.Save(optimizer, state)));
                if (stoppedBecause is not null) break;
            }
            state = state with { BatchInEpoch = 0 };
        }
        _checkpoints.SaveFinal(keepBest: stoppedBecause is not null);
        var done = Done(state, watch, processedTokens, completed: true, stoppedBecause);
        onEvent(done);
        return done;
    }

    // One optimizer step over GradAccum micro-batches; the loss is the mean over every trained token of the group.
    (double Loss, long Tokens, long Trained, double GradNorm) OptimizerStep(OptimizerHelper optimizer, IReadOnlyList<IReadOnlyList<int>> microBatches)
    {
        optimizer.zero_grad();
        var batches = microBatches.Select(b => Collator.Collate(b.Select(i => _train[i]).ToList(), _padId)).ToList();
        long groupTokens = batches.Sum(CausalLoss.PredictedTokens);
        double loss = 0;
        long tokens = 0;
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            var (sum, count) = CausalLoss.Sum(_model, batch);
            var scaled = sum / Math.Max(1, groupTokens);
            scaled.backward();
            loss += scaled.item<float>();
            tokens += count;
        }
        double norm = nn.utils.clip_grad_norm_(_parameters, _options.MaxGradNorm);
        optimizer.step();
        return (loss, tokens, groupTokens, norm);
    }

    (TrainerState, string?) Evaluate(TrainerState state, Action<TrainingEvent> onEvent)
    {
        if (_validation.Count == 0) return (state, null);
        double evalLoss = CausalLoss.Mean(_model, _validation, _options.BatchSize, _padId);
        onEvent(new EvalEvent(state.Step, EpochProgress(state), evalLoss, Math.Exp(evalLoss)));
        if (state.BestEvalLoss is null || evalLoss < state.BestEvalLoss)
        {
            _checkpoints.SaveBest();
            return (state with { BestEvalLoss = evalLoss, EvalsWithoutImprovement = 0, LastEvalLoss = evalLoss }, null);
        }
        int without = state.EvalsWithoutImprovement + 1;
        state = state with { EvalsWithoutImprovement = without, LastEvalLoss = evalLoss };
        return _options.EarlyStoppingPatience is int patience && without >= patience
            ? (state, $"early stopping: the validation loss has not improved for {without} evaluations")
            : (state, null);
    }

    List<IReadOnlyList<IReadOnlyList<int>>> GroupsIn(int epoch) =>
        _batcher.Epoch(epoch).Chunk(_options.GradAccum).Select(c => (IReadOnlyList<IReadOnlyList<int>>)c).ToList();

    double EpochProgress(TrainerState s) => s.Epoch + (double)s.BatchInEpoch / Math.Max(1, _batcher.BatchCount(s.Epoch));

    DoneEvent Done(TrainerState s, Stopwatch watch, long processed, bool completed, string? because) =>
        new(s.Step, EpochProgress(s), OutputDirectory, s.LossCount == 0 ? double.NaN : s.LossSum / s.LossCount, s.LastEvalLoss,
            s.TrainedTokens, processed / Math.Max(1e-9, watch.Elapsed.TotalSeconds), watch.Elapsed.TotalSeconds, completed, because);
}
