using AssistantBuilder.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistantBuilder.Web.Training;

public static class TrainingServices
{
    /// <summary>
    /// The embedded workers (hosted; none with <c>Training:EmbeddedWorker=false</c>), the job feed, the poller that
    /// brings other workers' progress into it, its hub relay, and the jobs service.
    /// </summary>
    public static WebApplicationBuilder AddTraining(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<TrainingOptions>(builder.Configuration.GetSection("Training"));
        builder.Services.AddSingleton<JobEvents>();
        builder.Services.AddSingleton<EmbeddedWorkers>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedWorkers>());
        builder.Services.AddSingleton<JobFeedPoller>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JobFeedPoller>());
        builder.Services.AddHostedService<HubRelay>();
        builder.Services.AddSingleton<TrainingJobs>();
        builder.Services.AddSingleton<TrainingWorkers>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
