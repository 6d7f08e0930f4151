using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace AssistantBuilder.Web.FunctionalTests.Reliability;

/// <summary>
/// The real app as a child process (<c>dotnet AssistantBuilder.Web.dll</c> from this test's output folder) on a given
/// data directory and a free loopback port, read from its "Now listening on" log line.
/// </summary>
public sealed partial class AppProcess : IDisposable
{
    readonly Process _process;

    public Uri Address { get; }
    public int Pid => _process.Id;

    AppProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public static async Task<AppProcess> StartAsync(string dataDir, string email, string password, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AssistantBuilder.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["AB_DATA_DIR"] = dataDir;
        start.Environment["Operator__Email"] = email;
        start.Environment["Operator__Password"] = password;
        start.Environment["Training__Threads"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && Listening().Match(line) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != listening.Task)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("the app did not start listening within 60 s");
        }
        return new AppProcess(process, await listening.Task);
    }

    /// <summary>The trainer processes the app started (its direct children).</summary>
    public IReadOnlyList<int> Children() =>
        Directory.EnumerateDirectories("/proc").Select(d => Path.GetFileName(d)).Where(n => n.All(char.IsDigit)).Select(int.Parse)
            .Where(pid => ParentOf(pid) == Pid).ToList();

    /// <summary>SIGKILL to the app alone: no shutdown code runs; its trainer is left orphaned (it stops when its stdin closes).</summary>
    public async Task KillHardAsync()
    {
        Assert.Equal(0, kill(Pid, 9));
        await _process.WaitForExitAsync();
    }

    static int? ParentOf(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public static bool IsRunning(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");

    bool _disposed;

    /// <summary>Stops the app and whatever it started (safe to call twice).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);
}
