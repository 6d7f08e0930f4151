using AssistantBuilder.Core.Models;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Core.Tests.Models;

/// <summary>A fake Hub serving a TinyModel folder as <see cref="RepoId"/>, a temp folder to pull into, and the events a pull reports.</summary>
public abstract class PullFixture : IDisposable
{
    protected const string RepoId = "test-org/tiny-chat";
    protected readonly TinyModel Tiny = TinyModel.Create();
    protected readonly FakeHub Hub = new();
    protected readonly string Dir = TempDir.Create("pull");
    protected readonly List<PullEvent> Events = [];

    protected PullFixture() =>
        Hub.AddRepo(RepoId, Tiny.Directory, new Dictionary<string, byte[]> { ["README.md"] = "# tiny chat model\n"u8.ToArray(), ["onnx/model.onnx"] = [1, 2, 3] });

    protected string Out => Path.Combine(Dir, "models", PullOptions.FolderName(RepoId));
    protected string Partial => PullOptions.PartialDirFor(Out);

    protected async Task<PullDone> Pull(string repo = RepoId, string? token = null, PullOptions? options = null, string? endpoint = null)
    {
        using var client = new HubClient(HubSettings.Resolve(endpoint ?? Hub.Endpoint.ToString(), token, _ => null));
        return await new ModelDownloader(client).PullAsync(repo, options ?? Options(), e => { lock (Events) Events.Add(e); });
    }

    protected PullOptions Options(string? revision = null) =>
        new() { OutDir = Out, Revision = revision ?? "main", RetryDelay = TimeSpan.FromMilliseconds(10) };

    protected async Task<string> PullError(string repo = RepoId, string? token = null, PullOptions? options = null) =>
        (await Assert.ThrowsAsync<HubException>(() => Pull(repo, token, options))).Message;

    protected IEnumerable<FakeHub.Request> Resolves(string file) => Hub.Requests.Where(r => r.Path.EndsWith("/" + file) && r.Method == "GET");

    public void Dispose()
    {
        Hub.Dispose();
        Tiny.Dispose();
        TempDir.Delete(Dir);
    }
}
