using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace AssistantBuilder.Web.OpenAi;

/// <summary>Writes <c>data: JSON</c> events, each flushed at once, and the closing <c>data: [DONE]</c>.</summary>
public sealed class ServerSentEvents
{
    static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();
    readonly HttpResponse _response;

    ServerSentEvents(HttpResponse response) => _response = response;

    public static async Task<ServerSentEvents> StartAsync(HttpContext http)
    {
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.StartAsync(http.RequestAborted);
        return new ServerSentEvents(http.Response);
    }

    public async Task SendAsync<T>(T value, CancellationToken ct)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, OpenAiJson.Options);
        var frame = new byte[json.Length + 8];
        "data: "u8.CopyTo(frame);
        json.CopyTo(frame, 6);
        frame[^2] = (byte)'\n';
        frame[^1] = (byte)'\n';
        await _response.Body.WriteAsync(frame, ct);
        await _response.Body.FlushAsync(ct);
    }

    /// <summary>An error after the stream began, as one last event; nothing when the client is gone.</summary>
    public static async Task SendErrorAsync(HttpContext http, OpenAiError error)
    {
        try { await new ServerSentEvents(http.Response).SendAsync(error, http.RequestAborted); }
        catch (Exception ex) when (ex is OperationCanceledException or IOException) { }
    }

    public async Task SendDoneAsync(CancellationToken ct)
    {
        await _response.Body.WriteAsync(Done, ct);
        await _response.Body.FlushAsync(ct);
    }
}
