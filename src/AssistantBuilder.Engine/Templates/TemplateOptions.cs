namespace AssistantBuilder.Engine.Templates;

/// <summary>The Jinja environment settings that change how a template's whitespace is handled.</summary>
/// <param name="TrimBlocks">Drop the first newline after a block or comment tag.</param>
/// <param name="LstripBlocks">Drop spaces and tabs before a block or comment tag that starts a line.</param>
/// <param name="KeepTrailingNewline">Keep a single newline at the very end of the template.</param>
public sealed record TemplateOptions(bool TrimBlocks, bool LstripBlocks, bool KeepTrailingNewline)
{
    /// <summary>What HF transformers renders chat templates with: <c>trim_blocks=True, lstrip_blocks=True</c>.</summary>
    public static TemplateOptions ChatTemplate { get; } = new(TrimBlocks: true, LstripBlocks: true, KeepTrailingNewline: false);

    /// <summary>Jinja2's own defaults.</summary>
    public static TemplateOptions JinjaDefaults { get; } = new(TrimBlocks: false, LstripBlocks: false, KeepTrailingNewline: false);
}
