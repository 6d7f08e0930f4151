using System.ComponentModel.DataAnnotations;

namespace AssistantBuilder.Web.Components.Account;

public sealed class Credentials
{
    [Required, EmailAddress] public string Email { get; set; } = "";
    [Required] public string Password { get; set; } = "";
}
