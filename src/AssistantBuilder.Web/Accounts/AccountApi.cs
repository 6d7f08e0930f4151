using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AssistantBuilder.Web.Accounts;

public static class AccountApi
{
    public sealed record LoginRequest(string Email, string Password);
    public sealed record Me(string Email);

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/account").WithTags("Account");
        api.MapPost("/login", LoginAsync).AllowAnonymous().WithSummary("Sign in with e-mail and password; sets the session cookie.");
        api.MapGet("/me", (HttpContext http) => TypedResults.Ok(new Me(http.User.Identity!.Name!))).WithSummary("The signed-in operator.");
        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).WithTags("Account").WithSummary("Sign out (form post with an anti-forgery token).");
        return app;
    }

    static async Task<Results<NoContent, ProblemHttpResult>> LoginAsync(LoginRequest request, OperatorAccounts accounts, HttpContext http)
    {
        if (await accounts.VerifyAsync(request.Email ?? "", request.Password ?? "") is not { } op)
            return TypedResults.Problem("Wrong e-mail or password.", statusCode: StatusCodes.Status401Unauthorized);
        await OperatorAccounts.SignInAsync(http, op);
        return TypedResults.NoContent();
    }
}
