using System.Globalization;
using System.Text;

namespace AssistantBuilder.Engine.Templates;

/// <summary>Python's <c>datetime.strftime</c> for the common directives (C locale).</summary>
internal static class PyStrftime
{
    private static readonly Dictionary<char, Func<DateTime, string>> Directives = new()
    {
        ['d'] = t => t.Day.ToString("00", CultureInfo.InvariantCulture),
        ['m'] = t => t.Month.ToString("00", CultureInfo.InvariantCulture),
        ['Y'] = t => t.Year.ToString("0000", CultureInfo.InvariantCulture),
        ['y'] = t => (t.Year % 100).ToString("00", CultureInfo.InvariantCulture),
        ['H'] = t => t.Hour.ToString("00", CultureInfo.InvariantCulture),
        ['I'] = t => ((t.Hour + 11) % 12 + 1).ToString("00", CultureInfo.InvariantCulture),
        ['M'] = t => t.Minute.ToString("00", CultureInfo.InvariantCulture),
        ['S'] = t => t.Second.ToString("00", CultureInfo.InvariantCulture),
        ['f'] = t => (t.Ticks % TimeSpan.TicksPerSecond / 10).ToString("000000", CultureInfo.InvariantCulture),
        ['p'] = t => t.Hour < 12 ? "AM" : "PM",
        ['b'] = t => t.ToString("MMM", CultureInfo.InvariantCulture),
        ['B'] = t => t.ToString("MMMM", CultureInfo.InvariantCulture),
        ['a'] = t => t.ToString("ddd", CultureInfo.InvariantCulture),
        ['A'] = t => t.ToString("dddd", CultureInfo.InvariantCulture),
        ['j'] = t => t.DayOfYear.ToString("000", CultureInfo.InvariantCulture),
        ['w'] = t => ((int)t.DayOfWeek).ToString(CultureInfo.InvariantCulture),
        ['%'] = _ => "%",
    };

    public static string Format(DateTime time, string format)
    {
        var result = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '%' && i + 1 < format.Length && Directives.TryGetValue(format[i + 1], out var directive))
            {
                result.Append(directive(time));
                i++;
            }
            else
            {
                result.Append(format[i]);
            }
        }

        return result.ToString();
    }
}
