namespace AssistantBuilder.Web.BaseModels;

public static class BaseModelsServices
{
    /// <summary>The models catalog and uploads (scoped: each request or circuit its own), and the lock they share.</summary>
    public static WebApplicationBuilder AddBaseModels(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ModelFolderLock>();
        builder.Services.AddScoped<ModelCatalog>();
        builder.Services.AddScoped<ModelUploader>();
        return builder;
    }
}
