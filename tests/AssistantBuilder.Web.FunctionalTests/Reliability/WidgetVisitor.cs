using System.Diagnostics;
using AssistantBuilder.Web.Widget;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace AssistantBuilder.Web.FunctionalTests.Reliability;

/// <summary>
/// One visitor of a page with the widget, for the load test: one WebSocket connection to the widget hub (the .NET
/// SignalR client, Origin header of the page), conversations of <see cref="TurnsPerConversation"/> questions each
/// (so that they fit the model's context), and what each answer took.
/// </summary>
public sealed class WidgetVisitor(HubConnection hub, string key, int number) : IAsyncDisposable
{
    public const int TurnsPerConversation = 2;
    static readonly string[] Questions =
    [
        "My broadband keeps dropping in the evening. What can I do?", "How do I reset my router?", "Why is my bill higher this month?",
        "Can I move my contract to a new address?", "The TV box says no signal. Help?", "How fast is the fibre plan?",
    ];

    Guid _conversation;
    int _turn;

    public List<double> TimesToFirstTokenMs { get; } = [];
    public List<string> Errors { get; } = [];
    public HashSet<Guid> Conversations { get; } = [];
    public int Sent { get; private set; }
    public int Answered { get; private set; }
    public int EmptyAnswers { get; private set; }
    public int Pieces { get; private set; }

    public static async Task<WidgetVisitor> ConnectAsync(Uri app, string key, string origin, int number, CancellationToken ct)
    {
        var hub = WidgetConnection.Builder(app, key, origin).Build();
        await hub.StartAsync(ct);
        return new WidgetVisitor(hub, key, number);
    }

    /// <summary>Asks one question after another until <paramref name="until"/> (an answer under way is finished) or <paramref name="turns"/> are done.</summary>
    public async Task RunAsync(DateTime until, int turns, CancellationToken ct)
    {
        for (int i = 0; i < turns && DateTime.UtcNow < until; i++) await AskAsync(ct);
    }

    async Task AskAsync(CancellationToken ct)
    {
        try
        {
            if (_turn % TurnsPerConversation == 0)
            {
                _conversation = (await hub.InvokeAsync<WidgetStart>("StartConversation", key, ct)).ConversationId;
                Conversations.Add(_conversation);
            }
            string question = Questions[(number + _turn++) % Questions.Length];
            var clock = Stopwatch.StartNew();
            double? first = null;
            int pieces = 0;
            Sent++;
            await foreach (var delta in hub.StreamAsync<string>("SendMessage", key, _conversation, question, ct))
            {
                first ??= clock.Elapsed.TotalMilliseconds;
                pieces++;
            }
            Answered++;
            Pieces += pieces;
            if (first is { } ms) TimesToFirstTokenMs.Add(ms);
            else EmptyAnswers++;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Errors.Add($"visitor {number}: {ex.GetType().Name}: {ex.Message}");
            _turn = 0; // start a new conversation after an error
        }
    }

    public ValueTask DisposeAsync() => hub.DisposeAsync();
}
