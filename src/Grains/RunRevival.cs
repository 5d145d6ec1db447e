namespace Relations.Grains;

/// <summary>The reminder that wakes an unfinished run after its whole cluster was stopped.</summary>
public static class RunRevival
{
    public const string ReminderName = "revive";

    /// <summary>
    /// How often the reminder fires while a run goes on (a no-op while it runs); a restarted cluster wakes an
    /// unfinished run within about this long. Silos lower Orleans' one-minute minimum to this.
    /// </summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
}
