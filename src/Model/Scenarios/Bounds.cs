using System.Globalization;

namespace Relations.Model.Scenarios;

/// <summary>
/// The documented range of every number and date a scenario may hold (docs/reliability.md, "Bounds"). The format
/// itself only asks for "a number" or "≥ 1"; these limits keep every sum, decay and calendar step of a replay
/// finite and inside .NET's calendar, so a file that validates always replays. Each is far beyond any real scenario.
/// </summary>
public static class Bounds
{
    /// <summary>A closed range of numbers for one field.</summary>
    public readonly record struct Range(double Min, double Max)
    {
        public bool Contains(double value) => value >= Min && value <= Max;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min:G} to {Max:G}");
    }

    /// <summary>First day any date of a scenario may name.</summary>
    public static readonly DateOnly FirstDay = new(1900, 1, 1);

    /// <summary>
    /// Last day any date may name. Terms (≤ <see cref="MaxTermYears"/>) and yearly samples end well before
    /// DateOnly's year 9999, so every step and term of a replay stays on the calendar.
    /// </summary>
    public static readonly DateOnly LastDay = new(2199, 12, 31);

    /// <summary>Largest <c>count</c> of one event.</summary>
    public const int MaxCount = 100_000;

    /// <summary>Largest number of event occurrences on dyads in one scenario (counts × the dyads of each event).</summary>
    public const long MaxOccurrences = 5_000_000;

    /// <summary>Longest term, in years (<c>term.years</c> and <c>model.agreementTermYears</c>).</summary>
    public const int MaxTermYears = 100;

    /// <summary>
    /// Weights (an event's <c>weight</c> and <c>model.weights</c>): ten times the Goldstein scale's ±10, so that
    /// occurrences × weight × (1 + spills) stays far below double's range.
    /// </summary>
    public static readonly Range Weight = new(-100, 100);

    // The model's parameters have their ranges in ModelParameters.Table, beside everything else about them.

    /// <summary>An interruption's <c>cancels</c> (format 1.1).</summary>
    public static readonly Range Cancels = new(0, 1);

    /// <summary>An interruption's <c>decayMultiplier</c> (format 1.1).</summary>
    public static readonly Range DecayMultiplier = new(1, 1000);

    public static bool InCalendar(DateOnly day) => day >= FirstDay && day <= LastDay;
}

/// <summary>The id rule of scenario-format.md, for hosts that build files from user input (the what-if editor).</summary>
public static class ScenarioIds
{
    public static bool IsValid(string? text) => text is not null && ProblemSink.IsId(text);
}
