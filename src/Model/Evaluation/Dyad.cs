namespace Relations.Model.Evaluation;

/// <summary>An unordered pair of actors, kept with <see cref="A"/> before <see cref="B"/> in ordinal order (interfaces.md).</summary>
public readonly record struct Dyad : IComparable<Dyad>
{
    public Dyad(string first, string second)
    {
        if (string.CompareOrdinal(first, second) <= 0)
            (A, B) = (first, second);
        else
            (A, B) = (second, first);
    }

    public string A { get; }
    public string B { get; }

    public int CompareTo(Dyad other)
    {
        var byA = string.CompareOrdinal(A, other.A);
        return byA != 0 ? byA : string.CompareOrdinal(B, other.B);
    }

    public override string ToString() => $"{A}–{B}";
}
