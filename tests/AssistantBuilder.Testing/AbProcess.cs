using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace AssistantBuilder.Testing;

/// <summary>Runs the real <c>ab</c> command (the Cli project's build output, copied next to the tests) in a child process.</summary>
public static class AbProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> RunAsync(params string[] args) => RunAsync(null, null, args);

    /// <summary>Runs ab with a time limit other than the default 3 minutes (for slow end-to-end runs such as a fine-tune).</summary>
    public static Task<Result> RunAsync(TimeSpan timeout, params string[] args) => RunAsync(null, null, timeout, args);

    /// <summary>
    /// Runs ab with environment variables set (a null value removes one the test process has) and, when given, in
    /// another working directory.
    /// </summary>
    public static Task<Result> RunAsync(IReadOnlyDictionary<string, string?>? environment, string? workingDirectory, params string[] args) =>
        RunAsync(environment, workingDirectory, TimeSpan.FromMinutes(3), args);

    static async Task<Result> RunAsync(IReadOnlyDictionary<string, string?>? environment, string? workingDirectory, TimeSpan limit, string[] args)
    {
        using var process = Start(args, environment, workingDirectory);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw; } // leave no ab running behind a failed test
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Runs ab and sends it SIGTERM once a line of its standard output satisfies the predicate. (SIGTERM rather than
    /// Ctrl-C's SIGINT: a process started from a non-interactive shell in the background inherits SIGINT ignored.)
    /// </summary>
    public static async Task<Result> RunInterruptedAsync(Func<string, bool> interruptWhen, params string[] args)
    {
        using var process = Start(args);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new StringBuilder();
        bool sent = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is string line)
        {
            stdout.AppendLine(line);
            if (!sent && interruptWhen(line)) sent = kill(process.Id, SigTerm) == 0;
        }
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, stdout.ToString(), await stderr);
    }

    /// <summary>
    /// Runs ab with its standard input a pipe from the test (as the web app's job runner does), and closes that pipe
    /// once <paramref name="closeWhen"/> answers true for a line of standard output (it may run other work first).
    /// </summary>
    public static async Task<Result> RunClosingStdinAsync(Func<string, Task<bool>> closeWhen, params string[] args)
    {
        using var process = Start(args, redirectInput: true);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = new StringBuilder();
        bool closed = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is string line)
        {
            stdout.AppendLine(line);
            if (!closed && await closeWhen(line))
            {
                process.StandardInput.Close();
                closed = true;
            }
        }
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, stdout.ToString(), await stderr);
    }

    static Process Start(string[] args, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null, bool redirectInput = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = redirectInput, UseShellExecute = false,
        };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) start.Environment.Remove(name); else start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ab.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);
}
