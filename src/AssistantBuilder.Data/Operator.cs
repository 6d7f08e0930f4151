namespace AssistantBuilder.Data;

/// <summary>A person who signs in to build assistants. The password is stored only as an ASP.NET Core Identity hash.</summary>
public sealed class Operator
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public required string PasswordHash { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
