namespace AssistantBuilder.Web.Training;

public static class TrainingServices
{
    /// <summary>The job runner (a hosted service), the job feed and its hub relay, and the jobs service.</summary>
    public static WebApplicationBuilder AddTraining(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<TrainingOptions>(builder.Configuration.GetSection("Training"));
        builder.Services.AddSingleton<JobEvents>();
        builder.Services.AddSingleton<JobRunner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        builder.Services.AddHostedService<HubRelay>();
        builder.Services.AddSingleton<TrainingJobs>();
        return builder;
    }
}
