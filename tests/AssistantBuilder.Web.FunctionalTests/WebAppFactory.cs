using System.Net.Http.Json;
using AssistantBuilder.Testing;
using AssistantBuilder.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantBuilder.Web.FunctionalTests;

/// <summary>
/// The real app on a fresh data directory with one operator configured, on its own SQLite file or, with
/// <see cref="Provider"/> Postgres, its own database on the test run's PostgreSQL server (<see cref="PostgresServer"/>).
/// Dispose deletes the directory and the database unless <see cref="KeepDataDir"/> (a test that restarts the app on
/// the same data passes both on).
/// </summary>
public class WebAppFactory : WebApplicationFactory<Program>
{
    string? _dataDir;
    string? _postgres;

    public const string Email = "operator@example.com";
    public const string Password = "correct horse battery";

    /// <summary>A new temporary folder unless set (a test that restarts the app on the same data sets it).</summary>
    public string DataDir { get => _dataDir ??= TempDir.Create("web"); init => _dataDir = value; }
    public bool KeepDataDir { get; set; }

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>With <see cref="Provider"/> Postgres: the app's database, a new one unless set (a restart test passes it on).</summary>
    public string? PostgresConnection
    {
        get => Provider == DatabaseProvider.Postgres ? _postgres ??= PostgresServer.Shared.CreateDatabase() : null;
        init => _postgres = value;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataDir", DataDir);
        if (Provider == DatabaseProvider.Postgres)
        {
            builder.UseSetting(DatabaseOptions.ProviderKey, "postgres");
            builder.UseSetting(DatabaseOptions.PostgresKey, PostgresConnection);
        }
        builder.UseSetting("Operator:Email", Email);
        builder.UseSetting("Operator:Password", Password);
        builder.UseEnvironment("Testing");
    }

    /// <summary>Where the factory's clients go: the in-memory test server, unless the app runs on Kestrel.</summary>
    protected virtual Uri ClientBaseAddress => ClientOptions.BaseAddress;

    /// <summary>For a subclass that serves with Kestrel (UseKestrel): starts the server once and answers its address, e.g. <c>http://127.0.0.1:41235/</c>.</summary>
    protected Uri KestrelAddress()
    {
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>A client with the operator's session cookie.</summary>
    public async Task<HttpClient> SignedInClientAsync()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientBaseAddress, AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/account/login", new { email = Email, password = Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public AppDbContext CreateDb() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepDataDir)
        {
            TempDir.Delete(DataDir);
            if (_postgres is not null) PostgresServer.Shared.DropDatabase(_postgres);
        }
    }
}
