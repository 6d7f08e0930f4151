using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace AssistantBuilder.Core.Models;

/// <summary>
/// The few Hub endpoints a model pull needs, over HttpClient alone:
/// <c>GET api/models/{repo}/revision/{rev}</c> for the file list, <c>HEAD {repo}/resolve/{rev}/{file}</c> for a
/// file's etag, size and download URL, and a ranged <c>GET</c> of that URL. The token goes only to the endpoint's
/// own origin, never to the storage a file redirects to.
/// </summary>
public sealed class HubClient : IDisposable
{
    const int MaxRedirects = 10;
    readonly HttpClient _http;

    public HubSettings Settings { get; }

    public HubClient(HubSettings settings, HttpMessageHandler? handler = null)
    {
        Settings = settings;
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // redirects are followed here, to keep the token on the Hub's own origin
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(30),
        }) { Timeout = TimeSpan.FromMinutes(2) }; // until the headers arrive; reads have their own idle timeout
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("AssistantBuilder", "1.0"));
        _http.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
    }

    public Uri ApiUrl(string repoId, string revision) => new(Settings.Endpoint, $"api/models/{EscapePath(repoId)}/revision/{Uri.EscapeDataString(revision)}?blobs=true");

    public Uri ResolveUrl(string repoId, string revision, string file) =>
        new(Settings.Endpoint, $"{EscapePath(repoId)}/resolve/{Uri.EscapeDataString(revision)}/{EscapePath(file)}");

    /// <summary>The repository's files at a revision (a branch, tag or commit) and the commit it points to.</summary>
    public async Task<HubRepoInfo> GetRepoInfoAsync(string repoId, string revision, CancellationToken ct = default)
    {
        using var response = await SendAsync(HttpMethod.Get, ApiUrl(repoId, revision), null, followAbsolute: true, ct);
        if (!response.IsSuccessStatusCode)
        {
            // A 404 without the Hub's error code: the revision is missing if the repository itself answers.
            if (response.StatusCode == HttpStatusCode.NotFound && !response.Headers.Contains("X-Error-Code") && await RepoExistsAsync(repoId, ct))
                throw new HubException($"revision '{revision}' not found in {repoId}");
            throw HubErrors.For(response, repoId, revision, null, Settings.Token is not null);
        }
        JsonDocument doc;
        try { doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)); }
        catch (JsonException ex) { throw new HubException($"{response.RequestMessage!.RequestUri}: the Hub's answer is not JSON ({ex.Message})", ex); }
        using (doc) return ParseRepoInfo(repoId, revision, doc.RootElement);
    }

    static HubRepoInfo ParseRepoInfo(string repoId, string revision, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("siblings", out var siblings) || siblings.ValueKind != JsonValueKind.Array)
            throw new HubException($"the Hub's answer for {repoId} has no file list (siblings)");
        string commit = root.TryGetProperty("sha", out var sha) && sha.ValueKind == JsonValueKind.String ? sha.GetString()! : revision;
        var files = new List<HubRepoFile>();
        foreach (var s in siblings.EnumerateArray())
        {
            if (!s.TryGetProperty("rfilename", out var name) || name.ValueKind != JsonValueKind.String) continue;
            long? size = s.TryGetProperty("size", out var sz) && sz.TryGetInt64(out long n) ? n : null;
            string? lfs = s.TryGetProperty("lfs", out var l) && l.ValueKind == JsonValueKind.Object && l.TryGetProperty("sha256", out var h)
                ? h.GetString() : null;
            files.Add(new HubRepoFile(name.GetString()!, size, lfs));
        }
        return new HubRepoInfo(repoId, revision, commit, files);
    }

    async Task<bool> RepoExistsAsync(string repoId, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, new Uri(Settings.Endpoint, $"api/models/{EscapePath(repoId)}"), null, true, ct);
        return response.IsSuccessStatusCode;
    }

    /// <summary>
    /// HEAD on the file's resolve URL, following only relative redirects (a renamed repository) as huggingface_hub
    /// does: an absolute redirect points at the storage the content comes from, and its headers carry
    /// <c>X-Linked-Etag</c> (the sha256 of an LFS file) and <c>X-Linked-Size</c>.
    /// </summary>
    public async Task<HubFileMetadata> GetFileMetadataAsync(string repoId, string revision, string file, CancellationToken ct = default)
    {
        var url = ResolveUrl(repoId, revision, file);
        using var response = await SendAsync(HttpMethod.Head, url, null, followAbsolute: false, ct);
        bool redirect = IsRedirect(response.StatusCode) && response.Headers.Location is not null;
        if (!response.IsSuccessStatusCode && !redirect) throw HubErrors.For(response, repoId, revision, file, Settings.Token is not null);
        string? linked = Header(response, "X-Linked-Etag");
        string? etag = linked ?? Header(response, "ETag");
        if (etag is null) throw new HubException($"{url}: the Hub sent no ETag for {file}, so it cannot be verified");
        etag = Checksum.NormalizeEtag(etag);
        long? size = long.TryParse(Header(response, "X-Linked-Size"), out long linkedSize) ? linkedSize
            : redirect ? null : response.Content.Headers.ContentLength;
        var download = redirect ? new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!) : response.RequestMessage!.RequestUri!;
        return new HubFileMetadata(download, etag, size, Header(response, "X-Repo-Commit"), Checksum.FromEtag(etag, linked is not null));
    }

    /// <summary>GET a file's content from byte <paramref name="offset"/> on, following redirects; the caller reads and disposes it.</summary>
    public Task<HttpResponseMessage> GetContentAsync(Uri url, long offset, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Get, url, offset > 0 ? offset : null, followAbsolute: true, ct);

    async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, long? rangeStart, bool followAbsolute, CancellationToken ct)
    {
        for (int hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(method, url);
            if (Settings.Token is string token && SameOrigin(url, Settings.Endpoint))
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (rangeStart is long start) request.Headers.Range = new RangeHeaderValue(start, null);
            HttpResponseMessage response;
            try { response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct); }
            catch (HttpRequestException ex) { throw new HubUnreachableException($"cannot reach {url.GetLeftPart(UriPartial.Authority)}: {ex.Message}", ex); }
            catch (TaskCanceledException ex) when (!ct.IsCancellationRequested) { throw new HubUnreachableException($"{url}: no answer within {_http.Timeout.TotalSeconds:F0} s", ex); }
            var location = response.Headers.Location;
            if (!IsRedirect(response.StatusCode) || location is null || (location.IsAbsoluteUri && !followAbsolute)) return response;
            if (hop == MaxRedirects) { response.Dispose(); throw new HubException($"{url}: more than {MaxRedirects} redirects"); }
            url = new Uri(url, location);
            response.Dispose();
        }
    }

    static bool IsRedirect(HttpStatusCode s) => (int)s is 301 or 302 or 303 or 307 or 308;

    static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    internal static string? Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var v) ? v.FirstOrDefault() : r.Content.Headers.TryGetValues(name, out var c) ? c.FirstOrDefault() : null;

    public void Dispose() => _http.Dispose();
}

/// <summary>The connection failed or timed out: worth a retry, unlike an answer that says no.</summary>
public sealed class HubUnreachableException(string message, Exception inner) : IOException(message, inner);
