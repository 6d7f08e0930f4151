namespace AssistantBuilder.Engine.Templates;

/// <summary>Python's numeric tower as the templates see it: bool is an int, int widens to float.</summary>
internal static class PyNumber
{
    public static bool IsNumber(object? value) => value is bool or long or double;

    /// <summary>An int or a bool, as Python's int.</summary>
    public static bool TryGetInteger(object? value, out long result)
    {
        result = value switch
        {
            long l => l,
            bool b => b ? 1 : 0,
            _ => 0,
        };
        return value is long or bool;
    }

    public static bool TryGetDouble(object? value, out double result)
    {
        result = value switch
        {
            double d => d,
            long l => l,
            bool b => b ? 1 : 0,
            _ => 0,
        };
        return IsNumber(value);
    }
}
