using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AssistantBuilder.Web.Hosting;

public static class SharedKeys
{
    /// <summary>
    /// Data-protection keys (they sign the sign-in cookie, antiforgery tokens and Blazor's circuit state) in the data
    /// directory's <c>keys/</c> folder, under one application name: every node that shares the data directory reads
    /// every other node's cookies, and sign-ins survive restarts and new containers.
    /// </summary>
    public static WebApplicationBuilder AddSharedKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("AssistantBuilder");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<DataPaths, ILoggerFactory>((o, paths, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(paths.Root, "keys")), logs));
        return builder;
    }
}
