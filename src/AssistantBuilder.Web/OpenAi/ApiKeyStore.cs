using System.Security.Cryptography;
using System.Text;
using AssistantBuilder.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.OpenAi;

/// <summary>
/// Bearer keys for the OpenAI-compatible API: "ab-" + 32 random bytes (base64url). Only the SHA-256 hash is stored;
/// the key is returned once, at creation. Revoked keys stay listed.
/// </summary>
public sealed class ApiKeyStore(IDbContextFactory<AppDbContext> dbs, TimeProvider clock)
{
    public const string KeyPrefix = "ab-";
    public const int MaxName = 100, PrefixLength = 10;
    /// <summary>Last-used times are written at most this often per key, not on every request.</summary>
    static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(ct);
        return keys.OrderBy(k => k.Revoked).ThenByDescending(k => k.CreatedAt).Select(ApiKeyView.From).ToList();
    }

    /// <summary>Creates a key; null name problems come back as the error message.</summary>
    public async Task<(CreatedApiKey? Key, string? Problem)> CreateAsync(string? name, CancellationToken ct = default)
    {
        name = name?.Trim() ?? "";
        if (name.Length == 0) return (null, "A name is required (say who or what will use the key).");
        if (name.Length > MaxName) return (null, $"The name is longer than {MaxName} characters.");
        string key = KeyPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var row = new ApiKey { Name = name, Prefix = key[..PrefixLength], Hash = Hash(key), CreatedAt = clock.GetUtcNow().UtcDateTime };
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return (new CreatedApiKey(row.Id, row.Name, row.Prefix, row.CreatedAt, key), null);
    }

    /// <summary>Revokes a key (it stays listed); null when there is no such key.</summary>
    public async Task<ApiKeyView?> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FindAsync([id], ct);
        if (key is null) return null;
        key.Revoked = true;
        await db.SaveChangesAsync(ct);
        return ApiKeyView.From(key);
    }

    /// <summary>Checks a presented key and notes when it was last used.</summary>
    public async Task<(ApiKeyCheck Check, ApiKey? Key)> CheckAsync(string presented, CancellationToken ct = default)
    {
        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 200) return (ApiKeyCheck.Unknown, null);
        string hash = Hash(presented);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash, ct);
        if (key is null) return (ApiKeyCheck.Unknown, null);
        if (key.Revoked) return (ApiKeyCheck.Revoked, key);
        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedResolution)
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return (ApiKeyCheck.Valid, key);
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
