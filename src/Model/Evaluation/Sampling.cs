using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>How often a series samples (model.md rule 6).</summary>
public enum SampleStep { Month, Day, Week, Year }

/// <summary>The sample days of a period (model.md rule 6).</summary>
public static class Sampling
{
    public static IReadOnlyList<DateOnly> Dates(Period period, SampleStep step)
    {
        var dates = new List<DateOnly>();
        var first = step switch
        {
            SampleStep.Month => period.From.Day == 1 ? period.From : new DateOnly(period.From.Year, period.From.Month, 1).AddMonths(1),
            SampleStep.Year => period.From.DayOfYear == 1 ? period.From : new DateOnly(period.From.Year + 1, 1, 1),
            _ => period.From,
        };
        for (var (t, i) = (first, 0); t <= period.To; i++)
        {
            dates.Add(t);
            t = step switch
            {
                SampleStep.Month => first.AddMonths(i + 1),
                SampleStep.Year => first.AddYears(i + 1),
                SampleStep.Week => first.AddDays(7 * (i + 1)),
                _ => first.AddDays(i + 1),
            };
        }
        return dates;
    }

    public static SampleStep Parse(string word) => word switch
    {
        "month" => SampleStep.Month,
        "day" => SampleStep.Day,
        "week" => SampleStep.Week,
        "year" => SampleStep.Year,
        _ => throw new ArgumentException($"unknown step '{word}': use month, day, week or year"),
    };

    public static string Name(SampleStep step) => step.ToString().ToLowerInvariant();
}
