using System.Text;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>HF's NFC / NFD / NFKC / NFKD normalizers.</summary>
internal sealed class UnicodeFormNormalizer(NormalizationForm form) : INormalizer
{
    public string Normalize(string text) => text.Normalize(form);
}
