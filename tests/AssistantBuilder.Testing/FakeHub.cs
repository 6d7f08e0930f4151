using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AssistantBuilder.Testing;

/// <summary>
/// A stand-in for the Hugging Face Hub on 127.0.0.1, with the endpoints and headers a model pull uses:
/// <c>GET api/models/{repo}/revision/{rev}</c> (siblings, with sizes and LFS sha256 when <c>blobs=true</c>),
/// <c>HEAD/GET {repo}/resolve/{rev}/{file}</c> (git files: 200 with <c>ETag</c> = git blob id; LFS files: 302 to
/// <c>cdn/</c> with <c>X-Linked-Etag</c> = sha256 and <c>X-Linked-Size</c>), and the Hub's <c>X-Error-Code</c>s.
/// Content honours <c>Range: bytes=N-</c>. Switches: a required token, a transfer cut off at a byte, a corrupt file.
/// Every request is recorded.
/// </summary>
public sealed class FakeHub : IDisposable
{
    public sealed record Request(string Method, string Path, string? Range, string? Authorization, bool ToStorage);
    sealed record Repo(string Id, string Commit, IReadOnlyDictionary<string, byte[]> Files);

    readonly HttpListener _listener;
    readonly ConcurrentDictionary<string, Repo> _repos = new();
    readonly ConcurrentDictionary<string, (long At, int Times)> _cuts = new();
    readonly ConcurrentDictionary<string, bool> _corrupt = new();
    readonly Task _loop;

    public Uri Endpoint { get; }
    /// <summary>Where LFS files redirect to: another origin (port), as the Hub's CDN is, so the token must not follow.</summary>
    public Uri Storage { get; }
    public ConcurrentQueue<Request> Requests { get; } = new();
    /// <summary>When set, the API and resolve URLs answer 401 RepoNotFound unless <c>Authorization: Bearer {token}</c> is sent.</summary>
    public string? RequiredToken { get; set; }

    public FakeHub()
    {
        for (int attempt = 0; ; attempt++)
        {
            int hub = FreePort(), storage = FreePort();
            _listener = new HttpListener();
            _listener.Prefixes.Add($"http://127.0.0.1:{hub}/");
            _listener.Prefixes.Add($"http://127.0.0.1:{storage}/");
            try { _listener.Start(); (Endpoint, Storage) = (new Uri($"http://127.0.0.1:{hub}/"), new Uri($"http://127.0.0.1:{storage}/")); break; }
            catch (HttpListenerException) when (attempt < 10) { _listener.Close(); }
        }
        _loop = Task.Run(LoopAsync);
    }

    static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public static bool IsLfs(string file) => file.EndsWith(".safetensors") || file.EndsWith(".bin") || file.EndsWith(".gguf");

    /// <summary>Adds (or replaces, with a new commit and no cuts or corruption) a repository holding these files.</summary>
    public void AddRepo(string id, IReadOnlyDictionary<string, byte[]> files)
    {
        string commit = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{id} {Guid.NewGuid()}")));
        _repos[id] = new Repo(id, commit, files);
        foreach (var key in _cuts.Keys.Concat(_corrupt.Keys).Where(k => k.StartsWith(id + "/")).ToList()) { _cuts.TryRemove(key, out _); _corrupt.TryRemove(key, out _); }
    }

