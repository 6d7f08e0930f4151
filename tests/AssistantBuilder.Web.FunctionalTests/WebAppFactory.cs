using System.Net.Http.Json;
using AssistantBuilder.Testing;
using AssistantBuilder.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantBuilder.Web.FunctionalTests;

/// <summary>
/// The real app on a fresh data directory (its own SQLite file) with one operator configured. Dispose deletes the
/// directory unless <see cref="KeepDataDir"/> (a test that restarts the app on the same data passes it on).
/// </summary>
public class WebAppFactory : WebApplicationFactory<Program>
{
    string? _dataDir;

    public const string Email = "operator@example.com";
    public const string Password = "correct horse battery";

    /// <summary>A new temporary folder unless set (a test that restarts the app on the same data sets it).</summary>
    public string DataDir { get => _dataDir ??= TempDir.Create("web"); init => _dataDir = value; }
    public bool KeepDataDir { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataDir", DataDir);
        builder.UseSetting("Operator:Email", Email);
        builder.UseSetting("Operator:Password", Password);
        builder.UseEnvironment("Testing");
    }

    /// <summary>Where the factory's clients go: the in-memory test server, unless the app runs on Kestrel.</summary>
    protected virtual Uri ClientBaseAddress => ClientOptions.BaseAddress;

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
        if (disposing && !KeepDataDir) TempDir.Delete(DataDir);
    }
}
