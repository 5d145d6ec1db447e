namespace Relations.Storage.Tests;

/// <summary>A small grain state for the storage tests: a tie between two border places.</summary>
[GenerateSerializer, Alias("Relations.Storage.Tests.BorderTie")]
public sealed class BorderTie
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public int Visits { get; set; }
    [Id(2)] public List<string> Places { get; set; } = [];
}
