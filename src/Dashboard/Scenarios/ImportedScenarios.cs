using Relations.Model.Scenarios;

namespace Relations.Dashboard.Scenarios;

/// <summary>
/// Keeps scenarios made by an import as files of the scenarios folder (<c>imported/ID.yaml</c>), so that they
/// join the catalogue and open in the what-if editor like the seed scenarios.
/// </summary>
public static class ImportedScenarios
{
    public const string Folder = "imported";

    /// <summary>Saves checked scenario text under its id; null on success, else why not (an id another file already has).</summary>
    public static string? Save(ScenarioCatalog catalog, Scenario scenario, string yaml)
    {
        var relative = $"{Folder}/{scenario.Id}.yaml";
        if (catalog.Find(scenario.Id) is { } taken && taken.Path != relative)
            return $"The scenario id '{scenario.Id}' is taken by {taken.Path}; import again with another id.";
        var path = Path.Combine(catalog.Root, Folder, scenario.Id + ".yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside the target and moved into place, so the catalogue never reads half a file.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, yaml, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
        return null;
    }
}
