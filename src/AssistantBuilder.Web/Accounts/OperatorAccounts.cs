using System.Security.Claims;
using AssistantBuilder.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.Accounts;

/// <summary>Operator accounts: passwords hashed with ASP.NET Core Identity's hasher (PBKDF2), sign-in by cookie.</summary>
public sealed class OperatorAccounts(IDbContextFactory<AppDbContext> dbs)
{
    public const int MinPasswordLength = 8;
    static readonly PasswordHasher<Operator> Hasher = new();

    public async Task<bool> AnyAsync()
    {
        await using var db = await dbs.CreateDbContextAsync();
        return await db.Operators.AnyAsync();
    }

    /// <summary>Creates an operator; returns the problem with the input instead when there is one.</summary>
    public async Task<string?> CreateAsync(string email, string password)
    {
        email = email.Trim();
        if (!email.Contains('@') || email.Length > 200) return "Enter a valid e-mail address.";
        if (password.Length < MinPasswordLength) return $"The password needs at least {MinPasswordLength} characters.";
        await using var db = await dbs.CreateDbContextAsync();
        if (await db.Operators.AnyAsync(o => o.Email == email)) return $"An operator with the e-mail {email} exists already.";
        var op = new Operator { Email = email, PasswordHash = "" };
        op.PasswordHash = Hasher.HashPassword(op, password);
        db.Operators.Add(op);
        await db.SaveChangesAsync();
        return null;
    }

    public async Task<Operator?> VerifyAsync(string email, string password)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var op = await db.Operators.FirstOrDefaultAsync(o => o.Email == email.Trim());
        if (op is null) return null;
        return Hasher.VerifyHashedPassword(op, op.PasswordHash, password) == PasswordVerificationResult.Failed ? null : op;
    }

    public static Task SignInAsync(HttpContext http, Operator op)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, op.Id.ToString()), new Claim(ClaimTypes.Name, op.Email)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }
}
