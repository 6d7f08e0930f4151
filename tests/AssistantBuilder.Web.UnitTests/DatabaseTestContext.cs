using AssistantBuilder.Data;
using AssistantBuilder.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AssistantBuilder.Web.UnitTests;

/// <summary>
/// A bUnit context with MudBlazor, logging and a real SQLite database (migrated) in a temporary folder that is deleted
/// afterwards. Register the component's own services in the derived constructor.
/// </summary>
public abstract class DatabaseTestContext : BunitContext, IAsyncLifetime
{
    protected DatabaseTestContext(string name)
    {
        Dir = TempDir.Create(name);
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddAppDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Dir, "assistantbuilder.db")};Pooling=False"));
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected string Dir { get; }

    public AppDbContext CreateDb() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    Task IAsyncLifetime.InitializeAsync()
    {
        using var db = CreateDb();
        return db.Database.MigrateAsync();
    }

    // xUnit 2 disposes test classes synchronously; MudBlazor's services must be disposed asynchronously, so do it first.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        TempDir.Delete(Dir);
    }
}
