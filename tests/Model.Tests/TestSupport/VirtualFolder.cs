using System.Text;
using Relations.Model.Scenarios;

namespace Relations.Model.Tests.TestSupport;

/// <summary>
/// Scenario files served from memory through the loader's file reader, under a folder that does not exist on
/// disk, so include and base paths resolve as they would for real files.
/// </summary>
internal sealed class VirtualFolder
{
    private readonly Dictionary<string, byte[]> files = new(StringComparer.Ordinal);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "relations-virtual-" + Guid.NewGuid().ToString("N"));

    public VirtualFolder Add(string name, string text)
    {
        files[PathOf(name)] = Encoding.UTF8.GetBytes(text);
        return this;
    }

    public string PathOf(string name) => Path.GetFullPath(Path.Combine(Root, name));

    public ScenarioLoader Loader() =>
        new(path => files.TryGetValue(path, out var bytes) ? bytes : throw new FileNotFoundException(path));

    public (Scenario? Scenario, IReadOnlyList<Problem> Problems) Check(string name, bool requirePeriod = true) =>
        Loader().Check(PathOf(name), requirePeriod);

    public Scenario Load(string name) => Loader().Load(PathOf(name));

    public ScenarioCheck CheckWithWarnings(string name) => Loader().CheckWithWarnings(PathOf(name));
}
