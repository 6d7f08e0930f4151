using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AssistantBuilder.Web.FunctionalTests;

/// <summary>Sign-in, the first operator, and that nothing leaks to an anonymous visitor (on SQLite; <c>AccessPostgresTests</c>: on PostgreSQL).</summary>
public sealed class AccessTests(WebAppFactory app) : AccessTests<WebAppFactory>(app);

public abstract class AccessTests<TApp> : IClassFixture<TApp> where TApp : WebAppFactory
{
    readonly WebAppFactory _app;
    protected AccessTests(TApp app) => _app = app;

    HttpClient Anonymous() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/")]
    [InlineData("/datasets")]
    [InlineData("/jobs")]
    public async Task Pages_redirect_anonymous_visitors_to_the_login_page(string path)
    {
        var response = await Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task Apis_answer_401_to_anonymous_callers()
    {
        var response = await Anonymous().GetAsync("/api/account/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_refused_and_the_right_one_signs_in()
    {
        var client = Anonymous();
        var wrong = await client.PostAsJsonAsync("/api/account/login", new { email = WebAppFactory.Email, password = "nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        var signedIn = await _app.SignedInClientAsync();
        var me = await signedIn.GetFromJsonAsync<MeDto>("/api/account/me");
        Assert.Equal(WebAppFactory.Email, me!.Email);
    }

    [Fact]
    public async Task The_password_is_stored_hashed()
    {
        await using var db = _app.CreateDb();
        var op = db.Operators.Single();
        Assert.DoesNotContain(WebAppFactory.Password, op.PasswordHash);
        Assert.True(op.PasswordHash.Length > 40);
    }

    [Fact]
    public async Task Login_page_and_health_check_are_public()
    {
        var client = Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task The_shipped_default_model_is_registered_on_first_start()
    {
        await using var db = _app.CreateDb();
        var model = Assert.Single(db.BaseModels, m => m.Name == "default");
        Assert.Equal(Data.ModelSource.Shipped, model.Source);
        Assert.Equal("LlamaForCausalLM", model.Architecture);
        Assert.True(model.Parameters > 1_000_000);
    }

    sealed record MeDto(string Email);
}
