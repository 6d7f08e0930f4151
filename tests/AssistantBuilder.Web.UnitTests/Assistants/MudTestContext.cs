using MudBlazor.Services;

namespace AssistantBuilder.Web.UnitTests.Assistants;

/// <summary>
/// A bUnit context with MudBlazor's services and loose JS interop, disposed asynchronously (some MudBlazor services
/// are only IAsyncDisposable, which xunit 2's synchronous Dispose of a test class cannot handle).
/// </summary>
public abstract class MudTestContext : IAsyncLifetime
{
    protected BunitContext Context { get; } = new();

    protected MudTestContext()
    {
        Context.Services.AddMudServices();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
