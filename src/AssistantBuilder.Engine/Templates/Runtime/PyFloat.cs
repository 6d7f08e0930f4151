using System.Globalization;

namespace AssistantBuilder.Engine.Templates;

/// <summary>Python's <c>repr(float)</c>: the shortest digits that round-trip, e.g. <c>1.0</c>, <c>1e-05</c>, <c>1e+16</c>.</summary>
internal static class PyFloat
{
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var sign = value < 0 || (value == 0 && double.IsNegative(value)) ? "-" : string.Empty;
        var (digits, pointPosition) = ShortestDigits(Math.Abs(value));
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        var exponent = pointPosition - 1;
        return sign + (exponent is >= -4 and < 16 ? Fixed(digits, pointPosition) : Scientific(digits, exponent));
    }

    /// <summary>The significant digits and where the decimal point goes (0 = before the first digit).</summary>
    private static (string Digits, int PointPosition) ShortestDigits(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOf('E', StringComparison.Ordinal);
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var pointPosition = (dot < 0 ? mantissa.Length : dot) + exponent;
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        return (digits.Trim('0'), pointPosition - leadingZeros);
    }

    private static string Fixed(string digits, int pointPosition)
    {
        if (pointPosition <= 0)
        {
            return "0." + new string('0', -pointPosition) + digits;
        }

        return pointPosition >= digits.Length
            ? digits + new string('0', pointPosition - digits.Length) + ".0"
            : digits[..pointPosition] + "." + digits[pointPosition..];
    }

    private static string Scientific(string digits, int exponent)
    {
        var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        var exponentText = Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{exponentText}";
    }
}
