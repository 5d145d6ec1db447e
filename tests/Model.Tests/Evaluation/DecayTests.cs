using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Evaluation;

/// <summary>Rule 1 and the decay term 2^(−E/H): half-lives, interrupted days and their multiplier.</summary>
public sealed class DecayTests
{
    private const string OneVisit = """
        events:
          - { date: 2020-01-01, kind: visit, between: [vn, la], source: s }
        """;

    [Fact]
    public void An_impulse_counts_in_full_on_its_own_day()
    {
        var scenario = Load(OneVisit);

        Assert.Equal(1.9, R(scenario, "vn", "la", "2020-01-01"));
    }

    [Fact]
    public void One_half_life_halves_an_impulse()
    {
        var scenario = Load(OneVisit);

        // 2020-01-01 + 540 days = 2021-06-24.
        Assert.Equal(1.9 * Math.Pow(2, -540.0 / 540), R(scenario, "vn", "la", "2021-06-24"));
        Assert.Equal(0.95, R(scenario, "vn", "la", "2021-06-24"));
    }

    [Fact]
    public void Two_half_lives_quarter_an_impulse()
    {
        var scenario = Load(OneVisit);

        // 2020-01-01 + 1080 days = 2022-12-16.
        Assert.Equal(1.9 / 4, R(scenario, "vn", "la", "2022-12-16"));
    }

    [Fact]
    public void An_impulse_decays_by_the_elapsed_days_over_the_half_life()
    {
        var scenario = Load(OneVisit);

        // 2020-01-01 to 2020-04-10 is 31 + 29 + 31 + 9 = 100 days.
        Assert.Equal(1.9 * Math.Pow(2, -100.0 / 540), R(scenario, "vn", "la", "2020-04-10"));
    }

    [Fact]
    public void Interrupted_days_decay_twice_as_fast()
    {
        // 2020-02-01..2020-03-01 is 29 + 1 = 30 interrupted days; E = 100 + (2 − 1) · 30.
        var scenario = Load(OneVisit + """

            interruptions:
              - { id: closure, from: 2020-02-01, to: 2020-03-01, scope: all }
            """);

        Assert.Equal(1.9 * Math.Pow(2, -(100.0 + 30) / 540), R(scenario, "vn", "la", "2020-04-10"));
    }

    [Fact]
    public void Interrupted_days_decay_m_times_as_fast_with_a_multiplier_override()
    {
        var scenario = Load(OneVisit + """

            model: { interruptionDecayMultiplier: 3 }
            interruptions:
              - { id: closure, from: 2020-02-01, to: 2020-03-01, scope: all }
            """);

        Assert.Equal(1.9 * Math.Pow(2, -(100.0 + 2 * 30) / 540), R(scenario, "vn", "la", "2020-04-10"));
    }

    [Fact]
    public void A_day_covered_by_two_overlapping_interruptions_counts_once()
    {
        // 2020-02-01..02-20 and 2020-02-11..03-01 overlap on 10 days; their union is still 30 days.
        var scenario = Load(OneVisit + """

            interruptions:
              - { id: first, from: 2020-02-01, to: 2020-02-20, scope: all }
              - { id: second, from: 2020-02-11, to: 2020-03-01, scope: all }
            """);

        Assert.Equal(1.9 * Math.Pow(2, -(100.0 + 30) / 540), R(scenario, "vn", "la", "2020-04-10"));
    }

    [Fact]
    public void Only_interrupted_days_before_the_sample_day_count()
    {
        // E counts days x with t0 ≤ x < t: on the interruption's first day none has passed yet, on its
        // third day two have.
        var scenario = Load(OneVisit + """

            interruptions:
              - { id: closure, from: 2020-02-01, to: 2020-03-01, scope: all }
            """);

        Assert.Equal(1.9 * Math.Pow(2, -31.0 / 540), R(scenario, "vn", "la", "2020-02-01"));
        Assert.Equal(1.9 * Math.Pow(2, -(33.0 + 2) / 540), R(scenario, "vn", "la", "2020-02-03"));
    }

    [Fact]
    public void Interrupted_days_before_the_event_do_not_count()
    {
        var scenario = Load("""
            interruptions:
              - { id: closure, from: 2020-01-01, to: 2020-01-31, scope: all }
            events:
              - { date: 2020-03-01, kind: visit, between: [vn, la], source: s }
            """);

        Assert.Equal(1.9 * Math.Pow(2, -100.0 / 540), R(scenario, "vn", "la", "2020-06-09"));
    }

    [Fact]
    public void A_half_life_override_changes_the_decay()
    {
        var scenario = Load(OneVisit + "\nmodel: { halfLifeDays: 100 }");

        Assert.Equal(0.95, R(scenario, "vn", "la", "2020-04-10"));
    }

    [Fact]
    public void Effective_elapsed_days_add_m_minus_one_per_interrupted_day()
    {
        var interruption = new Interruption("x", Day("2020-02-01"), Day("2020-03-01"), InterruptionScope.Everything,
            [], null, null, null, Origin.None);
        var model = ModelParameters.Default with { InterruptionDecayMultiplier = 2.5 };
        var calendar = new InterruptionCalendar([interruption], model);

        Assert.Equal(100 + 1.5 * 30, StrengthModel.EffectiveElapsedDays(Day("2020-01-01"), Day("2020-04-10"), calendar));
        Assert.Equal(30, calendar.InterruptedDays(Day("2020-01-01"), Day("2020-04-10")));
        Assert.Equal(0, calendar.InterruptedDays(Day("2020-01-01"), Day("2020-02-01")));
    }
}
