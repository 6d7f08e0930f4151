using AssistantBuilder.Core.Serving;
using AssistantBuilder.Engine.Serving;

namespace AssistantBuilder.Web.Serving;

public static class ServingServices
{
    /// <summary>
    /// One <see cref="ModelHost"/> for the process (<c>Serving:Slots</c> sequences decoded together per base model,
    /// <c>Serving:Device</c> auto/cpu/cuda, <c>Serving:Threads</c> libtorch CPU threads: by default all cores but one,
    /// which stays for Kestrel, SignalR and the database, as training's default does) and the per-assistant chat
    /// clients over it.
    /// </summary>
    public static WebApplicationBuilder AddServing(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Serving");
        var options = new ServingOptions
        {
            Slots = section.GetValue("Slots", 16),
            Threads = section.GetValue("Threads", Math.Max(1, Environment.ProcessorCount - 1)),
        };
        builder.Services.AddSingleton(_ => new ModelHost(options, section.GetValue("Device", "auto")!));
        builder.Services.AddSingleton<AssistantChats>();
        return builder;
    }
}
