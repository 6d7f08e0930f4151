namespace AssistantBuilder.Cli.Commands;

/// <summary>
/// For a run started by another process (the web app's job runner): standard input is a pipe from the parent, and
/// when it closes (the parent exited, or was killed) the run stops gracefully, as on SIGTERM, instead of running on
/// orphaned.
/// </summary>
static class ParentWatch
{
    /// <summary>A token cancelled by <paramref name="token"/> or by the end of standard input.</summary>
    public static CancellationToken UntilStdinCloses(CancellationToken token)
    {
        var closed = CancellationTokenSource.CreateLinkedTokenSource(token); // lives as long as the process
        var reader = new Thread(() =>
        {
            try
            {
                using var stdin = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (stdin.Read(buffer, 0, buffer.Length) > 0) { }
            }
            catch (IOException) { }
            closed.Cancel();
        }) { IsBackground = true, Name = "stdin watch" };
        reader.Start();
        return closed.Token;
    }
}
