using AssistantBuilder.Data;
using AssistantBuilder.Web.Accounts;
using AssistantBuilder.Web.Assistants;
using AssistantBuilder.Web.BaseModels;
using AssistantBuilder.Web.Compare;
using AssistantBuilder.Web.Components;
using AssistantBuilder.Web.Conversations;
using AssistantBuilder.Web.Datasets;
using AssistantBuilder.Web.Hosting;
using AssistantBuilder.Web.OpenAi;
using AssistantBuilder.Web.Playground;
using AssistantBuilder.Web.Serving;
using AssistantBuilder.Web.Training;
using AssistantBuilder.Web.Widget;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--data-dir"] = "DataDir", ["--db-provider"] = DatabaseOptions.ProviderKey, ["--postgres"] = DatabaseOptions.PostgresKey,
});

builder.AddAppData();
builder.AddArtifactStorage();
builder.AddOperatorAuth();
builder.AddServing();
builder.AddBaseModels();
builder.AddAssistants();
builder.AddDatasets();
builder.AddTraining();
builder.AddOpenAiApi();
builder.AddPlayground();
builder.AddConversations();
builder.AddWidget();
builder.AddCompare();
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.AddScaleOut();
builder.Services.AddOpenApi();
builder.Services.AddProblemDetails();

var app = builder.Build();
await app.InitializeDatabaseAsync();
await app.EnsureFirstOperatorAsync();

app.UseSecurityHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
// The HTML not-found page is for people; APIs, hubs and the OpenAI API keep their own status codes and bodies.
app.UseWhen(context => !IsApi(context.Request.Path),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseWidgetCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapGet("/healthz", () => TypedResults.Ok("healthy")).AllowAnonymous().ExcludeFromDescription();
app.MapAccountApi();
app.MapModelsApi();
app.MapAssistantsApi();
app.MapDatasetsApi();
app.MapJobsApi();
app.MapOpenAiApi();
app.MapConversationsApi();
app.MapWidgetApi();
app.MapCompareApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/v1");

/// <summary>The app's entry point; public so the functional tests' WebApplicationFactory can start it.</summary>
public partial class Program;
