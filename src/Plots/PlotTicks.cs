using System.Globalization;
using ScottPlot.TickGenerators;

namespace Relations.Plots;

/// <summary>Round tick steps and labels for the strength, score and date axes.</summary>
internal static class PlotTicks
{
    /// <summary>The step among 1, 2, 2.5 and 5 times a power of ten nearest above <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        if (rough <= 0 || double.IsNaN(rough))
            return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var factor in new[] { 1, 2, 2.5, 5 })
        {
            if (factor * power >= rough)
                return factor * power;
        }
        return 10 * power;
    }

    /// <summary>Multiples of <paramref name="step"/> (by default a round step giving about six ticks) from bottom to top.</summary>
    public static IEnumerable<double> Steps(double bottom, double top, double? step = null)
    {
        var by = step ?? NiceStep((top - bottom) / 6);
        for (var t = Math.Ceiling(bottom / by - 1e-9) * by; t <= top + by / 1000; t += by)
            yield return Math.Round(t, 9) + 0.0; // + 0.0 turns −0 into 0, which would print as "-0"
    }

    public static NumericManual Manual(IEnumerable<double> ticks)
    {
        var generator = new NumericManual();
        foreach (var tick in ticks)
            generator.AddMajor(tick, tick.ToString("0.##", CultureInfo.InvariantCulture));
        return generator;
    }

    /// <summary>"2016" on 1 January, "Mar 2023" on the 1st of a month, otherwise the full date.</summary>
    public static string FormatDate(DateTime day) =>
        day is { Month: 1, Day: 1 }
            ? day.ToString("yyyy", CultureInfo.InvariantCulture)
            : day.ToString(day.Day == 1 ? "MMM yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
