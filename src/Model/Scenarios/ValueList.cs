using System.Collections;
using System.Runtime.CompilerServices;

namespace Relations.Model.Scenarios;

/// <summary>An immutable list that compares by its items, so records holding lists compare by content.</summary>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
[System.Text.Json.Serialization.JsonConverter(typeof(ValueListJsonConverter))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] items;

    public ValueList(IEnumerable<T> items) => this.items = [.. items];

    public static ValueList<T> Empty { get; } = new([]);

    public int Count => items.Length;
    public T this[int index] => items[index];
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    public bool Equals(ValueList<T>? other) => other is not null && items.SequenceEqual(other.items);
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items)
            hash.Add(item);
        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", items) + "]";
}

/// <summary>Builds <see cref="ValueList{T}"/> from collection expressions and sequences.</summary>
public static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());
    public static ValueList<T> Of<T>(params IEnumerable<T> items) => new(items);
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);
}
