namespace Relations.Import;

/// <summary>
/// One side of a row of a coded event file as the file gives it: its code (GDELT <c>Actor1Code</c>, ICEWS
/// <c>Source Name</c>), its name (GDELT <c>Actor1Name</c>), its country (GDELT <c>Actor1CountryCode</c>, ICEWS
/// <c>Source Country</c>), and the places the row puts it: its own geography, and the action's.
/// </summary>
public sealed record CodedActor(string Field, int Column, string Code, string Name, string Country, IReadOnlyList<string> OwnPlaces, IReadOnlyList<string> ActionPlaces)
{
    /// <summary>How the row names the actor, for notes and messages: <c>VIETNAM (VNMGOV)</c>.</summary>
    public string Display => Name.Length > 0 && Code.Length > 0 ? $"{Name} ({Code})" : Name.Length > 0 ? Name : Code;
}
