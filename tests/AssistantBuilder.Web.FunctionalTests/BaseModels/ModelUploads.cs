using System.IO.Compression;
using System.Net.Http.Headers;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Web.FunctionalTests.BaseModels;

/// <summary>Builds upload bodies: zips of TinyModel folders (possibly altered), and multipart forms.</summary>
static class ModelUploads
{
    /// <summary>A zip of a fresh tiny model; <paramref name="alter"/> may change the folder first; entries under <paramref name="folder"/> when given.</summary>
    public static byte[] TinyZip(Action<string>? alter = null, string? folder = null)
    {
        using var tiny = TinyModel.Create();
        alter?.Invoke(tiny.Directory);
        return Zip(Directory.EnumerateFiles(tiny.Directory).Select(f => ((folder is null ? "" : folder + "/") + Path.GetFileName(f), File.ReadAllBytes(f))));
    }

    public static byte[] Zip(IEnumerable<(string Entry, byte[] Bytes)> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (entry, bytes) in entries)
            {
                using var s = zip.CreateEntry(entry, CompressionLevel.Fastest).Open();
                s.Write(bytes);
            }
        return buffer.ToArray();
    }

    public static MultipartFormDataContent Form(string? name, params (string FileName, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        if (name is not null) form.Add(new StringContent(name), "name");
        foreach (var (fileName, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", fileName);
        }
        return form;
    }
}