    /// <summary>A repository holding the top-level files of a folder (a TinyModel's, say), plus <paramref name="extra"/>.</summary>
    public void AddRepo(string id, string directory, IReadOnlyDictionary<string, byte[]>? extra = null) =>
        AddRepo(id, Directory.EnumerateFiles(directory).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes)
            .Concat(extra ?? new Dictionary<string, byte[]>()).ToDictionary(kv => kv.Key, kv => kv.Value));

    /// <summary>The next <paramref name="times"/> transfers of the file stop after byte <paramref name="at"/> and drop the connection.</summary>
    public void Cut(string repo, string file, long at, int times = 1) => _cuts[$"{repo}/{file}"] = (at, times);

    /// <summary>The file is served with one byte changed, under the headers (sha256, size) of the right content.</summary>
    public void Corrupt(string repo, string file) => _corrupt[$"{repo}/{file}"] = true;

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static string GitBlobId(byte[] content) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {content.Length}\0"), .. content]));

    async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() =>
            {
                try { Handle(context); }
                catch (Exception ex) { Console.Error.WriteLine(ex); try { context.Response.Abort(); } catch (Exception) { } }
            });
        }
    }

    void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        string raw = request.RawUrl ?? "/";
        string query = raw.Contains('?') ? raw[(raw.IndexOf('?') + 1)..] : "";
        var segments = raw.Split('?')[0].Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        bool toStorage = request.LocalEndPoint.Port == Storage.Port;
        Requests.Enqueue(new Request(request.HttpMethod, string.Join('/', segments), request.Headers["Range"], request.Headers["Authorization"], toStorage));

        if (toStorage) { ServeLfs(context, segments); return; }
        if (RequiredToken is not null && request.Headers["Authorization"] != $"Bearer {RequiredToken}")
        {
            Error(response, 401, "RepoNotFound", "Repository not found");
            return;
        }
        if (segments is ["api", "models", .. var rest])
        {
            int at = Array.IndexOf(rest, "revision");
            string id = string.Join('/', at < 0 ? rest : rest[..at]);
            Api(response, id, at < 0 ? "main" : rest[at + 1], query.Contains("blobs=true"));
            return;
        }
        int resolve = Array.IndexOf(segments, "resolve");
        if (resolve > 0 && segments.Length > resolve + 2)
        {
            Resolve(context, string.Join('/', segments[..resolve]), segments[resolve + 1], string.Join('/', segments[(resolve + 2)..]));
            return;
        }
        Error(response, 404, null, "Not found");
    }

    bool Find(HttpListenerResponse response, string id, string revision, out Repo repo)
    {
        if (!_repos.TryGetValue(id, out repo!)) { Error(response, 401, "RepoNotFound", "Repository not found"); return false; }
        if (revision != "main" && revision != repo.Commit) { Error(response, 404, "RevisionNotFound", $"Invalid rev id: {revision}"); return false; }
        return true;
    }

    void Api(HttpListenerResponse response, string id, string revision, bool blobs)
    {
        if (!Find(response, id, revision, out var repo)) return;
        var siblings = repo.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => blobs
            ? (object)new
            {
                rfilename = f.Key, blobId = GitBlobId(f.Value), size = f.Value.LongLength,
                lfs = IsLfs(f.Key) ? new { sha256 = Sha256(f.Value), size = f.Value.LongLength, pointerSize = 134 } : null,
            }
            : new { rfilename = f.Key });
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            _id = repo.Commit[..24], id = repo.Id, modelId = repo.Id, sha = repo.Commit, @private = false, gated = false, disabled = false, siblings,
        });
        response.ContentType = "application/json";
        Send(response, 200, json);
    }

    void Resolve(HttpListenerContext context, string id, string revision, string file)
    {
        var response = context.Response;
        if (!Find(response, id, revision, out var repo)) return;
        if (!repo.Files.TryGetValue(file, out var content)) { Error(response, 404, "EntryNotFound", $"{file} does not exist on \"{revision}\""); return; }
        response.Headers["X-Repo-Commit"] = repo.Commit;
        if (!IsLfs(file))
        {
            response.Headers["ETag"] = $"\"{GitBlobId(content)}\"";
            ServeContent(context, $"{id}/{file}", content);
            return;
        }
        response.Headers["X-Linked-Etag"] = $"\"{Sha256(content)}\"";
        response.Headers["X-Linked-Size"] = content.LongLength.ToString();
        response.Headers["ETag"] = $"\"{GitBlobId(content)}\"";
        response.RedirectLocation = new Uri(Storage, $"cdn/{Uri.EscapeDataString(id)}/{repo.Commit}/{Uri.EscapeDataString(file)}").ToString();
        response.StatusCode = 302;
        response.Close();
    }

    // The storage an LFS file redirects to: no token needed, ranges honoured.
    void ServeLfs(HttpListenerContext context, string[] segments)
    {
        if (segments.Length != 4 || !_repos.TryGetValue(segments[1], out var repo) || !repo.Files.TryGetValue(segments[3], out var content))
        {
            Error(context.Response, 404, null, "no such object");
            return;
        }
        context.Response.Headers["ETag"] = $"\"{Sha256(content)}\"";
        ServeContent(context, $"{repo.Id}/{segments[3]}", content);
    }

    void ServeContent(HttpListenerContext context, string key, byte[] content)
    {
        var response = context.Response;
        if (_corrupt.ContainsKey(key)) { content = (byte[])content.Clone(); content[content.Length / 2] ^= 0xFF; }
        long start = 0;
        if (context.Request.Headers["Range"] is string range && range.StartsWith("bytes=") && range.EndsWith('-'))
        {
            start = long.Parse(range["bytes=".Length..^1]);
            if (start >= content.Length)
            {
                response.Headers["Content-Range"] = $"bytes */{content.Length}";
                Send(response, 416, []);
                return;
            }
            response.StatusCode = 206;
            response.Headers["Content-Range"] = $"bytes {start}-{content.Length - 1}/{content.Length}";
        }
        response.ContentLength64 = content.Length - start;
        if (context.Request.HttpMethod == "HEAD") { response.Close(); return; }
        if (TakeCut(key) is long at && at > start)
        {
            response.OutputStream.Write(content, (int)start, (int)(at - start));
            response.OutputStream.Flush();
            response.Abort(); // the connection drops mid-file
            return;
        }
        response.OutputStream.Write(content, (int)start, (int)(content.Length - start));
        response.Close();
    }

    long? TakeCut(string key)
    {
        while (_cuts.TryGetValue(key, out var cut) && cut.Times > 0)
            if (_cuts.TryUpdate(key, (cut.At, cut.Times - 1), cut)) return cut.At;
        return null;
    }

    static void Error(HttpListenerResponse response, int status, string? code, string message)
    {
        if (code is not null) response.Headers["X-Error-Code"] = code;
        response.Headers["X-Error-Message"] = message;
        response.ContentType = "application/json";
        Send(response, status, JsonSerializer.SerializeToUtf8Bytes(new { error = message }));
    }

    static void Send(HttpListenerResponse response, int status, byte[] body)
    {
        response.StatusCode = status;
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
