using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AssistantBuilder.Testing;

/// <summary>
/// A PostgreSQL server for tests, one per test process (<see cref="Shared"/>): the server named by the connection
/// string in <c>AB_TEST_POSTGRES</c> when set (its user must be allowed to create databases), else a throwaway cluster
/// (initdb into a temporary folder, postgres on a free loopback port, run as the <c>postgres</c> user when the tests
/// run as root) that is stopped and deleted when the process has ended. Each test app gets its own database
/// (<see cref="CreateDatabase"/>), dropped by <see cref="DropDatabase"/>.
/// </summary>
public sealed class PostgresServer
{
    const string DirPrefix = "ab-pg-";
    static readonly Lazy<PostgresServer> Instance = new(Start);

    readonly string _adminConnection;

    PostgresServer(string adminConnection) => _adminConnection = adminConnection;

    public static PostgresServer Shared => Instance.Value;

    /// <summary>Creates an empty database with a random name and returns its connection string.</summary>
    public string CreateDatabase()
    {
        string name = $"ab_test_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(_adminConnection) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="connectionString"/> (made by <see cref="CreateDatabase"/>), closing its connections.</summary>
    public void DropDatabase(string connectionString)
    {
        string name = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_adminConnection);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    static PostgresServer Start()
    {
        if (Environment.GetEnvironmentVariable("AB_TEST_POSTGRES") is { Length: > 0 } given)
            return new PostgresServer(new NpgsqlConnectionStringBuilder(given) { Pooling = false }.ConnectionString);

        string bin = FindBinaries();
        RemoveStaleClusters(bin);
        string dir = Path.Combine(Path.GetTempPath(), $"{DirPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        if (IsRoot) Run("chown", "postgres:postgres", dir);
        string data = Path.Combine(dir, "data");
        RunAsOwner(Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");

        for (int attempt = 1; ; attempt++)
        {
            int port = FreePort();
            // Tuned for throwaway data: no fsync; enough connections for several apps' pools at once.
            string options = $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                             "-c full_page_writes=off -c max_connections=300";
            try
            {
                RunAsOwner(Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(dir, "server.log"), "-o", options, "-w", "-t", "60", "start");
            }
            catch (InvalidOperationException) when (attempt < 3) { continue; } // the port was taken meanwhile
            StopWhenThisProcessEnds(bin, dir);
            return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false");
        }
    }

    /// <summary>
    /// A detached watcher stops the cluster and deletes its folder once this process has ended, however it ended
    /// (the test host may be killed before exit handlers finish).
    /// </summary>
    static void StopWhenThisProcessEnds(string bin, string dir)
    {
        string owner = IsRoot ? "runuser -u postgres -- " : "";
        string script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
                        $"{owner}'{Path.Combine(bin, "pg_ctl")}' -D '{Path.Combine(dir, "data")}' -m immediate -w stop; rm -rf '{dir}'";
        Run("setsid", "-f", "sh", "-c", script);
    }

    /// <summary>Stops and deletes clusters left behind by test processes that did not exit cleanly.</summary>
    static void RemoveStaleClusters(string bin)
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), DirPrefix + "*"))
        {
            var pid = Path.GetFileName(dir)[DirPrefix.Length..].Split('-')[0];
            if (!int.TryParse(pid, out int id) || ProcessAlive(id)) continue;
            try { RunAsOwner(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(dir, "data"), "-m", "immediate", "stop"); }
            catch (InvalidOperationException) { }
            TempDir.Delete(dir);
        }
    }

    static bool ProcessAlive(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out int v) ? v : 0)
            : Enumerable.Empty<string>();
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "The PostgreSQL server binaries (initdb, pg_ctl under /usr/lib/postgresql/*/bin) are missing, and the PostgreSQL tests " +
                "need them: install postgresql (apt-get install postgresql), or set AB_TEST_POSTGRES to the connection string of a server " +
                "whose user may create databases.");
    }

    static bool IsRoot => Environment.UserName == "root";

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static void RunAsOwner(string program, params string[] args)
    {
        if (IsRoot) Run("runuser", ["-u", "postgres", "--", program, .. args]);
        else Run(program, args);
    }

    static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} did not finish in 2 minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed (exit code {process.ExitCode}): {stderr.Result}{stdout.Result}");
    }
}
