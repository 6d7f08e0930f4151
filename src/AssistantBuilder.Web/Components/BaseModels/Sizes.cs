namespace AssistantBuilder.Web.Components.BaseModels;

/// <summary>Human-readable byte and parameter counts for the model pages.</summary>
public static class Sizes
{
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.##} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.#} KB",
        _ => $"{bytes} B",
    };

    public static string Parameters(long n) => n switch
    {
        >= 1_000_000_000 => $"{n / 1e9:0.##}B",
        >= 1_000_000 => $"{n / 1e6:0.#}M",
        >= 1_000 => $"{n / 1e3:0.#}K",
        _ => n.ToString(),
    };
}
