using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Evaluation;

/// <summary>Rule 6: the sample days of a series.</summary>
public sealed class SamplingTests
{
    private static DateOnly[] Dates(string from, string to, SampleStep step) =>
        [.. Sampling.Dates(new Period(Day(from), Day(to)), step)];

    [Fact]
    public void Monthly_samples_start_on_the_first_1st_of_a_month_within_the_period()
    {
        Assert.Equal(
            [Day("2012-04-01"), Day("2012-05-01"), Day("2012-06-01")],
            Dates("2012-03-15", "2012-06-30", SampleStep.Month));
    }

    [Fact]
    public void Monthly_samples_include_both_ends_of_the_period()
    {
        Assert.Equal(
            [Day("2012-01-01"), Day("2012-02-01"), Day("2012-03-01")],
            Dates("2012-01-01", "2012-03-01", SampleStep.Month));
    }

    [Fact]
    public void Weekly_samples_fall_every_seven_days_from_the_period_start()
    {
        Assert.Equal(
            [Day("2020-01-01"), Day("2020-01-08"), Day("2020-01-15"), Day("2020-01-22"), Day("2020-01-29")],
            Dates("2020-01-01", "2020-01-29", SampleStep.Week));
        Assert.Equal(
            [Day("2020-02-26"), Day("2020-03-04")],
            Dates("2020-02-26", "2020-03-10", SampleStep.Week));
    }

    [Fact]
    public void Yearly_samples_fall_on_every_1_January_within_the_period()
    {
        Assert.Equal(
            [Day("2013-01-01"), Day("2014-01-01"), Day("2015-01-01")],
            Dates("2012-03-15", "2015-01-01", SampleStep.Year));
        Assert.Equal([Day("2013-01-01")], Dates("2013-01-01", "2013-12-31", SampleStep.Year));
    }

    [Fact]
    public void Daily_samples_fall_on_every_day_including_29_February()
    {
        Assert.Equal(
            [Day("2020-02-27"), Day("2020-02-28"), Day("2020-02-29"), Day("2020-03-01")],
            Dates("2020-02-27", "2020-03-01", SampleStep.Day));
    }

    [Fact]
    public void A_period_without_a_1st_of_a_month_has_no_monthly_sample()
    {
        Assert.Empty(Dates("2020-01-02", "2020-01-31", SampleStep.Month));
    }

    [Fact]
    public void A_sample_on_day_t_includes_events_dated_t()
    {
        var scenario = Load("""
            events:
              - { date: 2020-03-01, kind: visit, between: [vn, la], source: s }
            """, from: "2020-01-15", to: "2020-04-30");

        var result = ReferenceEvaluator.Evaluate(scenario, SampleStep.Month);

        Assert.Equal([Day("2020-02-01"), Day("2020-03-01"), Day("2020-04-01")], result.Dates);
        var series = Assert.Single(result.Dyads);
        Assert.Equal([0.0, 1.9, 1.9 * Math.Pow(2, -31.0 / 540)], series.Scores);
    }

    [Theory]
    [InlineData("month", SampleStep.Month)]
    [InlineData("day", SampleStep.Day)]
    [InlineData("week", SampleStep.Week)]
    [InlineData("year", SampleStep.Year)]
    public void Step_names_read_as_their_steps(string word, SampleStep step)
    {
        Assert.Equal(step, Sampling.Parse(word));
        Assert.Equal(word, Sampling.Name(step));
    }
}
