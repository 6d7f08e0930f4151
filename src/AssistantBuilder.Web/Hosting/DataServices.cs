using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Hosting;

public static class DataServices
{
    /// <summary>
    /// The data directory and the database: SQLite inside the data directory by default, PostgreSQL when configured
    /// (<c>Database:Provider</c>, <c>ConnectionStrings:Postgres</c>; see <see cref="DatabaseOptions"/>).
    /// </summary>
    public static WebApplicationBuilder AddAppData(this WebApplicationBuilder builder)
    {
        var paths = DataPaths.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(paths);
        builder.Services.AddAppDatabase(DatabaseOptions.FromConfiguration(builder.Configuration, paths.Database));
        return builder;
    }
}
