namespace AssistantBuilder.Testing;

/// <summary>Polls for something that happens asynchronously (a stored row, a state change), failing after a bound: never a fixed sleep.</summary>
public static class Eventually
{
    /// <summary>The first non-null value <paramref name="read"/> gives.</summary>
    /// <exception cref="TimeoutException">None within <paramref name="seconds"/>, naming <paramref name="what"/>.</exception>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> read, string what, double seconds = 20) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await read() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what} did not show up within {seconds} s");
            await Task.Delay(50);
        }
    }

    /// <summary>Returns once <paramref name="condition"/> holds.</summary>
    /// <exception cref="TimeoutException">It did not within <paramref name="seconds"/>, naming <paramref name="what"/>.</exception>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited {seconds} s for {what}");
            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, double seconds = 30) => TrueAsync(() => Task.FromResult(condition()), what, seconds);
}
