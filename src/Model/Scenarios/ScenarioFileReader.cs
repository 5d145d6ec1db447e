using System.Globalization;
using Relations.Model.Yaml;

namespace Relations.Model.Scenarios;

/// <summary>
/// Reads a scenario file from disk, refusing what is not one before reading it: a folder, a device or pipe
/// (<c>/dev/urandom</c>, <c>/proc/…</c> report no size), a file larger than <see cref="YamlTreeLoader.MaxBytes"/>.
/// It never reads more than that many bytes, even from a file that grows while it is read.
/// </summary>
public static class ScenarioFileReader
{
    public static byte[] Read(string fullPath)
    {
        if (fullPath.Contains('\0'))
            throw new ScenarioFileException("the path contains a NUL character");
        if (Directory.Exists(fullPath))
            throw new ScenarioFileException("this is a folder, not a scenario file");
        var info = new FileInfo(fullPath);
        if (!info.Exists)
            throw new FileNotFoundException("the file does not exist", fullPath);
        if (info.Length == 0)
            throw new ScenarioFileException("the file is empty, or not a regular file");
        if (info.Length > YamlTreeLoader.MaxBytes)
            throw new ScenarioFileException(TooLarge(info.Length));

        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var buffer = new byte[Math.Min(info.Length, YamlTreeLoader.MaxBytes) + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
            read += n;
        if (read > YamlTreeLoader.MaxBytes)
            throw new ScenarioFileException(TooLarge(read));
        return buffer[..read];
    }

    internal static string TooLarge(long bytes) => string.Create(CultureInfo.InvariantCulture,
        $"the file is {bytes:N0} bytes or more, more than the {YamlTreeLoader.MaxBytes:N0} bytes a scenario may have");
}

/// <summary>A file that is not a scenario file to read (a folder, a device, too large); its message is for the user.</summary>
public sealed class ScenarioFileException(string message) : IOException(message);
