namespace AssistantBuilder.Web.Assistants;

/// <summary>
/// The origins a widget may be embedded from: absolute http(s) origins such as <c>https://shop.example.com</c> or
/// <c>http://localhost:5173</c>, without a path, query, fragment or user info. Stored normalised (lower case, no
/// default port, no trailing slash).
/// </summary>
public static class OriginRules
{
    public static bool TryNormalize(string? text, out string origin, out string error)
    {
        (origin, error) = ("", "");
        string value = text?.Trim() ?? "";
        if (value.Length == 0) { error = "An origin cannot be empty."; return false; }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = $"'{value}' is not an absolute http(s) origin such as https://shop.example.com.";
            return false;
        }
        if (uri.UserInfo.Length > 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0
            || value.TrimEnd('/').Length < value.Length - 1 || uri.Host.Length == 0)
        {
            error = $"'{value}' has more than an origin: give only scheme, host and port, such as {uri.Scheme}://{uri.Authority}.";
            return false;
        }
        origin = uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
        return true;
    }
}
