namespace AssistantBuilder.Web.Compare;

public static class CompareServices
{
    /// <summary>Side-by-side comparison, blind votes and held-out evaluations (settings: the <c>Compare</c> section).</summary>
    public static WebApplicationBuilder AddCompare(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<CompareOptions>(builder.Configuration.GetSection("Compare"));
        builder.Services.AddSingleton<CompareSetup>();
        builder.Services.AddSingleton<IVoteRecorder, VoteStore>();
        builder.Services.AddSingleton<EvaluationRunner>();
        builder.Services.AddScoped<CompareSession>();
        return builder;
    }
}
