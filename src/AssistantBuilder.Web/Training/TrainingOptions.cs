namespace AssistantBuilder.Web.Training;

/// <summary>The job runner's settings (configuration section <c>Training</c>).</summary>
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
}
