using System.Diagnostics;

namespace AssistantBuilder.Engine.Tokenization.Training;

/// <summary>Where training stands: words counted so far, or merges learned out of the most there can be.</summary>
public sealed record BpeTrainingProgress(string Stage, long Lines, long Words, int Merges, int MaxMerges, double Seconds);

/// <summary>
/// Trains a byte-level BPE tokenizer the way HF's <c>ByteLevelBPETokenizer</c> does, in SmolLM2's layout: special
/// tokens first (ids 0..), then the 256 byte tokens of the GPT-2 alphabet, then one token per merge. Feed text with
/// <see cref="AddText"/> or <see cref="AddFile"/>, then call <see cref="Train"/>; or use <see cref="TrainFiles"/>.
/// The text is split on the special tokens and pre-tokenized with <see cref="BpeTrainerOptions.SplitPattern"/>
/// exactly as the written tokenizer.json will (the loader's own pre-tokenizer does it), the words are counted, and
/// the most frequent adjacent pair is merged until the vocabulary is full (see <see cref="MergeLearner"/>).
/// Deterministic: the same text and options give a byte-identical tokenizer.json.
/// </summary>
public sealed class BpeTrainer
{
    private readonly WordCounter _counter;
    private readonly CorpusChunker _chunker;
    private readonly Stopwatch _clock = new();

    /// <exception cref="ArgumentException">The options are not valid (the message says which).</exception>
    public BpeTrainer(BpeTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _counter = new WordCounter(options.SpecialTokens);
        _chunker = new CorpusChunker(options.MaxLines);
    }

    public BpeTrainerOptions Options { get; }

    /// <summary>Lines read from files so far.</summary>
    public long Lines => _chunker.Lines;

    /// <summary>Adds one text (a document) to the corpus.</summary>
    public void AddText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _clock.Start();
        _counter.Add(text);
        _clock.Stop();
    }

    /// <summary>Adds a UTF-8 text file, up to <see cref="BpeTrainerOptions.MaxLines"/> lines over all files.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public void AddFile(string path, Action<BpeTrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        foreach (string chunk in _chunker.Read(path))
        {
            cancellation.ThrowIfCancellationRequested();
            AddText(chunk);
            progress?.Invoke(new BpeTrainingProgress("count", Lines, _counter.Words, 0, 0, _clock.Elapsed.TotalSeconds));
        }
    }

    /// <summary>Learns the merges from the text added so far.</summary>
    /// <exception cref="InvalidDataException">No text was added (or only special tokens).</exception>
    public TrainedBpeTokenizer Train(Action<BpeTrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (_counter.Counts.Count == 0)
            throw new InvalidDataException("the corpus is empty: there is no text to learn merges from.");
        _clock.Start();
        var learner = new MergeLearner([.. Options.SpecialTokens, .. ByteLevelLayout.SortedAlphabet()], _counter.Counts);
        int maxMerges = Options.VocabSize - learner.Vocab.Count;
        int every = Math.Max(1, maxMerges / 20);
        learner.Run(Options.VocabSize, Options.MinFrequency, merges =>
        {
            if (merges % every == 0)
                progress?.Invoke(new BpeTrainingProgress("merge", Lines, _counter.Words, merges, maxMerges, _clock.Elapsed.TotalSeconds));
        }, cancellation);
        _clock.Stop();

        var statistics = new BpeTrainingStatistics(
            Lines, _counter.Characters, _counter.Words, _counter.Counts.Count, _counter.SpecialTokens,
            learner.TotalTokens() + _counter.SpecialTokens, _clock.Elapsed.TotalSeconds);
        var vocab = learner.Vocab;
        var merges = learner.Merges.Select(m => (vocab[m.Left], vocab[m.Right])).ToList();
        return new TrainedBpeTokenizer([.. vocab], merges, Options.SpecialTokens, Options.ModelMaxLength, statistics);
    }

    /// <summary>Reads every corpus file and trains.</summary>
    public static TrainedBpeTokenizer TrainFiles(IEnumerable<string> corpusFiles, BpeTrainerOptions options,
        Action<BpeTrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(corpusFiles);
        var files = corpusFiles.ToList();
        if (files.Count == 0)
            throw new ArgumentException("no corpus file given.");
        foreach (string file in files)
            if (!File.Exists(file))
                throw new FileNotFoundException($"corpus file not found: {file}", file);
        var trainer = new BpeTrainer(options);
        foreach (string file in files)
        {
            if (trainer._chunker.LineLimitReached)
                break;
            trainer.AddFile(file, progress, cancellation);
        }
        return trainer.Train(progress, cancellation);
    }
}
