using AssistantBuilder.Web.Accounts;
using AssistantBuilder.Web.Components;
using AssistantBuilder.Web.Hosting;
using AssistantBuilder.Web.Training;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--data-dir"] = "DataDir" });

builder.AddAppData();
builder.AddOperatorAuth();
builder.AddTraining();
builder.Services.AddMudServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddSignalR();
builder.Services.AddOpenApi();
builder.Services.AddProblemDetails();

var app = builder.Build();
await app.InitializeDatabaseAsync();
await app.EnsureFirstOperatorAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapGet("/healthz", () => TypedResults.Ok("healthy")).AllowAnonymous().ExcludeFromDescription();
app.MapAccountApi();
app.MapJobsApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The app's entry point; public so the functional tests' WebApplicationFactory can start it.</summary>
public partial class Program;
