namespace AssistantBuilder.Cli.Commands;

/// <summary>Examples done so far, on one stderr line, reported synchronously (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
sealed class CompareProgress(int total) : IProgress<int>
{
    public void Report(int value) => Console.Error.Write($"\r{value}/{total} examples");
}
