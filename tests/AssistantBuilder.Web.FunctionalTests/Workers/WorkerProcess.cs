using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace AssistantBuilder.Web.FunctionalTests.Workers;

/// <summary><c>ab worker</c> as a child process (this test's copy of ab.dll) on a shared data directory and its SQLite database.</summary>
public sealed class WorkerProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();

    public string Name { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    WorkerProcess(Process process, string name) => (_process, Name) = (process, name);

    public static WorkerProcess Start(string dataDir, string name, double leaseSeconds = 30, string? postgres = null, string? scratch = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ab.dll"));
        foreach (var a in new[] { "worker", "--data-dir", dataDir, "--device", "cpu", "--name", name, "--threads", "1",
            "--lease-seconds", leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--poll-seconds", "0.3", "--stop-wait-seconds", "10" })
            start.ArgumentList.Add(a);
        if (scratch is not null) foreach (var a in new[] { "--scratch-dir", scratch }) start.ArgumentList.Add(a);
        if (postgres is not null) foreach (var a in new[] { "--db-provider", "postgres", "--postgres", postgres }) start.ArgumentList.Add(a);
        start.Environment.Remove("AB_DATA_DIR");
        var worker = new WorkerProcess(Process.Start(start)!, name);
        worker._process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        return worker;
    }

    void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>What it printed so far (its log).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>SIGKILL to the worker alone: nothing of it runs; its trainer, orphaned, checkpoints and exits when its stdin closes.</summary>
    public async Task KillHardAsync()
    {
        Assert.Equal(0, kill(Pid, 9));
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as docker stop: the worker gives its job back and exits; returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        Assert.Equal(0, kill(Pid, 15));
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);
}
