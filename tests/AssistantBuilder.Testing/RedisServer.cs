using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AssistantBuilder.Testing;

/// <summary>
/// A real Redis for tests: <c>AB_TEST_REDIS</c> (host:port of a running server) when set, else a private
/// <c>redis-server</c> on a free loopback port with persistence off, stopped when the fixture is disposed (or the
/// test process exits). Tests that share one Redis keep apart by their own SignalR channel prefix.
/// </summary>
public sealed class RedisServer : IDisposable
{
    const string EnvVar = "AB_TEST_REDIS";
    readonly Process? _process;
    readonly string? _dir;

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:40123</c>.</summary>
    public string ConnectionString { get; }

    public RedisServer()
    {
        if (Environment.GetEnvironmentVariable(EnvVar) is { Length: > 0 } configured)
        {
            ConnectionString = configured;
            return;
        }
        string binary = FindBinary() ?? throw new InvalidOperationException(
            $"redis-server is not installed, and the scale-out tests need a real Redis: install it (apt-get install -y redis-server; .ci/run does) or set {EnvVar}=host:port of a running server.");
        _dir = TempDir.Create("redis");
        for (int attempt = 1; ; attempt++)
        {
            int port = FreePort();
            var process = Start(binary, port, _dir);
            if (WaitForPong(port, process, TimeSpan.FromSeconds(20)))
            {
                (_process, ConnectionString) = (process, $"127.0.0.1:{port}");
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
                return;
            }
            Kill(process);
            if (attempt == 3) throw new InvalidOperationException($"{binary} did not answer PING on 127.0.0.1 within 20 s (tried 3 ports)");
        }
    }

    static Process Start(string binary, int port, string dir)
    {
        var start = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (var arg in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls with PING until the server answers +PONG (or it exits, or time runs out).</summary>
    static bool WaitForPong(int port, Process process, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                var stream = client.GetStream();
                stream.Write("PING\r\n"u8);
                var buffer = new byte[16];
                int read = stream.Read(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal)) return true;
            }
            catch (SocketException) { }
            catch (IOException) { }
            Thread.Sleep(50);
        }
        return false;
    }

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin").Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "redis-server")).FirstOrDefault(File.Exists);

    static void Kill(Process process)
    {
        try { if (!process.HasExited) process.Kill(); process.WaitForExit(5000); }
        catch (InvalidOperationException) { }
        process.Dispose();
    }

    bool _stopped;

    void Stop()
    {
        if (_stopped) return;
        _stopped = true;
        if (_process is not null) Kill(_process);
        if (_dir is not null) TempDir.Delete(_dir);
    }

    public void Dispose() => Stop();
}
