namespace AssistantBuilder.Engine.Serving;

/// <summary>How many sequences a <see cref="ServingEngine"/> decodes together, and how long each may grow.</summary>
public sealed record ServingOptions
{
    /// <summary>Sequences decoded together at most (each owns one KV-cache slot); later requests wait for a free slot.</summary>
    public int Slots { get; init; } = 8;
    /// <summary>Prompt plus generated tokens per sequence (the KV cache per slot); 0: the model's context, at most 2048.</summary>
    public int MaxSequenceLength { get; init; }
    /// <summary>
    /// Prompt tokens (padded to the longest prompt) prefilled in one forward at most: waiting requests are admitted
    /// together up to this, the rest after the next decode step. One request is always admitted, however long.
    /// </summary>
    public int PrefillTokens { get; init; } = 2048;
    /// <summary>
    /// CPU threads for libtorch, set on the batch loop when it starts (libtorch's count is per process: the last
    /// engine started sets it); 0 leaves libtorch's default, all cores.
    /// </summary>
    public int Threads { get; init; }

    public void Validate()
    {
        if (Slots < 1) throw new ArgumentException($"slots must be at least 1 (got {Slots})");
        if (PrefillTokens < 1) throw new ArgumentException($"prefill tokens must be at least 1 (got {PrefillTokens})");
        if (Threads < 0) throw new ArgumentException($"threads must be 0 (libtorch's default) or positive (got {Threads})");
        if (MaxSequenceLength < 0) throw new ArgumentException($"max sequence length must be 0 (the model's context) or positive (got {MaxSequenceLength})");
    }
}
