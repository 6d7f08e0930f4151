using AssistantBuilder.Core.Models;

namespace AssistantBuilder.Core.Tests.Models;

public sealed class HubSettingsTests
{
    static Func<string, string?> Env(string? endpoint = null, string? token = null) =>
        name => name switch { "HF_ENDPOINT" => endpoint, "HF_TOKEN" => token, _ => null };

    [Fact]
    public void Options_win_over_the_environment_which_wins_over_the_defaults()
    {
        Assert.Equal(new HubSettings(new Uri("https://huggingface.co/"), null), HubSettings.Resolve(null, null, Env()));
        Assert.Equal(new HubSettings(new Uri("http://mirror.test/hf/"), "hf_env"), HubSettings.Resolve(null, null, Env("http://mirror.test/hf", "hf_env")));
        Assert.Equal(new HubSettings(new Uri("http://127.0.0.1:1/"), "hf_arg"), HubSettings.Resolve("http://127.0.0.1:1/", "hf_arg", Env("http://mirror.test", "hf_env")));
        Assert.Null(HubSettings.Resolve(null, " ", Env(token: "")).Token);
    }

    [Fact]
    public void An_endpoint_under_a_path_keeps_it_and_a_bad_one_is_refused()
    {
        using var client = new HubClient(HubSettings.Resolve("http://mirror.test/hf", null, Env()));
        Assert.Equal("http://mirror.test/hf/api/models/org/name/revision/refs%2Fpr%2F1?blobs=true", client.ApiUrl("org/name", "refs/pr/1").AbsoluteUri);
        Assert.Equal("http://mirror.test/hf/org/name/resolve/main/a%20b.json", client.ResolveUrl("org/name", "main", "a b.json").AbsoluteUri);
        Assert.Equal("endpoint 'ftp://x' is not an http(s) URL", Assert.Throws<HubException>(() => HubSettings.Resolve("ftp://x", null, Env())).Message);
    }

    [Theory]
    [InlineData("\"abc\"", "abc")]
    [InlineData("W/\"abc\"", "abc")]
    [InlineData("abc", "abc")]
    public void Etags_are_normalised(string header, string etag) => Assert.Equal(etag, Checksum.NormalizeEtag(header));

    [Fact]
    public void An_etag_names_the_checksum_it_stands_for()
    {
        string sha256 = new('a', 64), sha1 = new('b', 40);
        Assert.Equal(new Checksum(ChecksumKind.Sha256, sha256), Checksum.FromEtag(sha256, linked: true));
        Assert.Equal(new Checksum(ChecksumKind.GitSha1, sha1), Checksum.FromEtag(sha1, linked: false));
        Assert.Null(Checksum.FromEtag(sha1, linked: true)); // a linked etag is a sha256 or nothing we can check
        Assert.Null(Checksum.FromEtag("1234-abcd", linked: false));
    }
}
