using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Evaluation;

/// <summary>Rule 5: where the occurrences of an event with a date range fall.</summary>
public sealed class OccurrencesTests
{
    private static ScenarioEvent Ranged(string from, string to, int? count, string id = "visits") =>
        new(id, EventDate.Range(Day(from), Day(to)), count, "visit", ["vn"], ["la"], EventMode.InPerson,
            null, null, Certainty.Reported, ["s"], null, null, Origin.None);

    [Fact]
    public void Nine_occurrences_over_2013_to_2019_fall_on_the_spread_days()
    {
        // span = 2555 days (2013-01-01 to 2019-12-31); occurrence i falls ⌊(i + ½) · 2555 / 9⌋ days after the start.
        var placed = Occurrences.Place([Ranged("2013-01-01", "2019-12-31", 9)]);

        int[] offsets = [141, 425, 709, 993, 1277, 1561, 1845, 2129, 2413];
        Assert.Equal(offsets, offsets.Select((_, i) => (int)Math.Floor((i + 0.5) * 2555 / 9)).ToArray());
        Assert.Equal(offsets.Select(o => Day("2013-01-01").AddDays(o)), placed.Select(p => p.Day));
        Assert.Equal(Day("2013-05-22"), placed[0].Day);
        Assert.Equal(Day("2019-08-11"), placed[8].Day);
        Assert.Equal(Enumerable.Range(0, 9), placed.Select(p => p.Index));
    }

    [Fact]
    public void A_single_occurrence_of_a_range_falls_at_its_middle_rounded_down()
    {
        var placed = Occurrences.Place([Ranged("2020-01-01", "2020-01-04", null)]);

        Assert.Equal(Day("2020-01-02"), Assert.Single(placed).Day);
    }

    [Fact]
    public void A_range_whose_ends_are_the_same_day_puts_every_occurrence_on_that_day()
    {
        var placed = Occurrences.Place([Ranged("2020-05-05", "2020-05-05", 3)]);

        Assert.Equal(3, placed.Count);
        Assert.All(placed, p => Assert.Equal(Day("2020-05-05"), p.Day));
    }

    [Fact]
    public void Occurrences_on_one_day_add_up_in_the_series()
    {
        var scenario = Load("""
            events:
              - { date: { from: 2020-05-05, to: 2020-05-05 }, count: 3, kind: visit, between: [vn, la], source: s }
            """);

        Assert.Equal(1.9 + 1.9 + 1.9, R(scenario, "vn", "la", "2020-05-05"));
        Assert.Equal(0.0, R(scenario, "vn", "la", "2020-05-04"));
    }

    [Fact]
    public void A_seeded_placement_reproduces_exactly_with_the_same_seed()
    {
        ScenarioEvent[] events = [Ranged("2013-01-01", "2019-12-31", 9), Ranged("2020-01-01", "2020-12-31", 4, "more")];

        var first = Occurrences.Place(events, seed: 42).Select(p => p.Day).ToArray();
        var second = Occurrences.Place(events, seed: 42).Select(p => p.Day).ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_seeded_placement_draws_days_rather_than_spreading_them()
    {
        ScenarioEvent[] events = [Ranged("2013-01-01", "2019-12-31", 9)];

        var spread = Occurrences.Place(events).Select(p => p.Day).ToArray();
        var seven = Occurrences.Place(events, seed: 7).Select(p => p.Day).ToArray();
        var eight = Occurrences.Place(events, seed: 8).Select(p => p.Day).ToArray();

        Assert.NotEqual(spread, seven);
        Assert.NotEqual(seven, eight);
    }

    [Fact]
    public void Seeded_occurrences_stay_within_the_range_including_both_ends()
    {
        var placed = Enumerable.Range(0, 50)
            .SelectMany(seed => Occurrences.Place([Ranged("2020-03-01", "2020-03-03", 20)], seed))
            .Select(p => p.Day)
            .ToHashSet();

        Assert.Equal([Day("2020-03-01"), Day("2020-03-02"), Day("2020-03-03")], placed.Order());
    }

    [Fact]
    public void A_seed_leaves_single_day_events_on_their_day()
    {
        var ev = new ScenarioEvent("one", EventDate.Day(Day("2020-06-01")), null, "visit", ["vn"], ["la"],
            EventMode.InPerson, null, null, Certainty.Reported, ["s"], null, null, Origin.None);

        Assert.Equal(Day("2020-06-01"), Assert.Single(Occurrences.Place([ev], seed: 3)).Day);
    }

    [Fact]
    public void A_seeded_series_reproduces_exactly_with_the_same_seed()
    {
        var scenario = Load("""
            events:
              - { date: { from: 2020-01-01, to: 2022-06-30 }, count: 5, kind: visit, between: [vn-city, cn-county], source: s }
              - { date: { from: 2020-01-01, to: 2021-12-31 }, count: 2, kind: agreement, between: [vn, la], source: s }
            """);

        var first = ReferenceEvaluator.Evaluate(scenario, SampleStep.Week, seed: 2024);
        var second = ReferenceEvaluator.Evaluate(scenario, SampleStep.Week, seed: 2024);

        Assert.Equal(first.Dyads.Select(d => d.Dyad), second.Dyads.Select(d => d.Dyad));
        for (var i = 0; i < first.Dyads.Count; i++)
        {
            Assert.Equal(first.Dyads[i].Scores, second.Dyads[i].Scores);
            Assert.Equal(first.Dyads[i].Strengths, second.Dyads[i].Strengths);
        }
    }
}
