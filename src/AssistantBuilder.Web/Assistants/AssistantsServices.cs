namespace AssistantBuilder.Web.Assistants;

public static class AssistantsServices
{
    public static WebApplicationBuilder AddAssistants(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AssistantStore>();
        return builder;
    }
}
