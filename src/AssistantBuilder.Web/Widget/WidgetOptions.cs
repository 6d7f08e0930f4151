namespace AssistantBuilder.Web.Widget;

/// <summary>Limits of the embeddable widget (configuration section <c>Widget</c>).</summary>
public sealed class WidgetOptions
{
    /// <summary>The longest message a visitor may send, in characters.</summary>
    public int MaxMessageChars { get; set; } = 2000;
    /// <summary>The longest comment on a rating, in characters.</summary>
    public int MaxCommentChars { get; set; } = 1000;
    /// <summary>How long the CORS check may use an assistant's allowed origins before reading them again.</summary>
    public int CorsCacheSeconds { get; set; } = 30;
    public WidgetRateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>Messages allowed per fixed window (<c>Widget:RateLimit:*</c>), per widget key and per client IP.</summary>
public sealed class WidgetRateLimitOptions
{
    public int PerKey { get; set; } = 120;
    public int PerIp { get; set; } = 20;
    public int WindowSeconds { get; set; } = 60;
}
