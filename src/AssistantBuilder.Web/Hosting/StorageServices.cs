using AssistantBuilder.Core.Storage;

namespace AssistantBuilder.Web.Hosting;

public static class StorageServices
{
    /// <summary>
    /// The artifact store: the data directory as a <see cref="SharedFolderStore"/> (a shared mount when several nodes
    /// run; see docs/deploy.md). Registered after <see cref="DataServices.AddAppData"/>, whose data directory it uses.
    /// </summary>
    public static WebApplicationBuilder AddArtifactStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IArtifactStore>(sp => new SharedFolderStore(sp.GetRequiredService<DataPaths>().Root));
        return builder;
    }
}
