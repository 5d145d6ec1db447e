using Relations.Model.Scenarios;
using Relations.Model.Tests.TestSupport;

namespace Relations.Model.Tests.Scenarios;

/// <summary>Every broken rule of scenario-format.md is reported once, at its file, line and column.</summary>
public sealed class ProblemTableTests
{
    public static TheoryData<string> Names => [.. BadInputs.All.Select(b => b.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void A_bad_input_is_reported_at_its_line_and_column(string name)
    {
        var input = BadInputs.ByName[name];
        var folder = new VirtualFolder();
        foreach (var (file, text) in input.Files)
            folder.Add(file, text);

        var (scenario, problems) = folder.Check(input.Entry);

        Assert.Null(scenario);
        var problem = Assert.Single(problems);
        Assert.Contains(input.Fragment, problem.Message);
        Assert.Equal(new SourcePosition(folder.PathOf(input.ProblemFile), input.Line, input.Column), problem.At);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Loading_a_bad_input_throws_with_its_problems_and_yields_no_scenario(string name)
    {
        var input = BadInputs.ByName[name];
        var folder = new VirtualFolder();
        foreach (var (file, text) in input.Files)
            folder.Add(file, text);

        var thrown = Assert.Throws<ScenarioException>(() => folder.Load(input.Entry));

        Assert.Contains(thrown.Problems, p => p.Message.Contains(input.Fragment, StringComparison.Ordinal));
    }
}
