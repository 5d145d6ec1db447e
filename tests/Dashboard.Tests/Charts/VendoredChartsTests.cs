using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Relations.Dashboard.Tests.Charts;

/// <summary>The vendored chart library is the one its README names: every file listed with a hash has that SHA-256.</summary>
public sealed partial class VendoredChartsTests
{
    private static string Folder => Path.Combine(RepositoryFiles.Root, "src", "Dashboard", "Assets", "vendor", "echarts");

    [Fact]
    public void Every_vendored_file_has_the_hash_its_readme_gives_and_the_version_is_6_1_0()
    {
        var readme = File.ReadAllText(Path.Combine(Folder, "README.md"));
        Assert.Contains("Apache ECharts 6.1.0", readme);
        var rows = Row().Matches(readme).Select(m => (File: m.Groups[1].Value, Hash: m.Groups[2].Value)).ToList();
        Assert.Equal(2, rows.Count);
        foreach (var (file, hash) in rows)
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Folder, file)))));
        Assert.Contains("t.version=\"6.1.0\"", File.ReadAllText(Path.Combine(Folder, "echarts.common.min.js")));
        Assert.True(File.Exists(Path.Combine(Folder, "LICENSE")) && File.Exists(Path.Combine(Folder, "NOTICE")), "the licence and notice are kept beside the files");
    }

    [GeneratedRegex(@"^\| `([^`]+\.js)` \|[^|]*\| `([0-9a-f]{64})` \|$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
