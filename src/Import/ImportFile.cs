namespace Relations.Import;

/// <summary>
/// A file handed to an import: the name its problems are reported under, its length, and a way to read it from the
/// start. A file on disk is read as a stream, never whole, so an import's memory follows the events it keeps, not
/// the file's size.
/// </summary>
public sealed class ImportFile
{
    private readonly Func<Stream> open;

    public ImportFile(string name, Func<Stream> open, long length)
    {
        Name = name;
        this.open = open;
        Length = length;
    }

    /// <summary>A file already in memory (an upload, a test).</summary>
    public ImportFile(string name, byte[] bytes) : this(name, () => new MemoryStream(bytes, writable: false), bytes.Length)
    {
    }

    public string Name { get; }

    public long Length { get; }

    /// <summary>A new stream over the file from its first byte; the caller disposes it.</summary>
    public Stream Open() => open();

    /// <summary>A file on disk, opened for one sequential read each time it is read.</summary>
    public static ImportFile FromPath(string path, string? name = null) =>
        new(name ?? path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan),
            new FileInfo(path).Length);
}
