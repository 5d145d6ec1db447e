using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// The decayed sum of a dyad's impulses carried forward in time: advancing from day a to day b multiplies it by
/// 2^(−E(a, b)/H), which composes exactly because E is additive over consecutive spans (model.md, E). Its two
/// numbers are all a grain needs to keep to go on later, so a checkpoint is small.
/// </summary>
public record struct DecaySweep(DateOnly? Cursor, double Decayed)
{
    /// <summary>Moves the sum forward to <paramref name="day"/> (never back).</summary>
    public void AdvanceTo(DateOnly day, InterruptionCalendar calendar, ModelParameters model)
    {
        if (Cursor is { } from && from < day)
            Decayed *= StrengthModel.Decay(StrengthModel.EffectiveElapsedDays(from, day, calendar), model);
        if (Cursor is null || Cursor < day)
            Cursor = day;
    }

    /// <summary>Adds an impulse dated <paramref name="day"/>, which must not be before the cursor.</summary>
    public void Add(DateOnly day, double amount, InterruptionCalendar calendar, ModelParameters model)
    {
        AdvanceTo(day, calendar, model);
        Decayed += amount;
    }

    /// <summary>Orders impulses as every sweep sums them: by day, then amount, so arrival order never matters.</summary>
    public static int Order((DateOnly Day, double Amount) x, (DateOnly Day, double Amount) y) =>
        x.Day != y.Day ? x.Day.CompareTo(y.Day) : x.Amount.CompareTo(y.Amount);
}
