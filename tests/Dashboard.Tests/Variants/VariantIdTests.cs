using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Relations.Dashboard.Scenarios;
using Relations.Dashboard.Variants;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Tests.Variants;

/// <summary>A what-if's id is checked against the id rule before it is written into the variant's YAML.</summary>
public sealed class VariantIdTests
{
    private static readonly Scenario Base = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, "lao-cai-hekou-youth.yaml"));

    [Theory]
    [InlineData("ok\nbase: /etc/passwd")]
    [InlineData("Upper")]
    [InlineData("")]
    public void An_id_that_breaks_the_rule_is_a_form_problem(string id)
    {
        var entry = new CatalogEntry(Base.Id, Base.Title, Base.Description, "lao-cai-hekou-youth.yaml", false, null, Base.Events.Count, Base.Actors.Count);
        var form = new FormCollection(new Dictionary<string, StringValues> { ["id"] = id });

        var (spec, problems) = VariantForm.Read(form, entry, Base, Localization.TestStrings.Shared);

        Assert.Null(spec);
        Assert.Contains(problems, p => p.Key == "id" && p.Value.Contains("is not a valid id", StringComparison.Ordinal) && !p.Value.Contains('\n'));
    }
}
