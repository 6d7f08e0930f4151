namespace AssistantBuilder.Core.Datasets;

/// <summary>Picks the separator of a delimited file: tab for .tsv, else whichever of , ; and tab the header line uses most.</summary>
internal static class CsvSeparator
{
    public static char Guess(SourceText source)
    {
        if (Path.GetExtension(source.FileName).Equals(".tsv", StringComparison.OrdinalIgnoreCase))
        {
            return '\t';
        }

        string header = source.Lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) ?? "";
        char[] candidates = [',', ';', '\t'];
        return candidates.MaxBy(c => header.Count(h => h == c));
    }
}
