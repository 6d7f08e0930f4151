using AssistantBuilder.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.Hosting;

public static class DataServices
{
    /// <summary>The data directory and the SQLite database inside it (WAL mode, set when the database is opened first).</summary>
    public static WebApplicationBuilder AddAppData(this WebApplicationBuilder builder)
    {
        var paths = DataPaths.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(paths);
        builder.Services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite($"Data Source={paths.Database};Pooling=True"));
        return builder;
    }
}
