using System.Net;
using System.Net.Sockets;

namespace AssistantBuilder.Web.FunctionalTests.Reliability;

/// <summary>
/// A TCP pass-through on a loopback port to the app's port, so a test can drop every connection at once the way a
/// network does (a reset, no WebSocket close frame). New connections keep being accepted after a drop. Written by
/// hand: a few lines over TcpListener, where a proxy library would be much more than a test needs.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly int _target;
    readonly List<(TcpClient Client, TcpClient Server)> _pairs = [];
    readonly CancellationTokenSource _stop = new();
    readonly Task _accepting;

    public LoopbackProxy(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Connections accepted so far (a reconnect adds one).</summary>
    public int Accepted { get; private set; }

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, _target);
            lock (_pairs) { _pairs.Add((client, server)); Accepted++; }
            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream()); }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException) { }
        finally { from.Dispose(); to.Dispose(); }
    }

    /// <summary>Resets every open connection, both ways.</summary>
    public void DropAll()
    {
        lock (_pairs)
        {
            foreach (var (client, server) in _pairs)
                foreach (var socket in new[] { client, server })
                {
                    try { socket.Client?.LingerState = new LingerOption(true, 0); } catch (ObjectDisposedException) { }
                    socket.Dispose();
                }
            _pairs.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        DropAll();
        await _accepting;
        _stop.Dispose();
    }
}
