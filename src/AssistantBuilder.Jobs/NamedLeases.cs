using AssistantBuilder.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Jobs;

/// <summary>
/// Named, expiring leases in the database (the <see cref="Lease"/> table): at most one owner holds a name at a time;
/// it keeps it by renewing before it expires, and anyone may take it once it has. Used for "hub-relay", the web node
/// that relays the job events of <c>ab worker</c>s to the hub when nodes share a SignalR backplane.
/// </summary>
public sealed class NamedLeases(IDbContextFactory<AppDbContext> dbs, TimeProvider? clock = null)
{
    readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Takes or renews <paramref name="name"/> for <paramref name="owner"/>; true when it holds the lease now.</summary>
    public async Task<bool> TryAcquireAsync(string name, string owner, TimeSpan length, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = _clock.GetUtcNow().UtcDateTime;
        int taken = await db.Leases.Where(l => l.Name == name && (l.Owner == owner || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.ExpiresAt, now + length), ct);
        if (taken == 1) return true;
        if (await db.Leases.AnyAsync(l => l.Name == name, ct)) return false;
        db.Leases.Add(new Lease { Name = name, Owner = owner, ExpiresAt = now + length });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException) { return false; } // another owner inserted it first
    }

    /// <summary>Gives the lease up (when held by <paramref name="owner"/>), so another can take it at once.</summary>
    public async Task ReleaseAsync(string name, string owner)
    {
        await using var db = await dbs.CreateDbContextAsync();
        await db.Leases.Where(l => l.Name == name && l.Owner == owner).ExecuteDeleteAsync();
    }
}
