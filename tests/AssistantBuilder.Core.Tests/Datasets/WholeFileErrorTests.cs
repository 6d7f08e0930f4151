using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Tests.Datasets;

public sealed class WholeFileErrorTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData(" \n\r\n\t")]
    public void An_empty_file_is_refused(string text)
    {
        var e = Assert.Throws<DatasetException>(() => _dir.Import("empty.jsonl", text));

        Assert.Equal("empty.jsonl is empty", e.Message);
    }

    [Fact]
    public void A_binary_file_is_refused()
    {
        string path = _dir.WriteBytes("model.bin", [.. "PK\u0003\u0004"u8, 0x00, 0x14, 0x00]);

        var e = Assert.Throws<DatasetException>(() => DatasetImporter.Import(path, new ImportOptions()));

        Assert.Equal("model.bin looks like a binary file, not text: NUL byte at offset 4 (line 1)", e.Message);
    }

    [Fact]
    public void A_utf16_file_is_refused_with_advice()
    {
        string path = _dir.WriteBytes("excel.csv", System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("q,a\nx,y")).ToArray());

        var e = Assert.Throws<DatasetException>(() => DatasetImporter.Import(path, new ImportOptions()));

        Assert.Equal("excel.csv is UTF-16 (or UTF-32) encoded; save it as UTF-8", e.Message);
    }

    [Fact]
    public void A_file_over_max_bytes_is_refused()
    {
        string path = _dir.Write("big.jsonl", new string(' ', 2000));

        var e = Assert.Throws<DatasetException>(() => DatasetImporter.Import(path, new ImportOptions { MaxBytes = 1000 }));

        Assert.Equal("big.jsonl is too large: 2000 bytes, the limit is 1000 bytes (ImportOptions.MaxBytes)", e.Message);
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_cut_off_at_max_bytes()
    {
        using var stream = new UnseekableStream(new byte[5000]);

        var e = Assert.Throws<DatasetException>(() => DatasetImporter.Import(stream, "upload.jsonl", new ImportOptions { MaxBytes = 1000 }));

        Assert.Equal("upload.jsonl is too large: over the limit of 1000 bytes (ImportOptions.MaxBytes)", e.Message);
    }

    [Fact]
    public void A_file_without_a_usable_record_names_the_first_problem()
    {
        var e = Assert.Throws<DatasetException>(() => _dir.Import("bad.jsonl",
        [
            """{"messages":[{"role":"user","content":"only a question"}]}""",
            "not json",
        ]));

        Assert.Equal("no usable conversation in bad.jsonl: 2 records rejected; first: line 1: no assistant turn", e.Message);
        Assert.Equal([1, 2], e.Rejected.Select(r => r.Line));
        Assert.Equal("no assistant turn", e.Rejected[0].Reason);
    }

    [Fact]
    public void An_empty_array_has_no_conversation()
    {
        var e = Assert.Throws<DatasetException>(() => _dir.Import("none.json", "[]", new ImportOptions { Format = DatasetFormat.ShareGpt }));

        Assert.Equal("no conversation found in none.json", e.Message);
    }

    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
