using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

// Marks one GLIBCXX version need of an ELF64 shared library as weak (VER_FLG_WEAK), in place,
// when the system libstdc++ does not define that version. See LibTorchSharpGlibcxx.targets.
public class PatchGlibcxxVersionNeed : Task
{
    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlgWeak = 0x2;
    static readonly string[] LibstdcxxPaths =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    };

    [Required] public string Library { get; set; } = "";
    [Required] public string Version { get; set; } = "";

    public override bool Execute()
    {
        string system = Array.Find(LibstdcxxPaths, File.Exists);
        if (system is null || Contains(File.ReadAllBytes(system), Encoding.ASCII.GetBytes(Version + "\0")))
            return true; // newer systems are left untouched
        byte[] elf = File.ReadAllBytes(Library);
        int patched = MarkWeak(elf, Version);
        if (patched < 0) { Log.LogMessage(MessageImportance.Low, $"{Library}: needs no {Version}"); return true; }
        if (patched > 0)
        {
            File.WriteAllBytes(Library, elf);
            Log.LogMessage(MessageImportance.Normal, $"Marked {Version} weak in {Library} (system libstdc++ lacks it)");
        }
        return true;
    }

    // Returns 1 when the flag was set, 0 when it already was, -1 when the library needs no such version.
    static int MarkWeak(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a little-endian ELF64 file");
        long shoff = BitConverter.ToInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A), shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            int sh = checked((int)(shoff + i * shentsize));
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed) continue;
            long offset = BitConverter.ToInt64(elf, sh + 0x18);
            int link = BitConverter.ToInt32(elf, sh + 0x28), count = BitConverter.ToInt32(elf, sh + 0x2C);
            long strtab = BitConverter.ToInt64(elf, checked((int)(shoff + link * shentsize)) + 0x18);
            long need = offset;
            for (int n = 0; n < count; n++)
            {
                long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (int a = 0; a < BitConverter.ToUInt16(elf, (int)need + 2); a++)
                {
                    long name = strtab + BitConverter.ToUInt32(elf, (int)aux + 8);
                    if (ReadCString(elf, (int)name) == version)
                    {
                        ushort flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                        if ((flags & VerFlgWeak) != 0) return 0;
                        BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(elf, (int)aux + 4);
                        return 1;
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                need += BitConverter.ToUInt32(elf, (int)need + 12);
            }
        }
        return -1;
    }

    static string ReadCString(byte[] bytes, int start)
    {
        int end = Array.IndexOf(bytes, (byte)0, start);
        return Encoding.ASCII.GetString(bytes, start, end - start);
    }

    static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }
}
