using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AssistantBuilder.Core.Datasets;

/// <summary>
/// Splits conversations into training and validation sets. Each conversation's side is decided by a SHA-256 of
/// the seed and its content, so the split depends only on the seed and the data: the same on every machine and
/// .NET version, whatever the order of the input.
/// </summary>
public static class DatasetSplitter
{
    /// <summary>
    /// Puts about <paramref name="validationFraction"/> of <paramref name="all"/> into validation: at least one
    /// conversation when there are two or more, and never all of them. Both lists keep the input order.
    /// </summary>
    public static (IReadOnlyList<Conversation> Train, IReadOnlyList<Conversation> Validation) Split(
        IReadOnlyList<Conversation> all, double validationFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (double.IsNaN(validationFraction) || validationFraction < 0 || validationFraction >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "must be in [0, 1)");
        }

        var validation = ValidationIndexes(all, validationFraction, seed);
        return (Pick(all, i => !validation.Contains(i)), Pick(all, validation.Contains));
    }

    private static HashSet<int> ValidationIndexes(IReadOnlyList<Conversation> all, double fraction, int seed)
    {
        int count = ValidationCount(all.Count, fraction);
        return Enumerable.Range(0, all.Count)
            .OrderBy(i => Rank(all[i], seed))
            .ThenBy(i => i)
            .Take(count)
            .ToHashSet();
    }

    private static int ValidationCount(int total, double fraction) =>
        total < 2 ? 0 : Math.Clamp((int)Math.Round(total * fraction, MidpointRounding.AwayFromZero), 1, total - 1);

    private static ulong Rank(Conversation conversation, int seed)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\u001d{ConversationKey.Of(conversation)}"));
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    private static List<Conversation> Pick(IReadOnlyList<Conversation> all, Func<int, bool> predicate) =>
        Enumerable.Range(0, all.Count).Where(predicate).Select(i => all[i]).ToList();
}
