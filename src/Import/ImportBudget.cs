using System.Globalization;
using Relations.Model.Scenarios;
using Relations.Model.Yaml;

namespace Relations.Import;

/// <summary>
/// The limits an import reads within: a scenario's own (its YAML at most <see cref="YamlTreeLoader.MaxBytes"/>, at most
/// <see cref="MaxOccurrences"/> event occurrences), a cap on listed problems, and the caller's time budget. Reading
/// stops as soon as one is passed, so a file far beyond them (a workbook that expands to millions of rows, a year of
/// GDELT) costs seconds and the memory of what was kept, not of the file.
/// </summary>
public sealed class ImportBudget(long maxOccurrences = Bounds.MaxOccurrences, CancellationToken cancellation = default)
{
    /// <summary>Problems listed before reading stops: enough to show what is wrong, bounded however bad the file.</summary>
    public const int MaxProblems = 200;

    /// <summary>Rows between looks at the time budget.</summary>
    private const int CheckEvery = 4096;

    private long bytes;
    private long occurrences;
    private int sinceCheck;

    public long MaxOccurrences { get; } = maxOccurrences;

    public long MaxBytes => YamlTreeLoader.MaxBytes;

    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>The problem that stopped reading, if one did.</summary>
    public string? Exceeded { get; private set; }

    /// <summary>Counts YAML bytes an event, actor or source will take (an estimate from below) and its occurrences.</summary>
    public void Add(long yamlBytes, long eventOccurrences = 0)
    {
        bytes += yamlBytes;
        occurrences += eventOccurrences;
        if (Exceeded is null && bytes > MaxBytes)
        {
            Exceeded = string.Create(CultureInfo.InvariantCulture,
                $"reading stopped here: what was kept so far already makes a scenario of more than {MaxBytes / 1024 / 1024} MiB, the most a scenario may have; import a shorter period (split the file by date) or map fewer actors");
        }
        else if (Exceeded is null && occurrences > MaxOccurrences)
        {
            Exceeded = string.Create(CultureInfo.InvariantCulture,
                $"reading stopped here: the events kept so far already have more than {MaxOccurrences:N0} occurrences, the most a scenario may have here; import a shorter period or fewer rows");
        }
    }

    /// <summary>Called once a row: throws <see cref="OperationCanceledException"/> once the caller's time budget is spent.</summary>
    public void Tick()
    {
        if (++sinceCheck < CheckEvery)
            return;
        sinceCheck = 0;
        Cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>The estimated YAML size of free text: quoted, and about one byte a UTF-8 byte.</summary>
    public static int TextBytes(string? text) => text is null ? 0 : text.Length + 8;
}
