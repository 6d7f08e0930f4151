using System.Net;

namespace AssistantBuilder.Core.Models;

/// <summary>
/// Turns a failed Hub response into one clear message. The Hub names the cause in <c>X-Error-Code</c>
/// (RepoNotFound, GatedRepo, RevisionNotFound, EntryNotFound); a 401 on a repository URL means "not found,
/// or private or gated and not authorised", as huggingface_hub reads it.
/// </summary>
static class HubErrors
{
    public static HubException For(HttpResponseMessage response, string repoId, string revision, string? file, bool sentToken)
    {
        string? code = HubClient.Header(response, "X-Error-Code");
        string? server = HubClient.Header(response, "X-Error-Message");
        var status = response.StatusCode;
        return code switch
        {
            "RevisionNotFound" => new HubException($"revision '{revision}' not found in {repoId}"),
            "EntryNotFound" => new HubException($"{file} not found in {repoId} at revision '{revision}'"),
            "GatedRepo" => new HubException($"{repoId} is a gated repository: accept its conditions on its Hub page, then set HF_TOKEN " +
                "(or --token) to a token of that account" + (sentToken ? " (the token sent was not granted access)" : "")),
            "RepoNotFound" => RepoNotFound(repoId, sentToken),
            _ when status is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound => RepoNotFound(repoId, sentToken),
            _ when status == HttpStatusCode.Forbidden => new HubException($"access to {repoId} denied (403{(server is null ? "" : $": {server}")}): " +
                "check that HF_TOKEN can read this repository"),
            _ => new HubException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} failed: " +
                $"{(int)status} {response.ReasonPhrase}{(server is null ? "" : $" ({server})")}"),
        };
    }

    public static HubException RepoNotFound(string repoId, bool sentToken) => new(
        $"repository {repoId} not found, or it is gated/private: set HF_TOKEN" +
        (sentToken ? " (a token was sent: check that it can read this repository)" : " (or pass --token)"));

    /// <summary>Worth another try: the server or a proxy failed, or asked us to slow down.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
}
