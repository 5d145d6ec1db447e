using Relations.Grains.Interfaces;
using Relations.Model.Scenarios;

namespace Relations.Silo.Cli;

/// <summary>Loads a scenario or variant file for a run, keeping the text of every file it read as the run's source.</summary>
internal static class ScenarioFiles
{
    public static (Scenario Scenario, ScenarioSource Source) Load(string path)
    {
        var loader = new ScenarioLoader();
        var scenario = loader.Load(path);
        return (scenario, ScenarioSource.FromFiles(Path.GetFullPath(path), loader));
    }
}
