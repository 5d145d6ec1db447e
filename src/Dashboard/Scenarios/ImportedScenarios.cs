using Relations.Model.Scenarios;

namespace Relations.Dashboard.Scenarios;

/// <summary>
/// Keeps scenarios made by an import as files of the scenarios folder (<c>imported/ID.yaml</c>), so that they
/// join the catalogue and open in the what-if editor like the seed scenarios.
/// </summary>
public static class ImportedScenarios
{
    public const string Folder = "imported";

    /// <summary>
    /// Saves checked scenario text under its id; null on success, else the file that already has the id: another
    /// scenario's, or an earlier import of the same id with other text (someone else's, never overwritten silently).
    /// </summary>
    public static string? Save(ScenarioCatalog catalog, Scenario scenario, string yaml)
    {
        var relative = $"{Folder}/{scenario.Id}.yaml";
        var path = Path.Combine(catalog.Root, Folder, scenario.Id + ".yaml");
        if (catalog.Find(scenario.Id) is { } taken && taken.Path != relative)
            return taken.Path;
        if (File.Exists(path) && File.ReadAllText(path) != yaml)
            return relative;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside the target and moved into place, so the catalogue never reads half a file.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, yaml, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
        return null;
    }
}
