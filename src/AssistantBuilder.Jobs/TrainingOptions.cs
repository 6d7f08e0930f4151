namespace AssistantBuilder.Jobs;

/// <summary>A worker's settings: the web app's embedded worker reads them from configuration section <c>Training</c>; <c>ab worker</c> from its options.</summary>
public sealed class TrainingOptions
{
    /// <summary>CPU threads each training process may use; the default leaves one core to the web app.</summary>
    public int Threads { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>On shutdown, how long to wait for a running trainer to write its checkpoint and exit.</summary>
    public double StopWaitSeconds { get; set; } = 10;

    /// <summary>The <c>ab</c> CLI assembly that runs jobs; by default the one copied next to the app.</summary>
    public string? AbPath { get; set; }

    /// <summary>The dotnet host that runs <see cref="AbPath"/>; by default this process's host, else <c>dotnet</c> on the PATH.</summary>
    public string? DotnetPath { get; set; }

    /// <summary>At most this many standard-error lines per attempt are kept as log events (all go to train.log).</summary>
    public int MaxLogEventsPerAttempt { get; set; } = 500;

    /// <summary>The web app runs jobs itself (an embedded worker), as on a single machine; false on the web nodes of a cluster whose jobs run on <c>ab worker</c>s.</summary>
    public bool EmbeddedWorker { get; set; } = true;

    /// <summary>The embedded worker's devices, comma-separated (each runs one job at a time): cpu, cuda:N, or auto (cpu and every visible GPU).</summary>
    public string Devices { get; set; } = "auto";

    /// <summary>How long a claim on a job lasts without renewal: a worker silent for this long is taken for dead and its job is taken over.</summary>
    public double LeaseSeconds { get; set; } = 30;

    /// <summary>How often an idle worker looks at the queue (a web node's embedded worker is also woken when a job is queued).</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>
    /// A local folder where the worker's trainers write (checkpoints, adapter, log), each stored in the artifact store as
    /// soon as written; unset, they write straight into the shared folder (a store reached over the network always uses a
    /// scratch folder, by default in the temporary folder). See <see cref="JobFiles"/>.
    /// </summary>
    public string? ScratchDir { get; set; }

    /// <summary>How often a web node reads the job events other workers stored, for its live charts.</summary>
    public double FeedPollSeconds { get; set; } = 1;
}
